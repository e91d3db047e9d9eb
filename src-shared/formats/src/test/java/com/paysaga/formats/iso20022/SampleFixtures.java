package com.paysaga.formats.iso20022;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.paysaga.formats.domain.Transaction;
import com.paysaga.formats.FormatParser;
import com.paysaga.formats.ParseOptions;
import com.paysaga.formats.PaymentFileParsers;
import com.paysaga.formats.ReportSummaryJson;
import com.paysaga.formats.ValidationReport;

/**
 * Sample files under events/files/&lt;format&gt;/ and their expected {@code parse --summary} JSON
 * ({@code <name>.summary.json} next to each). Used by every format's samples test. Run a test
 * with {@code -Dpaysaga.writeFixtures=true} to (re)write the fixtures after a deliberate change;
 * then review the diff, since a fixture is only worth what its review was.
 */
public final class SampleFixtures {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SampleFixtures() {
    }

    public static Path samplesDir(String format) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("events/files"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("events/files not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("events/files").resolve(format);
    }

    /** Every sample file (not fixture) of a format directory, sorted by name. */
    public static List<Path> samples(String format) throws IOException {
        try (Stream<Path> files = Files.list(samplesDir(format))) {
            return files.filter(p -> !p.getFileName().toString().endsWith(".summary.json"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    public record Parsed(ValidationReport report, List<Transaction> transactions) {
    }

    public static Parsed parse(FormatParser parser, Path file, ParseOptions options) throws IOException {
        List<Transaction> transactions = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            ValidationReport report = parser.parse(in, options, transactions::add);
            return new Parsed(report, transactions);
        }
    }

    /** As {@code local/paysaga parse FILE}: format and charset detected from content by the registry. */
    public static Parsed parseDetected(Path file, ParseOptions options) throws IOException {
        List<Transaction> transactions = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            ValidationReport report = PaymentFileParsers.standard().parse(in, options, Optional.empty(), transactions::add);
            return new Parsed(report, transactions);
        }
    }

    public static ParseOptions options(Path file) {
        return ParseOptions.strict("sample-" + file.getFileName(), file.getFileName().toString());
    }

    /** The {@code parse --summary} JSON, by the same writer the command uses. */
    public static JsonNode summary(ValidationReport report) throws IOException {
        // Re-read so that numbers compare by value with a fixture read from disk (long vs int nodes).
        return JSON.readTree(JSON.writeValueAsString(new ReportSummaryJson().toJson(report)));
    }

    public static Path fixture(Path sample) {
        return sample.resolveSibling(sample.getFileName() + ".summary.json");
    }

    /** The fixture's JSON, or, in write mode, the freshly written actual summary. */
    public static JsonNode expected(Path sample, JsonNode actual) throws IOException {
        Path fixture = fixture(sample);
        if (Boolean.getBoolean("paysaga.writeFixtures")) {
            Files.writeString(fixture, JSON.writeValueAsString(actual) + "\n");
        }
        return JSON.readTree(fixture.toFile());
    }
}
