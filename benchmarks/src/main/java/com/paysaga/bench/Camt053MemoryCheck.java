package com.paysaga.bench;

import java.io.IOException;

import com.paysaga.shared.format.ParseOptions;
import com.paysaga.shared.format.ValidationReport;
import com.paysaga.shared.format.iso20022.Camt053Parser;

/**
 * Shows that camt.053 parsing needs memory independent of file size: streams a generated
 * statement of the given number of entries (about 1.3 kB each; 800000 entries is about 1 GB)
 * through the parser, e.g. under {@code -Xmx64m}:
 * {@code java -Xmx64m -cp benchmarks/target/benchmarks.jar com.paysaga.bench.Camt053MemoryCheck 800000}
 */
public final class Camt053MemoryCheck {

    private Camt053MemoryCheck() {
    }

    public static void main(String[] args) throws IOException {
        long entries = args.length > 0 ? Long.parseLong(args[0]) : 800_000;
        CountingGenerator in = new CountingGenerator(new Camt053Generator(entries));
        long start = System.nanoTime();
        ValidationReport report = new Camt053Parser().parse(in, ParseOptions.strict("memcheck", "memcheck.xml"), t -> { });
        double seconds = (System.nanoTime() - start) / 1e9;
        Runtime rt = Runtime.getRuntime();
        System.out.printf("bytes=%d transactions=%d valid=%s seconds=%.1f MB/s=%.1f maxHeap=%dMB usedAfter=%dMB%n",
                in.count, report.transactions(), report.valid(), seconds, in.count / 1e6 / seconds,
                rt.maxMemory() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20);
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
