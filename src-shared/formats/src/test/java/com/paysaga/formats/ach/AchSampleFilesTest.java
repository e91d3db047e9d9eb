package com.paysaga.formats.ach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.paysaga.formats.domain.Transaction;
import com.paysaga.formats.Format;
import com.paysaga.formats.ParseOptions;
import com.paysaga.formats.PaymentFileParsers;
import com.paysaga.formats.ReportSummaryJson;
import com.paysaga.formats.ValidationReport;

/**
 * Every sample under {@code events/files/ach/} parses (through detection, as {@code parse} and
 * the Transform job do) to the summary in its {@code .summary.json} fixture, with its leniency
 * options to its {@code .lenient.summary.json} and with its strict options to its
 * {@code .strict.summary.json}. Run with {@code -Dpaysaga.writeFixtures=true} to rewrite
 * fixtures after a deliberate change, then review the diff line by line.
 */
class AchSampleFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static Path samplesDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("events/files"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("events/files not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("events/files/ach");
    }

    /** Which options a sample is parsed with: none, its {@code .leniencies} or its {@code .strictness}. */
    enum Options {
        DEFAULT(""), LENIENT(".lenient"), STRICT(".strict");

        final String fixtureSuffix;

        Options(String fixtureSuffix) {
            this.fixtureSuffix = fixtureSuffix;
        }
    }

    static Stream<Arguments> samples() {
        List<Arguments> cases = new ArrayList<>();
        for (String name : AchSamples.all().keySet()) {
            cases.add(Arguments.of(name, Options.DEFAULT));
            if (AchSamples.leniencies().containsKey(name)) {
                cases.add(Arguments.of(name, Options.LENIENT));
            }
            if (AchSamples.strictness().containsKey(name)) {
                cases.add(Arguments.of(name, Options.STRICT));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("samples")
    void sampleParsesToItsFixture(String name, Options with) throws IOException {
        Path file = samplesDir().resolve(name);
        Set<String> options = switch (with) {
            case DEFAULT -> Set.of();
            case LENIENT -> optionsFile(file, ".leniencies");
            case STRICT -> optionsFile(file, ".strictness");
        };
        List<Transaction> transactions = new ArrayList<>();
        ValidationReport report = parse(file, options, transactions);

        JsonNode actual = JSON.readTree(JSON.writeValueAsString(new ReportSummaryJson().toJson(report)));
        Path fixture = file.resolveSibling(name + with.fixtureSuffix + ".summary.json");
        if (Boolean.getBoolean("paysaga.writeFixtures")) {
            Files.writeString(fixture, JSON.writeValueAsString(actual) + "\n");
        }
        assertThat(actual).isEqualTo(JSON.readTree(fixture.toFile()));

        assertThat(transactions).hasSize((int) report.transactions());
        assertThat(report.format()).isEqualTo(Format.NACHA);
        for (Transaction t : transactions) {
            assertThat(t.txnId()).startsWith("sample-" + name + ":");
            assertThat(t.currency()).isEqualTo("USD");
            assertThat(t.amountMinor()).isNotNegative();
        }
    }

    @Test
    void committedSamplesAreExactlyWhatTheGeneratorBuilds() throws IOException {
        for (Map.Entry<String, byte[]> e : AchSamples.all().entrySet()) {
            assertThat(Files.readAllBytes(samplesDir().resolve(e.getKey())))
                    .as("events/files/ach/%s (regenerate with AchSamples.main)", e.getKey())
                    .isEqualTo(e.getValue());
        }
        for (Map.Entry<String, String> e : AchSamples.leniencies().entrySet()) {
            assertThat(optionsFile(samplesDir().resolve(e.getKey()), ".leniencies")).containsExactly(e.getValue());
        }
        for (Map.Entry<String, String> e : AchSamples.strictness().entrySet()) {
            assertThat(optionsFile(samplesDir().resolve(e.getKey()), ".strictness")).containsExactly(e.getValue());
        }
    }

    @Test
    void everySecCodeHasAValidSampleThatProducesItsTransactions() throws IOException {
        Set<String> seen = new TreeSet<>();
        for (String name : AchSamples.all().keySet()) {
            List<Transaction> transactions = new ArrayList<>();
            ValidationReport report = parse(samplesDir().resolve(name), Set.of(), transactions);
            if (report.valid()) {
                transactions.forEach(t -> seen.add(t.paymentType()));
            }
        }
        Set<String> all = Arrays.stream(SecCode.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
        assertThat(seen).isEqualTo(all);
    }

    @Test
    void everyBrokenSampleIsInvalidAndEveryOtherIsValid() throws IOException {
        for (String name : AchSamples.all().keySet()) {
            ValidationReport report = parse(samplesDir().resolve(name), Set.of(), new ArrayList<>());
            boolean expectedValid = !AchSamples.leniencies().containsKey(name) && !AchSamples.broken(name);
            assertThat(report.valid()).as(name + ": " + report.errors()).isEqualTo(expectedValid);
        }
    }

    @Test
    void whatTheRulesLetTheOperatorSupplyIsAWarningThatOnlyTheStrictOptionRejects() throws IOException {
        for (Map.Entry<String, String> e : AchSamples.strictness().entrySet()) {
            Path file = samplesDir().resolve(e.getKey());
            ValidationReport lenient = parse(file, Set.of(), new ArrayList<>());
            ValidationReport strict = parse(file, Set.of(e.getValue()), new ArrayList<>());
            assertThat(lenient.valid()).as(e.getKey()).isTrue();
            assertThat(strict.valid()).as(e.getKey() + " with " + e.getValue()).isEqualTo(!AchSamples.strictRejects(e.getKey()));
            if (AchSamples.strictRejects(e.getKey())) {
                assertThat(strict.errors()).allSatisfy(i -> assertThat(i.message()).endsWith("(rejected: " + e.getValue() + ")"));
            }
        }
        assertThat(Set.copyOf(AchSamples.strictness().values())).isEqualTo(NachaStrictness.names());
    }

    private static ValidationReport parse(Path file, Set<String> leniencies, List<Transaction> out) throws IOException {
        ParseOptions options = new ParseOptions("sample-" + file.getFileName(), file.getFileName().toString(),
                leniencies, ParseOptions.DEFAULT_MAX_ISSUES, Optional.empty(), Optional.empty());
        try (InputStream in = Files.newInputStream(file)) {
            return PaymentFileParsers.standard().parse(in, options, Optional.empty(), out::add);
        }
    }

    private static Set<String> optionsFile(Path sample, String suffix) throws IOException {
        String text = Files.readString(sample.resolveSibling(sample.getFileName() + suffix), StandardCharsets.US_ASCII);
        return Arrays.stream(text.strip().split(",")).map(String::strip).collect(Collectors.toSet());
    }
}
