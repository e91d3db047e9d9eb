package com.paysaga.formats;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.paysaga.formats.ach.NachaParser;

/**
 * The one registry of format parsers, and the entry point that detects a file's format and
 * character set and then parses it. Every consumer (the Transform job, {@code local/paysaga parse})
 * goes through here, so detection and charset rules cannot drift between them.
 */
public final class PaymentFileParsers {

    private final Map<Format, Supplier<FormatParser>> parsers;
    private final FormatDetector detector;

    public PaymentFileParsers(Map<Format, Supplier<FormatParser>> parsers, CsvHeaderMatcher csvHeaders) {
        this.parsers = Map.copyOf(parsers);
        this.detector = new FormatDetector(csvHeaders);
    }

    /** Every parser PaySaga ships: one line per format. */
    public static PaymentFileParsers standard() {
        Map<Format, Supplier<FormatParser>> parsers = new EnumMap<>(Format.class);
        parsers.put(Format.NACHA, NachaParser::new);
        parsers.put(Format.PAIN_001, com.paysaga.formats.iso20022.Pain001Parser::new);
        parsers.put(Format.CAMT_053, com.paysaga.formats.iso20022.Camt053Parser::new);
        parsers.put(Format.CAMT_054, com.paysaga.formats.iso20022.Camt054Parser::new);
        parsers.put(Format.BAI2, com.paysaga.formats.bai2.Bai2Parser::new);
        parsers.put(Format.MT940, com.paysaga.formats.mt940.Mt940Parser::new);
        parsers.put(Format.PROCESSOR_CSV, com.paysaga.formats.csv.ProcessorCsvParser::new);
        return new PaymentFileParsers(parsers, csvHeaderMatcher());
    }

    /** Recognises processor CSV headers; the CSV package's mapping catalogue plugs in here. */
    private static CsvHeaderMatcher csvHeaderMatcher() {
        return com.paysaga.formats.csv.CsvMappingCatalog.standard();
    }

    public boolean supports(Format format) {
        return parsers.containsKey(format);
    }

    /** A new parser instance (parsers keep per-file state, so one per file). */
    public FormatParser parserFor(Format format) {
        Supplier<FormatParser> supplier = parsers.get(format);
        if (supplier == null) {
            throw new UnsupportedFormatException(format);
        }
        return supplier.get();
    }

    public FormatDetector detector() {
        return detector;
    }

    /**
     * Detects format and charset from the first bytes, then streams the whole file through the
     * format's parser. The parser receives the stream after any UTF-8 byte-order mark, with
     * {@link ParseOptions#charset()} set to the declared or detected charset and
     * {@link ParseOptions#csvMapping()} to the declared or recognised mapping.
     *
     * <p>Never throws for bad content: an unknown format, an unsupported or contradicted encoding
     * gives a report with an error at location {@code "file"}.
     *
     * @param forced a format named by the partner profile or {@code --format}; detection then only
     *               decides the charset, and a mismatch is reported as a warning
     * @throws UnsupportedFormatException when the format has no registered parser
     * @throws IOException                when reading the stream or writing to the sink fails
     */
    public ValidationReport parse(InputStream in, ParseOptions options, Optional<Format> forced, TransactionSink sink)
            throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, FormatDetector.SNIFF_BYTES + 1);
        buffered.mark(FormatDetector.SNIFF_BYTES + 1);
        byte[] head = buffered.readNBytes(FormatDetector.SNIFF_BYTES);
        boolean complete = head.length < FormatDetector.SNIFF_BYTES || buffered.read() < 0;
        buffered.reset();

        Detection detection = detector.detect(head, head.length, complete, options);
        Optional<Format> format = forced.isPresent() ? forced : detection.format();
        if (format.isEmpty() || !detection.readable()) {
            ValidationReport report = new ValidationReport(format.orElse(null), options.maxIssues());
            for (String e : detection.encodingErrors()) {
                report.error("file", "encoding", e);
            }
            if (format.isEmpty()) {
                report.error("file", "", "unknown format: " + detection.seen()
                        + "; expected NACHA ACH, ISO 20022 pain.001/camt.053/camt.054, BAI2, MT940 or a processor CSV"
                        + " with a known header");
            }
            return report;
        }

        FormatParser parser = parserFor(format.get());
        ParseOptions effective = new ParseOptions(options.fileId(), options.fileName(), options.leniencies(),
                options.maxIssues(), Optional.of(detection.charset()),
                options.csvMapping().or(detection::csvMapping));
        buffered.skipNBytes(detection.bomLength());
        ValidationReport report = parser.parse(buffered, effective, sink);
        if (forced.isPresent() && detection.format().isPresent() && detection.format().get() != forced.get()) {
            report.warning("file", "", "parsed as " + forced.get() + " as requested, but the content looks like "
                    + detection.seen());
        } else if (forced.isPresent() && detection.format().isEmpty()) {
            report.warning("file", "", "parsed as " + forced.get() + " as requested; the content was not recognised ("
                    + detection.seen() + ")");
        }
        for (String note : detection.encodingNotes()) {
            report.warning("file", "encoding", note);
        }
        return report;
    }
}
