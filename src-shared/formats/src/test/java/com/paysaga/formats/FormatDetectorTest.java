package com.paysaga.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FormatDetectorTest {

    private static final String NACHA_HEADER =
            "101 231380104 1210003582603020930A094101FEDERAL RESERVE BANK   PAYSAGA TEST ORIGIN            \n";

    private final FormatDetector detector = new FormatDetector(
            line -> line.startsWith("settlement_id,") ? Optional.of("example-processor") : Optional.empty());

    private Detection detect(byte[] bytes) {
        return detect(bytes, Optional.empty());
    }

    private Detection detect(byte[] bytes, Optional<Charset> declared) {
        ParseOptions options = new ParseOptions("f", "f", Set.of(), 100, declared, Optional.empty());
        return detector.detect(bytes, bytes.length, true, options);
    }

    private Detection detect(String text) {
        return detect(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String document(String message, String prolog) {
        return prolog + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:" + message + "\"><X/></Document>";
    }

    @Test
    void nachaIsRecognisedByItsFileHeaderRecord() {
        Detection d = detect(NACHA_HEADER);
        assertThat(d.format()).contains(Format.NACHA);
        assertThat(d.readable()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "pain.001.001.03, PAIN_001", "pain.001.001.09, PAIN_001",
            "camt.053.001.02, CAMT_053", "camt.053.001.08, CAMT_053",
            "camt.054.001.02, CAMT_054", "camt.054.001.08, CAMT_054"})
    void iso20022IsRecognisedByTheDocumentNamespaceOfEveryVersion(String message, Format expected) {
        assertThat(detect(document(message, "")).format()).contains(expected);
        assertThat(detect(document(message, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n  <!-- exported -->\n")).format())
                .contains(expected);
        assertThat(detect(document(message, "\n\t  ")).format()).contains(expected);
    }

    @Test
    void iso20022IsFoundBehindABomAndInsideABusinessApplicationHeaderEnvelope() {
        String envelope = "<?xml version=\"1.0\"?><BizMsgEnvlp xmlns=\"urn:example:envelope\">"
                + "<AppHdr xmlns=\"urn:iso:std:iso:20022:tech:xsd:head.001.001.02\"><MsgDefIdr>camt.053.001.08</MsgDefIdr></AppHdr>"
                + document("camt.053.001.08", "") + "</BizMsgEnvlp>";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] bytes = concat(bom, envelope.getBytes(StandardCharsets.UTF_8));

        Detection d = detect(bytes);

        assertThat(d.format()).contains(Format.CAMT_053);
        assertThat(d.bomLength()).isEqualTo(3);
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.seen()).contains("inside an envelope");
    }

    @Test
    void anUnsupportedIso20022MessageIsNamedButNotParsed() {
        Detection d = detect(document("camt.052.001.08", ""));
        assertThat(d.format()).isEmpty();
        assertThat(d.seen()).isEqualTo("an ISO 20022 camt.052.001.08 Document (supported: pain.001, camt.053, camt.054)");
    }

    @Test
    void bai2AndMt940AreRecognised() {
        assertThat(detect("01,BANKID,CUSTID,260302,0930,1,80,,2/\n").format()).contains(Format.BAI2);
        String mt940 = ":20:STMT0001\r\n:25:12345678/9876543\r\n:28C:1/1\r\n:60F:C260301EUR1000,00\r\n";
        assertThat(detect(mt940).format()).contains(Format.MT940);
        assertThat(detect("{1:F01BANKBEBBAXXX0000000000}{2:O9401200260302BANKDEFFXXXX00000000002603021200N}{4:\r\n"
                + mt940 + "-}").format()).contains(Format.MT940);
    }

    @Test
    void otherSwiftMessagesAreNotMistakenForMt940() {
        Detection mt942 = detect("{1:F01BANKBEBBAXXX0000000000}{2:O9421200260302BANKDEFFXXXX00000000002603021200N}{4:\r\n"
                + ":20:X\r\n:25:1\r\n:34F:EUR0,\r\n-}");
        assertThat(mt942.format()).isEmpty();
        assertThat(mt942.seen()).isEqualTo("a SWIFT MT942 message (only MT940 is supported)");
        assertThat(detect(":20:X\r\n:25:1\r\n:34F:EUR0,\r\n").format()).isEmpty();
    }

    @Test
    void processorCsvIsRecognisedByAKnownHeaderOrTheDeclaredMapping() {
        Detection known = detect("settlement_id,amount,currency\n1,2,USD\n");
        assertThat(known.format()).contains(Format.PROCESSOR_CSV);
        assertThat(known.csvMapping()).contains("example-processor");

        ParseOptions declared = new ParseOptions("f", "f", Set.of(), 100, Optional.empty(), Optional.of("partner-x"));
        byte[] other = "txn;amt;ccy\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(detector.detect(other, other.length, true, declared).csvMapping()).contains("partner-x");
    }

    @Test
    void unknownContentIsDescribedWithoutRevealingItsData() {
        Detection text = detect("4111111111111111,JOHN DOE,12.00\n");
        assertThat(text.format()).isEmpty();
        assertThat(text.seen()).isEqualTo("text whose first line starts with \"########\" and has 31 characters");
        assertThat(text.seen()).doesNotContain("4111");

        assertThat(detect(new byte[0]).seen()).isEqualTo("an empty file");
        assertThat(detect("PK\u0003\u0004rest".getBytes(StandardCharsets.ISO_8859_1)).seen()).isEqualTo("a ZIP archive");
        assertThat(detect("-----BEGIN PGP MESSAGE-----\n").seen()).isEqualTo("an ASCII-armoured PGP message (still encrypted)");
        byte[] noise = new byte[4096];
        new Random(1).nextBytes(noise);
        noise[0] = 0x13;
        assertThat(detect(noise).seen()).startsWith("binary data");
        assertThat(detect("<html><body/></html>").seen()).contains("first element is html");
    }

    @Test
    void utf16IsAnEncodingErrorWithOrWithoutAByteOrderMark() {
        Detection withBom = detect(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, NACHA_HEADER.getBytes(StandardCharsets.UTF_16LE)));
        assertThat(withBom.readable()).isFalse();
        assertThat(withBom.encodingErrors()).containsExactly(
                "the file is encoded in UTF-16LE; only US-ASCII, UTF-8 and ISO-8859-1 are supported");

        Detection withoutBom = detect(NACHA_HEADER.getBytes(StandardCharsets.UTF_16BE));
        assertThat(withoutBom.encodingErrors()).singleElement().asString().contains("UTF-16BE (no byte-order mark)");
    }

    @Test
    void undeclaredNonUtf8TextIsReadAsLatin1WithANote() {
        byte[] latin1 = (NACHA_HEADER + "5200CAF\u00c9 ROYAL\n").getBytes(StandardCharsets.ISO_8859_1);

        Detection d = detect(latin1);

        assertThat(d.readable()).isTrue();
        assertThat(d.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(d.encodingNotes()).containsExactly(
                "no charset declared and the file is not valid UTF-8 at line 2 (byte 0xC9); read as ISO-8859-1");
    }

    @Test
    void aDeclaredCharsetThatTheBytesContradictIsAnError() {
        byte[] utf8 = (NACHA_HEADER + "5200CAF\u00c9\n").getBytes(StandardCharsets.UTF_8);

        assertThat(detect(utf8, Optional.of(StandardCharsets.US_ASCII)).encodingErrors()).containsExactly(
                "the file is declared US-ASCII, but is not valid US-ASCII at line 2 (byte 0xC3)");
        assertThat(detect(utf8, Optional.of(StandardCharsets.UTF_8)).readable()).isTrue();
        assertThat(detect(utf8, Optional.of(StandardCharsets.UTF_16)).encodingErrors()).containsExactly(
                "declared charset UTF-16 is not supported (US-ASCII, UTF-8, ISO-8859-1)");
    }

    @Test
    void xmlFollowsItsOwnEncodingDeclaration() {
        byte[] latin1 = document("camt.053.001.08", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>")
                .replace("<X/>", "<X>Caf\u00e9</X>").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(detect(latin1).charset()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(detect(latin1).readable()).isTrue();

        byte[] undeclared = document("camt.053.001.08", "").replace("<X/>", "<X>Caf\u00e9</X>")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(detect(undeclared).encodingErrors()).singleElement().asString()
                .startsWith("the XML has no encoding declaration, so it must be UTF-8");

        byte[] ebcdic = document("camt.053.001.08", "<?xml version=\"1.0\" encoding=\"IBM037\"?>").getBytes(StandardCharsets.US_ASCII);
        assertThat(detect(ebcdic).encodingErrors()).singleElement().asString().contains("IBM037");
    }

    @Test
    void aMultiByteCharacterCutAtTheEndOfTheSniffedPrefixIsNotAnError() {
        byte[] bytes = (NACHA_HEADER + "\u00e9").getBytes(StandardCharsets.UTF_8);
        ParseOptions options = ParseOptions.strict("f", "f");

        assertThat(detector.detect(bytes, bytes.length - 1, false, options).readable()).isTrue();
        assertThat(detector.detect(bytes, bytes.length - 1, false, options).charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(detector.detect(bytes, bytes.length - 1, true, options).charset()).isEqualTo(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aDtdInTheSniffedXmlIsNeitherFetchedNorExpanded() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + document("camt.053.001.08", "").replace("<X/>", "<X>&x;</X>");
        Detection d = detect(xxe);
        assertThat(d.seen()).doesNotContain("root:");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
