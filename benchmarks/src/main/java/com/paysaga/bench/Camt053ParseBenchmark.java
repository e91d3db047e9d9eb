package com.paysaga.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import com.paysaga.formats.ParseOptions;
import com.paysaga.formats.ValidationReport;
import com.paysaga.formats.iso20022.Camt053Parser;
import com.paysaga.formats.iso20022.SafeXml;
import com.paysaga.saga.store.FileIds;

/**
 * camt.053 parse + full validation, single thread, on a generated statement held in memory so
 * the disk is not measured. MB/s per core = {@code bytes} (printed at setup) x ops/s / 1e6.
 * Target (issue 3): at least 80 MB/s per core. The fork runs with the Batch job's JVM options
 * ({@link BatchJobJvm}), since the Transform job is where this parse runs; the fileId has the
 * production shape (the file's SHA-256 in hex), which sets how many SHA-256 blocks each
 * transaction id hashes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", BatchJobJvm.GC, BatchJobJvm.MIN_HEAP_FREE, BatchJobJvm.MAX_HEAP_FREE,
        BatchJobJvm.GC_TIME_RATIO, BatchJobJvm.ADAPTIVE_SIZE_WEIGHT,
        BatchJobJvm.FREQ_INLINE_SIZE})
public class Camt053ParseBenchmark {

    @Param({"40000"})
    public long entries;

    private byte[] file;
    private final Camt053Parser parser = new Camt053Parser();
    private ParseOptions options;

    @Setup(Level.Trial)
    public void generate() {
        file = Camt053Generator.generate(entries);
        // The fileId the pipeline gives this file: the SHA-256 of its bytes, as lowercase hex.
        options = ParseOptions.strict(FileIds.of(file), "bench.xml");
        System.err.printf("%n[Camt053ParseBenchmark] file of %d entries = %d bytes (%.1f MB)%n",
                entries, file.length, file.length / 1e6);
    }

    @Benchmark
    public long parseAndValidate(Blackhole blackhole) throws IOException {
        ValidationReport report = parser.parse(new ByteArrayInputStream(file), options, blackhole::consume);
        if (!report.valid() || report.transactions() != Camt053Generator.expectedTransactions(entries)) {
            throw new IllegalStateException("generated statement did not validate: " + report.errors());
        }
        return report.transactions();
    }

    /**
     * Control: the same bytes through the same StAX reader (SafeXml's Aalto factory, as the
     * parser uses it) with nothing done per event but touching each text's characters. The
     * parser can never be faster than this; the ratio of the two shows what the walk costs.
     */
    @Benchmark
    public long tokenizerOnly() throws XMLStreamException {
        XMLStreamReader reader = SafeXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(file));
        long sum = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.CHARACTERS) {
                sum += reader.getTextLength();
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                sum += reader.getLocalName().length();
            }
        }
        reader.close();
        return sum;
    }
}
