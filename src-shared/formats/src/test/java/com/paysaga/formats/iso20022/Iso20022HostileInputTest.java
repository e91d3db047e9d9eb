package com.paysaga.formats.iso20022;

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

class Iso20022HostileInputTest {

    private final Camt053Parser camt053 = new Camt053Parser();

    private static Path sample(String name) {
        return SampleFixtures.samplesDir("iso20022").resolve(name);
    }

    @Test
    void randomBytesGiveAReportNotAnException() throws IOException {
        for (long seed = 1; seed <= 20; seed++) {
            ValidationReport report = HostileInputs.parse(camt053, HostileInputs.randomBytes(seed, 4096), HostileInputs.options());
            assertThat(report.valid()).isFalse();
            assertThat(report.errors()).isNotEmpty();
        }
    }

    @Test
    void everyTruncationOfAStatementOrInitiationIsReported() throws IOException {
        HostileInputs.everyTruncationIsReported(camt053, sample("camt053-v02-statement.xml"), HostileInputs.options(), false);
        HostileInputs.everyTruncationIsReported(new Pain001Parser(), sample("pain001-v03-sepa-two-batches.xml"), HostileInputs.options(), false);
        HostileInputs.everyTruncationIsReported(new Camt054Parser(), sample("camt054-v08-debit-notification.xml"), HostileInputs.options(), false);
    }

    @Test
    void tenMegabyteElementTextIsReportedNotBuffered() throws IOException {
        byte[] head = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">"
                + "<BkToCstmrStmt><GrpHdr><MsgId>").getBytes(StandardCharsets.UTF_8);
        byte[] tail = "</MsgId></GrpHdr></BkToCstmrStmt></Document>".getBytes(StandardCharsets.UTF_8);
        ValidationReport report = HostileInputs.parse(camt053, HostileInputs.concat(head, HostileInputs.tenMegabytes((byte) 'A'), tail),
                HostileInputs.options());

        assertThat(report.errors()).extracting(i -> i.message()).anyMatch(m -> m.contains("longer than"));
    }

    @Test
    void tenMegabyteLineWithoutMarkupIsReported() throws IOException {
        ValidationReport report = HostileInputs.parse(camt053, HostileInputs.tenMegabytes((byte) 'A'), HostileInputs.options());

        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).hasSize(1);
    }

    @Test
    void latin1BytesInADocumentDeclaredUtf8AreReported() throws IOException {
        ValidationReport report = HostileInputs.parse(camt053, Files.readAllBytes(sample("camt053-v02-latin1-declared-utf8.xml")),
                HostileInputs.options());

        assertThat(report.valid()).isFalse();
        assertThat(report.errors().get(0).location()).contains("line 15");
    }

    @Test
    void utf16DocumentWithMatchingDeclarationAndBomParses() throws IOException {
        String xml = Files.readString(sample("camt053-v02-statement.xml")).replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
        ValidationReport report = HostileInputs.parse(camt053, xml.getBytes(StandardCharsets.UTF_16), HostileInputs.options());

        // XML carries its own encoding: the parser follows the BOM and declaration, not a guess.
        assertThat(report.valid()).isTrue();
        assertThat(report.transactions()).isEqualTo(4);
    }

    @Test
    void externalEntityIsNeitherResolvedNorExpanded() throws IOException {
        ValidationReport report = HostileInputs.parse(camt053, Files.readAllBytes(sample("camt053-v02-xxe.xml")), HostileInputs.options());

        assertThat(report.valid()).isFalse();
        assertThat(report.errors().get(0).message()).contains("entity references are not allowed").doesNotContain("root:");
    }

    @Test
    void entityExpansionBombIsRejectedQuickly() throws IOException {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY a0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><GrpHdr><MsgId>&a10;</MsgId>"
                + "</GrpHdr></BkToCstmrStmt></Document>");
        ValidationReport report = HostileInputs.parse(camt053, dtd.toString().getBytes(StandardCharsets.UTF_8), HostileInputs.options());

        assertThat(report.valid()).isFalse();
    }

    @Test
    void failureOfTheSourceStreamEscapesAsIoException() throws IOException {
        byte[] content = Files.readAllBytes(sample("camt053-v02-statement.xml"));

        assertThatThrownBy(() -> camt053.parse(HostileInputs.failingAfter(content, 700), HostileInputs.options(), t -> { }))
                .isInstanceOf(IOException.class).hasMessage("disk on fire");
    }

    @Test
    void errorsAreCollectedUpToTheLimitThenParsingStops() throws IOException {
        String xml = Files.readString(sample("camt053-v08-multicurrency.xml")).replace("<Amt Ccy=\"JPY\">", "<Amt Ccy=\"JPY\">0.");
        ParseOptions options = new ParseOptions("f", "f", Set.of(), 3, Optional.empty(), Optional.empty());
        ValidationReport report = HostileInputs.parse(camt053, xml.getBytes(StandardCharsets.UTF_8), options);

        assertThat(report.errors()).hasSize(3);
        assertThat(report.errorLimitReached()).isTrue();
    }

    @Test
    void noSampleReportQuotesAnAccountNumber() throws IOException {
        for (Path sample : SampleFixtures.samples("iso20022")) {
            HostileInputs.assertNoAccountNumbers(SampleFixtures.parseDetected(sample, SampleFixtures.options(sample)).report());
        }
    }
}
