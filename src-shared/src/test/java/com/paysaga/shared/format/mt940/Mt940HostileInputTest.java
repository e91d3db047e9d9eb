package com.paysaga.shared.format.mt940;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.paysaga.shared.format.ValidationReport;
import com.paysaga.shared.format.iso20022.HostileInputs;
import com.paysaga.shared.format.iso20022.SampleFixtures;

class Mt940HostileInputTest {

    private final Mt940Parser parser = new Mt940Parser();
    private final Path valid = SampleFixtures.samplesDir("mt940").resolve("mt940-bare-two-statements.sta");

    @Test
    void randomBytesGiveAReportNotAnException() throws IOException {
        for (long seed = 1; seed <= 20; seed++) {
            ValidationReport report = HostileInputs.parse(parser, HostileInputs.randomBytes(seed, 4096), HostileInputs.options());
            assertThat(report.valid()).isFalse();
        }
    }

    @Test
    void everyTruncationGivesAReport() throws IOException {
        // A cut right after a complete statement leaves a valid file of fewer statements: MT940 has no file trailer.
        HostileInputs.everyTruncationIsReported(parser, valid, HostileInputs.options(), true);
        HostileInputs.everyTruncationIsReported(parser, valid.resolveSibling("mt940-swift-blocks-paged.sta"), HostileInputs.options(), true);
    }

    @Test
    void statementCutBeforeItsClosingBalanceIsInvalid() throws IOException {
        byte[] whole = Files.readAllBytes(valid);
        String text = new String(whole, StandardCharsets.ISO_8859_1);
        byte[] cut = text.substring(0, text.indexOf(":62F:")).getBytes(StandardCharsets.ISO_8859_1);

        assertThat(HostileInputs.parse(parser, cut, HostileInputs.options()).errors())
                .extracting(i -> i.message()).anyMatch(m -> m.contains("without a valid closing balance"));
    }

    @Test
    void tenMegabyteLineIsReportedNotBuffered() throws IOException {
        byte[] header = ":20:STARTUMSE\n".getBytes(StandardCharsets.US_ASCII);
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
    void bytesInvalidInTheDeclaredCharsetAreReportedWithTheirLine() throws IOException {
        byte[] latin1 = Files.readString(valid).replace("Rueckbuchung", "R\u00fcckbuchung").getBytes(StandardCharsets.ISO_8859_1);
        com.paysaga.shared.format.ParseOptions utf8 = new com.paysaga.shared.format.ParseOptions("f", "f", java.util.Set.of(), 100,
                java.util.Optional.of(StandardCharsets.UTF_8), java.util.Optional.empty());
        ValidationReport report = HostileInputs.parse(parser, latin1, utf8);

        assertThat(report.errors()).extracting(i -> i.location() + ": " + i.message()).contains("line 12: bytes not valid in UTF-8");
    }

    @Test
    void failureOfTheSourceStreamEscapesAsIoException() throws IOException {
        byte[] content = Files.readAllBytes(valid);

        assertThatThrownBy(() -> parser.parse(HostileInputs.failingAfter(content, 100), HostileInputs.options(), t -> { }))
                .isInstanceOf(IOException.class).hasMessage("disk on fire");
    }

    @Test
    void noSampleReportQuotesAnAccountNumber() throws IOException {
        for (Path sample : SampleFixtures.samples("mt940")) {
            HostileInputs.assertNoAccountNumbers(SampleFixtures.parseDetected(sample, SampleFixtures.options(sample)).report());
        }
    }
}
