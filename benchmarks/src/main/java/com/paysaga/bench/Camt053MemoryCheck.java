package com.paysaga.bench;

import java.io.IOException;

import com.paysaga.formats.ParseOptions;
import com.paysaga.formats.ValidationReport;
import com.paysaga.formats.iso20022.Camt053Parser;

/**
 * Shows that camt.053 parsing needs memory independent of file size: streams a generated
 * statement of the given number of entries (about 820 bytes each; 1300000 entries is about 1.07 GB)
 * through the parser, e.g. under {@code -Xmx64m}:
 * {@code java -Xmx64m -cp benchmarks/target/benchmarks.jar com.paysaga.bench.Camt053MemoryCheck 1300000}
 *
 * <p>Also prints MB per CPU-second of the parsing thread (generation of the input included, so
 * a lower bound): on a shared machine wall-clock throughput measures the neighbours, while the
 * thread's CPU time is what one core spends per megabyte.
 */
public final class Camt053MemoryCheck {

    private Camt053MemoryCheck() {
    }

    public static void main(String[] args) throws IOException {
        long entries = args.length > 0 ? Long.parseLong(args[0]) : 800_000;
        CountingGenerator in = new CountingGenerator(new Camt053Generator(entries));
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        ValidationReport report = new Camt053Parser().parse(in, ParseOptions.strict("memcheck", "memcheck.xml"), t -> { });
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        Runtime rt = Runtime.getRuntime();
        System.out.printf("bytes=%d transactions=%d valid=%s wallSeconds=%.1f wallMB/s=%.1f cpuSeconds=%.1f MB/cpu-s=%.1f maxHeap=%dMB usedAfter=%dMB%n",
                in.count, report.transactions(), report.valid(), seconds, in.count / 1e6 / seconds,
                cpuSeconds, in.count / 1e6 / cpuSeconds, rt.maxMemory() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20);
        if (!report.valid() || report.transactions() != Camt053Generator.expectedTransactions(entries)) {
            System.out.println("errors: " + report.errors());
            System.exit(1);
        }
    }

    private static final class CountingGenerator extends java.io.FilterInputStream {
        long count;

        CountingGenerator(java.io.InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
