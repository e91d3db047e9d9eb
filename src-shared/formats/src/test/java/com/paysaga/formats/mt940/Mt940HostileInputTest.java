package com.paysaga.formats.mt940;

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
        com.paysaga.formats.ParseOptions utf8 = new com.paysaga.formats.ParseOptions("f", "f", java.util.Set.of(), 100,
                java.util.Optional.of(StandardCharsets.UTF_8), java.util.Optional.empty());
        ValidationReport report = HostileInputs.parse(parser, latin1, utf8);

        assertThat(report.errors()).extracting(i -> i.location() + ": " + i.message()).contains("line 13: bytes not valid in UTF-8");
    }

    @Test
    void informationToTheAccountOwnerLongerThanSixLinesOfSixtyFiveIsAnErrorUnlessTheProfileAcceptsIt() throws IOException {
        String longLine = ":86:Rueckbuchung Gebuehr Dezember " + "X".repeat(60);
        byte[] content = Files.readString(valid).replace(":86:Rueckbuchung Gebuehr Dezember", longLine)
                .getBytes(StandardCharsets.ISO_8859_1);

        ValidationReport strict = HostileInputs.parse(parser, content, HostileInputs.options());
        assertThat(strict.errors()).extracting(i -> i.location() + ": " + i.field() + ": " + i.message())
                .containsExactly("line 13: :86:: :86: has 1 line(s), the longest of 90 characters; the field allows 6 lines of 65 (6*65x)");

        com.paysaga.formats.ParseOptions lenient = new com.paysaga.formats.ParseOptions("f", "f",
                java.util.Set.of(Mt940Leniency.LONG_INFORMATION), 100, java.util.Optional.empty(), java.util.Optional.empty());
        ValidationReport accepted = HostileInputs.parse(parser, content, lenient);
        assertThat(accepted.valid()).isTrue();
        assertThat(accepted.warnings()).extracting(i -> i.message())
                .contains(":86: has 1 line(s), the longest of 90 characters; the field allows 6 lines of 65 (6*65x)"
                        + " (accepted by the profile's MT940_LONG_INFORMATION)");

        String sevenLines = ":86:Rueckbuchung Gebuehr Dezember" + "\nmore".repeat(6);
        ValidationReport tall = HostileInputs.parse(parser, Files.readString(valid)
                .replace(":86:Rueckbuchung Gebuehr Dezember", sevenLines).getBytes(StandardCharsets.ISO_8859_1), HostileInputs.options());
        assertThat(tall.errors()).extracting(i -> i.message())
                .containsExactly(":86: has 7 line(s), the longest of 29 characters; the field allows 6 lines of 65 (6*65x)");
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
