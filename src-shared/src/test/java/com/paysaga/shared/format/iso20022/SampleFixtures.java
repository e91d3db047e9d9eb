package com.paysaga.shared.format.iso20022;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paysaga.shared.domain.Transaction;
import com.paysaga.shared.format.FormatParser;
import com.paysaga.shared.format.Issue;
import com.paysaga.shared.format.ParseOptions;
import com.paysaga.shared.format.ValidationReport;

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

    public static ParseOptions options(Path file) {
        return ParseOptions.strict("sample-" + file.getFileName(), file.getFileName().toString());
    }

    /** The issue's summary shape, without the ACH-only counters. */
    public static JsonNode summary(ValidationReport report) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", report.format().name());
        root.put("valid", report.valid());
        root.put("transactions", report.transactions());
        ObjectNode totals = root.putObject("totals");
        for (Map.Entry<String, ValidationReport.Totals> e : report.totals().entrySet()) {
            ObjectNode t = totals.putObject(e.getKey());
            t.put("debit", e.getValue().debit());
            t.put("credit", e.getValue().credit());
        }
        issues(root.putArray("errors"), report.errors());
        issues(root.putArray("warnings"), report.warnings());
        // Re-read so that numbers compare by value with a fixture read from disk (long vs int nodes).
        return JSON.readTree(JSON.writeValueAsString(root));
    }

    private static void issues(ArrayNode array, List<Issue> issues) {
        for (Issue issue : issues) {
            ObjectNode node = array.addObject();
            node.put("location", issue.location());
            node.put("field", issue.field());
            node.put("message", issue.message());
        }
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
