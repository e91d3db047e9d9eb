package com.paysaga.formats.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.paysaga.formats.ParseOptions;
import com.paysaga.formats.ValidationReport;
import com.paysaga.formats.iso20022.HostileInputs;
import com.paysaga.formats.iso20022.SampleFixtures;

class ProcessorCsvHostileInputTest {

    private final ProcessorCsvParser parser = new ProcessorCsvParser();
    private final Path valid = SampleFixtures.samplesDir("csv").resolve("cardproc-daily-settlement.csv");
    private final ParseOptions options = new ParseOptions("f", "f", Set.of(), 100, Optional.of(StandardCharsets.UTF_8),
            Optional.of("cardproc-daily-settlement"));

    @Test
    void randomBytesGiveAReportNotAnException() throws IOException {
        for (long seed = 1; seed <= 20; seed++) {
            ValidationReport report = HostileInputs.parse(parser, HostileInputs.randomBytes(seed, 4096), options);
            assertThat(report.valid()).isFalse();
        }
    }

    @Test
    void everyTruncationGivesAReport() throws IOException {
        // CSV has no trailer: a cut at a row boundary is a valid, shorter report; any other cut is an error.
        HostileInputs.everyTruncationIsReported(parser, valid, options, true);
    }

    @Test
    void tenMegabyteLineIsReportedNotBuffered() throws IOException {
        byte[] header = (Files.readAllLines(valid).get(0) + "\n").getBytes(StandardCharsets.UTF_8);
        ValidationReport report = HostileInputs.parse(parser, HostileInputs.concat(header, HostileInputs.tenMegabytes((byte) 'x')), options);

        assertThat(report.errors()).extracting(i -> i.message()).anyMatch(m -> m.startsWith("a line exceeds 1048576 characters"));
    }

    @Test
    void bytesInvalidInTheCharsetAreReported() throws IOException {
        byte[] latin1 = Files.readString(valid).replace("Harbour Logistics Ltd,ORD-55103", "H\u00e4rbour Logistics Ltd,ORD-55103")
                .getBytes(StandardCharsets.ISO_8859_1);
        ValidationReport report = HostileInputs.parse(parser, latin1, options);

        assertThat(report.errors()).extracting(i -> i.message()).containsExactly("bytes not valid in UTF-8");
    }

    @Test
    void utf16EncodedFileIsReported() throws IOException {
        assertThat(HostileInputs.parse(parser, Files.readString(valid).getBytes(StandardCharsets.UTF_16), options).valid()).isFalse();
    }

    @Test
    void fileWithoutAMappingIsReported() throws IOException {
        ParseOptions none = ParseOptions.strict("f", "f");

        assertThat(HostileInputs.parse(parser, Files.readAllBytes(valid), none).errors())
                .extracting(i -> i.field()).containsExactly("csv mapping");
    }

    @Test
    void failureOfTheSourceStreamEscapesAsIoException() throws IOException {
        byte[] content = Files.readAllBytes(valid);

        assertThatThrownBy(() -> parser.parse(HostileInputs.failingAfter(content, 300), options, t -> { }))
                .isInstanceOf(IOException.class).hasMessage("disk on fire");
    }

    @Test
    void noSampleReportQuotesACardNumber() throws IOException {
        for (Path sample : SampleFixtures.samples("csv")) {
            HostileInputs.assertNoAccountNumbers(SampleFixtures.parseDetected(sample, SampleFixtures.options(sample)).report());
        }
    }
}
