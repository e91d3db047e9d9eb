package com.paysaga.local.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.paysaga.formats.Detection;
import com.paysaga.formats.Format;
import com.paysaga.formats.FormatDetector;
import com.paysaga.formats.Issue;
import com.paysaga.formats.ParseOptions;
import com.paysaga.formats.PaymentFileParsers;
import com.paysaga.formats.ReportSummaryJson;
import com.paysaga.formats.TransactionSink;
import com.paysaga.formats.ValidationReport;
import com.paysaga.formats.ach.NachaLeniency;
import com.paysaga.formats.ach.NachaStrictness;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code local/paysaga parse FILE}: detects the format, parses and validates the file exactly as
 * the Transform stage does, and prints either the canonical transactions as NDJSON (account
 * numbers masked to the last four) or, with {@code --summary}, one JSON object:
 * the {@link ReportSummaryJson} shape. Exit 0 for a valid file, 1 for an invalid one, 2 for a
 * usage error. Standard output carries nothing else; diagnostics go to standard error.
 *
 * <p>A file that fails validation is rejected as a whole, so without {@code --summary} its
 * transactions are not printed: the file is read twice, once to validate, once to print.
 */
@Command(name = "parse", description = "Parse and validate a payment file (NACHA, ISO 20022, BAI2, MT940, processor CSV).")
public final class ParseCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The payment file.")
    Path file;

    @Option(names = "--format", paramLabel = "F",
            description = "Skip detection: NACHA, PAIN_001, CAMT_053, CAMT_054, BAI2, MT940, PROCESSOR_CSV "
                    + "(also ach, pain.001, camt.053, camt.054, csv).")
    String format;

    @Option(names = "--lenient", split = ",", paramLabel = "OPTION",
            description = "Named leniencies of the partner profile, comma-separated (NACHA: ${COMPLETION-CANDIDATES}).",
            completionCandidates = NachaOptions.class)
    List<String> lenient = new ArrayList<>();

    @Option(names = "--strict", split = ",", paramLabel = "OPTION",
            description = "Reject what the NACHA Rules let the ACH Operator supply (warnings by default): "
                    + "${COMPLETION-CANDIDATES}.", completionCandidates = NachaStrictOptions.class)
    List<String> strict = new ArrayList<>();

    @Option(names = "--summary", description = "Print one JSON summary instead of the transactions.")
    boolean summary;

    @Option(names = "--csv-mapping", paramLabel = "NAME", description = "Column mapping of a processor CSV file.")
    String csvMapping;

    @Option(names = "--charset", paramLabel = "NAME", description = "Declared character set (US-ASCII, UTF-8, ISO-8859-1).")
    String charset;

    @Option(names = "--max-issues", paramLabel = "N", defaultValue = "100",
            description = "Errors (and separately warnings) listed at most (default: ${DEFAULT-VALUE}).")
    int maxIssues;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** picocli completion candidates: the NACHA strict option names. */
    static final class NachaStrictOptions implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return NachaStrictness.names().iterator();
        }
    }

    /** picocli completion candidates: the NACHA option names. */
    static final class NachaOptions implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return NachaLeniency.names().iterator();
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read " + file);
        }
        if (maxIssues < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-issues must be at least 1");
        }
        Optional<Format> forced = Optional.ofNullable(format).map(this::formatNamed);
        Optional<Charset> declared = Optional.ofNullable(charset).map(this::charsetNamed);
        Set<String> leniencies = new LinkedHashSet<>();
        lenient.forEach(o -> leniencies.add(o.strip().toUpperCase(Locale.ROOT)));

        PaymentFileParsers parsers = PaymentFileParsers.standard();
        ParseOptions probe = new ParseOptions("-", file.getFileName().toString(), Set.of(), maxIssues, declared,
                Optional.ofNullable(csvMapping));
        Format effective = forced.orElseGet(() -> detect(parsers, probe).orElse(null));
        if (effective == Format.NACHA) {
            for (String option : leniencies) {
                if (!NachaLeniency.known(option)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "unknown NACHA option " + option
                            + "; known: " + String.join(", ", NachaLeniency.names()));
                }
            }
        }

        for (String option : strict) {
            String name = option.strip().toUpperCase(Locale.ROOT);
            if (!NachaStrictness.known(name)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown strict option " + option
                        + "; known: " + String.join(", ", NachaStrictness.names()));
            }
            // strict options travel with the leniencies (a partner profile lists both in one place)
            leniencies.add(name);
        }

        // Validation pass: also computes the fileId (SHA-256 of the bytes, as the pipeline does).
        MessageDigest sha = sha256();
        ValidationReport report;
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), sha)) {
            report = parsers.parse(in, options(probe, "-", leniencies), forced, TransactionSink.DISCARD);
            // A rejected file may stop being read early; the fileId must still cover every byte.
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        String fileId = HexFormat.of().formatHex(sha.digest());
        describe(err, report);

        PrintWriter out = spec.commandLine().getOut();
        if (summary) {
            out.println(new ReportSummaryJson().toJson(report).toString());
            out.flush();
            return report.valid() ? 0 : 1;
        }
        if (!report.valid()) {
            err.println("paysaga parse: the file is rejected as a whole; no transactions printed (use --summary for the report)");
            err.flush();
            return 1;
        }
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ValidationReport second = parsers.parse(in, options(probe, fileId, leniencies), forced,
                    t -> out.println(json.writeValueAsString(t)));
            if (!second.valid()) {
                throw new IllegalStateException("the file changed while it was read");
            }
        }
        out.flush();
        return 0;
    }

    private static ParseOptions options(ParseOptions probe, String fileId, Set<String> leniencies) {
        return new ParseOptions(fileId, probe.fileName(), leniencies, probe.maxIssues(), probe.charset(), probe.csvMapping());
    }

    private Optional<Format> detect(PaymentFileParsers parsers, ParseOptions probe) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(FormatDetector.SNIFF_BYTES);
            boolean complete = head.length < FormatDetector.SNIFF_BYTES || in.read() < 0;
            Detection d = parsers.detector().detect(head, head.length, complete, probe);
            return d.format();
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read " + file + ": " + e.getMessage());
        }
    }

    private void describe(PrintWriter err, ValidationReport report) {
        String format = report.format() == null ? ReportSummaryJson.UNKNOWN_FORMAT : report.format().name();
        err.println("paysaga parse: " + file.getFileName() + ": " + format + ", " + report.transactions() + " transactions, "
                + (report.valid() ? "valid" : report.errorCount() + " error" + (report.errorCount() == 1 ? "" : "s"))
                + (report.warningCount() == 0 ? "" : ", " + report.warningCount() + " warning"
                        + (report.warningCount() == 1 ? "" : "s")));
        if (!summary) {
            for (Issue issue : report.errors()) {
                err.println("  " + issue);
            }
            for (Issue issue : report.warnings()) {
                err.println("  " + issue);
            }
        }
        err.flush();
    }

    private Format formatNamed(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        switch (n) {
            case "ACH":
                return Format.NACHA;
            case "CSV":
                return Format.PROCESSOR_CSV;
            default:
                break;
        }
        for (Format f : Format.values()) {
            if (f.name().equals(n)) {
                return f;
            }
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "unknown format " + name + "; one of "
                + java.util.Arrays.toString(Format.values()));
    }

    private Charset charsetNamed(String name) {
        try {
            Charset c = Charset.forName(name);
            if (!FormatDetector.supported(c)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unsupported charset " + name
                        + "; one of US-ASCII, UTF-8, ISO-8859-1");
            }
            return c;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown charset " + name);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
