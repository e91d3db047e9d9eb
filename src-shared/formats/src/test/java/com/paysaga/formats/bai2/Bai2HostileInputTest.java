package com.paysaga.formats.bai2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.paysaga.formats.ValidationReport;
import com.paysaga.formats.iso20022.HostileInputs;
import com.paysaga.formats.iso20022.SampleFixtures;

class Bai2HostileInputTest {

    private final Bai2Parser parser = new Bai2Parser();
    private final Path valid = SampleFixtures.samplesDir("bai2").resolve("bai2-two-groups.bai");

    @Test
    void randomBytesGiveAReportNotAnException() throws IOException {
        for (long seed = 1; seed <= 20; seed++) {
            ValidationReport report = HostileInputs.parse(parser, HostileInputs.randomBytes(seed, 4096), HostileInputs.options());
            assertThat(report.valid()).isFalse();
        }
    }

    @Test
    void everyTruncationIsReportedAsMissingTrailers() throws IOException {
        HostileInputs.everyTruncationIsReported(parser, valid, HostileInputs.options(), false);
    }

    @Test
    void tenMegabyteLineIsReportedNotBuffered() throws IOException {
        byte[] header = "01,BANKUS33,ACMECORP,240315,0600,1,80,10,2/\n".getBytes(StandardCharsets.US_ASCII);
        ValidationReport report = HostileInputs.parse(parser, HostileInputs.concat(header, HostileInputs.tenMegabytes((byte) '9')),
                HostileInputs.options());

        assertThat(report.errors()).extracting(i -> i.location() + ": " + i.message())
                .anyMatch(m -> m.startsWith("line 2: line of 10485760 characters exceeds"));
    }

    @Test
    void utf16EncodedFileIsReported() throws IOException {
        byte[] utf16 = Files.readString(valid).getBytes(StandardCharsets.UTF_16LE);

        assertThat(HostileInputs.parse(parser, utf16, HostileInputs.options()).valid()).isFalse();
    }

    @Test
    void nonAsciiBytesAreReportedWithTheirLine() throws IOException {
        byte[] latin1 = Files.readString(valid).replace("CHECK PAID", "CH\u00c8QUE PAID").getBytes(StandardCharsets.ISO_8859_1);
        ValidationReport report = HostileInputs.parse(parser, latin1, HostileInputs.options());

        assertThat(report.errors()).extracting(i -> i.location() + ": " + i.message()).containsExactly("line 8: bytes not valid in US-ASCII");
    }

    @Test
    void failureOfTheSourceStreamEscapesAsIoException() throws IOException {
        byte[] content = Files.readAllBytes(valid);

        assertThatThrownBy(() -> parser.parse(HostileInputs.failingAfter(content, 100), HostileInputs.options(), t -> { }))
                .isInstanceOf(IOException.class).hasMessage("disk on fire");
    }

    @Test
    void noSampleReportQuotesAnAccountNumber() throws IOException {
        for (Path sample : SampleFixtures.samples("bai2")) {
            HostileInputs.assertNoAccountNumbers(SampleFixtures.parseDetected(sample, SampleFixtures.options(sample)).report());
        }
    }
}
