package com.paysaga.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.paysaga.formats.domain.Transaction;
import com.paysaga.formats.ach.NachaParser;

class PaymentFileParsersTest {

    private static final String NACHA = String.join("\n",
            "101 231380104 1210003582603020930A094101FEDERAL RESERVE BANK   PAYSAGA TEST ORIGIN            ",
            "5220PAYSAGA INC                         1234567890PPDPAYROLL   MAR 03260303   1121000350000001",
            "62223138010412345678         0100000000EMP001         JANE DOE                0121000350000001",
            "822000000100231380100000000000000001000000001234567890                         121000350000001",
            "9000001000001000000010023138010000000000000000100000000                                       ",
            "9999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999",
            "9999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999",
            "9999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999",
            "9999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999",
            "9999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999") + "\n";

    private final List<Transaction> out = new ArrayList<>();

    private ValidationReport parse(PaymentFileParsers parsers, byte[] bytes, Optional<Format> forced) throws IOException {
        out.clear();
        return parsers.parse(new ByteArrayInputStream(bytes), ParseOptions.strict("f", "f"), forced, out::add);
    }

    @Test
    void detectsThenParsesWithTheRegisteredParser() throws IOException {
        ValidationReport report = parse(PaymentFileParsers.standard(), NACHA.getBytes(StandardCharsets.US_ASCII), Optional.empty());

        assertThat(report.format()).isEqualTo(Format.NACHA);
        assertThat(report.valid()).as(report.errors().toString()).isTrue();
        assertThat(out).hasSize(1);
    }

    @Test
    void theParserReceivesTheStreamAfterTheByteOrderMarkAndTheDetectedCharset() throws IOException {
        ParseOptions[] seen = new ParseOptions[1];
        byte[][] content = new byte[1][];
        FormatParser spy = new FormatParser() {
            @Override
            public Format format() {
                return Format.NACHA;
            }

            @Override
            public ValidationReport parse(InputStream in, ParseOptions options, TransactionSink sink) throws IOException {
                seen[0] = options;
                content[0] = in.readAllBytes();
                return new ValidationReport(Format.NACHA, options.maxIssues());
            }
        };
        Map<Format, Supplier<FormatParser>> registry = new EnumMap<>(Format.class);
        registry.put(Format.NACHA, () -> spy);
        byte[] withBom = ("\uFEFF" + NACHA).getBytes(StandardCharsets.UTF_8);

        ValidationReport report = parse(new PaymentFileParsers(registry, CsvHeaderMatcher.NONE), withBom, Optional.empty());

        assertThat(content[0]).isEqualTo(NACHA.getBytes(StandardCharsets.US_ASCII));
        assertThat(seen[0].charset()).contains(StandardCharsets.UTF_8);
        assertThat(report.warnings()).extracting(Issue::message)
                .containsExactly("UTF-8 byte-order mark before the first record ignored");
    }

    @Test
    void anUnknownFormatIsACleanReportWithWhatWasSeen() throws IOException {
        byte[] noise = new byte[100_000];
        new Random(3).nextBytes(noise);

        ValidationReport report = parse(PaymentFileParsers.standard(), noise, Optional.empty());

        assertThat(report.format()).isNull();
        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo("file");
            assertThat(e.message()).startsWith("unknown format: binary data").contains("expected NACHA ACH");
        });
        assertThat(new ReportSummaryJson().toJson(report).get("format").asText()).isEqualTo("UNKNOWN");
    }

    @Test
    void aTenMegabyteLineIsAnUnknownFormatAfterReadingOnlyTheSniffedPrefix() throws IOException {
        byte[] line = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(line, (byte) 'x');
        int[] read = {0};
        InputStream counting = new java.io.FilterInputStream(new ByteArrayInputStream(line)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                read[0] += Math.max(n, 0);
                return n;
            }
        };

        ValidationReport report = PaymentFileParsers.standard().parse(counting, ParseOptions.strict("f", "f"),
                Optional.empty(), out::add);

        assertThat(report.errors()).singleElement().extracting(Issue::message).asString()
                .startsWith("unknown format: text whose first line starts with \"xxxxxxxx\" and has more than 65536 characters");
        assertThat(read[0]).isLessThan(1024 * 1024);
    }

    @Test
    void aWrongEncodingIsACleanReportEvenWhenTheFormatIsForced() throws IOException {
        byte[] utf16 = ("\uFEFF" + NACHA).getBytes(StandardCharsets.UTF_16BE);

        ValidationReport report = parse(PaymentFileParsers.standard(), utf16, Optional.of(Format.NACHA));

        assertThat(report.format()).isEqualTo(Format.NACHA);
        assertThat(report.errors()).extracting(Issue::field, Issue::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("encoding",
                        "the file is encoded in UTF-16BE; only US-ASCII, UTF-8 and ISO-8859-1 are supported"));
        assertThat(out).isEmpty();
    }

    @Test
    void aForcedFormatThatTheContentContradictsIsParsedAsForcedWithAWarning() throws IOException {
        byte[] bai2 = "01,BANK,CUST,260302,0930,1,80,,2/\n".getBytes(StandardCharsets.US_ASCII);

        ValidationReport report = parse(PaymentFileParsers.standard(), bai2, Optional.of(Format.NACHA));

        assertThat(report.format()).isEqualTo(Format.NACHA);
        assertThat(report.valid()).isFalse();
        assertThat(report.warnings()).extracting(Issue::message)
                .contains("parsed as NACHA as requested, but the content looks like a BAI2 file header record (01)");
    }

    @Test
    void aFormatWithoutARegisteredParserIsADeploymentErrorThatNamesIt() {
        PaymentFileParsers onlyNacha = new PaymentFileParsers(Map.of(Format.NACHA, NachaParser::new), CsvHeaderMatcher.NONE);

        assertThat(onlyNacha.supports(Format.MT940)).isFalse();
        assertThatThrownBy(() -> onlyNacha.parserFor(Format.MT940))
                .isInstanceOf(UnsupportedFormatException.class)
                .hasMessageContaining("no parser is registered for format MT940");
        assertThat(onlyNacha.parserFor(Format.NACHA)).isNotSameAs(onlyNacha.parserFor(Format.NACHA));
    }

    @Test
    void everyFormatHasAStandardParser() {
        PaymentFileParsers standard = PaymentFileParsers.standard();
        for (Format f : Format.values()) {
            assertThat(standard.supports(f)).as(f.name()).isTrue();
            assertThat(standard.parserFor(f).format()).isEqualTo(f);
        }
    }
}
