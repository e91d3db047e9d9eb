package com.paysaga.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

import com.paysaga.formats.domain.Transaction;
import com.paysaga.formats.ParseOptions;
import com.paysaga.formats.PaymentFileParsers;
import com.paysaga.formats.ValidationReport;
import com.paysaga.formats.ach.NachaLeniency;

/**
 * Memory independent of file size: streams a generated NACHA file of the given size (default
 * 1 GB) through detection, parsing and full validation, building every transaction, and reports
 * the heap's peak usage. Nothing is written to disk. Above 900 MB the run accepts a wrong Block
 * Count (NACHA's six-digit field cannot count that many blocks). Run under a small heap:
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
        watchCollections();
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        // Past ~950 MB the six-digit Block Count cannot be right in any NACHA file (see NachaGenerator).
        java.util.Set<String> leniencies = megabytes > 900 ? java.util.Set.of(NachaLeniency.BLOCK_COUNT) : java.util.Set.of();
        ParseOptions options = new ParseOptions("large", "large.ach", leniencies, ParseOptions.DEFAULT_MAX_ISSUES,
                java.util.Optional.empty(), java.util.Optional.empty());
        ValidationReport report = PaymentFileParsers.standard().parse(in, options, java.util.Optional.empty(), (Transaction t) -> {
                    count[0]++;
                    amount[0] += t.amountMinor();
                });
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        long afterGc = LIVE_AFTER_GC.get();
        System.out.printf("bytes=%,d entries=%,d transactions=%,d valid=%s errors=%d%n", in.count, entries, count[0],
                report.valid(), report.errorCount());
        System.out.printf("seconds=%.1f cpuSeconds=%.1f MB/s(wall)=%.0f MB/s(cpu, including generation)=%.0f%n", seconds,
                cpuSeconds, in.count / 1e6 / seconds, in.count / 1e6 / cpuSeconds);
        System.out.printf("maxHeap=%,d MB peakHeapUsed(sum of pools)=%,d MB maxHeapAfterGc=%,d MB gcCount=%d warnings=%d%n",
                Runtime.getRuntime().maxMemory() >> 20, peak >> 20, afterGc >> 20, gcCount(), report.warningCount());
        if (!report.valid()) {
            System.out.println(report.errors());
            System.exit(1);
        }
    }

    /** Largest heap in use right after a collection: what the parse really keeps alive. */
    private static final java.util.concurrent.atomic.AtomicLong LIVE_AFTER_GC = new java.util.concurrent.atomic.AtomicLong();

    private static void watchCollections() {
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((javax.management.NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    return;
                }
                var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                        (javax.management.openmbean.CompositeData) notification.getUserData());
                long used = 0;
                for (java.lang.management.MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                    used += u.getUsed();
                }
                LIVE_AFTER_GC.accumulateAndGet(used, Math::max);
            }, null, null);
        }
    }

    private static long gcCount() {
        long n = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
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
