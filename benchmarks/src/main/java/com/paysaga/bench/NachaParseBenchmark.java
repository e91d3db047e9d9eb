package com.paysaga.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import com.paysaga.formats.ParseOptions;
import com.paysaga.formats.TransactionSink;
import com.paysaga.formats.ValidationReport;
import com.paysaga.formats.ach.NachaParser;

/**
 * NACHA parse + full validation of a generated 500,000-entry file (about 52 MB), single-threaded,
 * reported as MB/s and MB per CPU-second (one benchmark thread = one core; target ≥ 300 MB/s):
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar Nacha -f 1 -wi 3 -i 5</pre>
 *
 * {@code validate}: every record parsed and every rule checked, transactions counted and totalled
 * but not built ({@link TransactionSink#DISCARD}), as the Validate pass does.
 * {@code parseToTransactions}: the same plus a canonical {@code Transaction} per entry (ids,
 * strings, attributes) handed to a sink, as the Transform stage does.
 * The file is read from memory, so the figures are the parser's, not the disk's. The fork runs with
 * the Batch job's JVM options ({@link BatchJobJvm}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", BatchJobJvm.GC, BatchJobJvm.MIN_HEAP_FREE, BatchJobJvm.MAX_HEAP_FREE,
        BatchJobJvm.GC_TIME_RATIO, BatchJobJvm.ADAPTIVE_SIZE_WEIGHT,
        BatchJobJvm.FREQ_INLINE_SIZE})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class NachaParseBenchmark {

    static final long ENTRIES = 500_000;

    private byte[] file;

    /**
     * JMH reports {@code megabytes} and {@code cpuSeconds} per second next to operations per
     * second. On a machine shared with other work the wall-clock rate understates the parser;
     * {@code megabytes ÷ cpuSeconds} is the rate per core actually used (MB per CPU-second of the
     * benchmark thread).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public double megabytes;
        public double cpuSeconds;
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        @Setup(Level.Iteration)
        public void reset() {
            megabytes = 0;
            cpuSeconds = 0;
        }

        long cpu() {
            return threads.getCurrentThreadCpuTime();
        }

        void count(long bytes, long cpuStart) {
            megabytes += bytes / 1e6;
            cpuSeconds += (cpu() - cpuStart) / 1e9;
        }
    }

    @Setup
    public void generate() {
        file = NachaGenerator.bytes(ENTRIES, true);
        System.err.printf("NACHA benchmark file: %,d entries, %,d bytes%n", ENTRIES, file.length);
    }

    @Benchmark
    public ValidationReport validate(Bytes bytes) throws IOException {
        long cpu = bytes.cpu();
        ValidationReport report = new NachaParser().parse(new ByteArrayInputStream(file),
                ParseOptions.strict("bench", "bench.ach"), TransactionSink.DISCARD);
        check(report);
        bytes.count(file.length, cpu);
        return report;
    }

    @Benchmark
    public ValidationReport parseToTransactions(Bytes bytes, Blackhole hole) throws IOException {
        long cpu = bytes.cpu();
        ValidationReport report = new NachaParser().parse(new ByteArrayInputStream(file),
                ParseOptions.strict("bench", "bench.ach"), hole::consume);
        check(report);
        bytes.count(file.length, cpu);
        return report;
    }

    private static void check(ValidationReport report) {
        if (!report.valid() || report.transactions() != ENTRIES) {
            throw new IllegalStateException("the generated file did not validate: " + report.errors());
        }
    }
}
