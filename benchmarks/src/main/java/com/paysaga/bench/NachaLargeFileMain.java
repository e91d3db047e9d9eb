package com.paysaga.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

import com.paysaga.shared.domain.Transaction;
import com.paysaga.shared.format.ParseOptions;
import com.paysaga.shared.format.PaymentFileParsers;
import com.paysaga.shared.format.ValidationReport;

/**
 * Memory independent of file size: streams a generated NACHA file of the given size (default
 * 1 GB) through detection, parsing and full validation, building every transaction, and reports
 * the heap's peak usage. Nothing is written to disk. Run under a small heap:
 *
 * <pre>java -Xmx128m -cp benchmarks/target/benchmarks.jar com.paysaga.bench.NachaLargeFileMain 1024</pre>
 */
public final class NachaLargeFileMain {

    private NachaLargeFileMain() {
    }

    public static void main(String[] args) throws IOException {
        long megabytes = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        long entries = NachaGenerator.entriesForBytes(megabytes * 1_000_000L);
        long[] count = new long[1];
        long[] amount = new long[1];
        CountingStream in = new CountingStream(new NachaGenerator(entries, true));
        long start = System.nanoTime();
        ValidationReport report = PaymentFileParsers.standard().parse(in,
                ParseOptions.strict("large", "large.ach"), java.util.Optional.empty(), (Transaction t) -> {
                    count[0]++;
                    amount[0] += t.amountMinor();
                });
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("bytes=%,d entries=%,d transactions=%,d valid=%s errors=%d%n", in.count, entries, count[0],
                report.valid(), report.errorCount());
        System.out.printf("seconds=%.1f MB/s=%.0f maxHeap=%,d MB peakHeapUsed(sum of pools)=%,d MB%n", seconds,
                in.count / 1e6 / seconds, Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
        if (!report.valid()) {
            System.out.println(report.errors());
            System.exit(1);
        }
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(java.io.InputStream in) {
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

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count++;
            }
            return c;
        }
    }
}
