package com.paysaga.formats.bai2;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import com.paysaga.formats.Format;
import com.paysaga.formats.FormatParser;
import com.paysaga.formats.ParseOptions;
import com.paysaga.formats.TextLineReader;
import com.paysaga.formats.TransactionSink;
import com.paysaga.formats.ValidationReport;

/**
 * BAI2 (BAI Cash Management Balance Reporting Specifications, version 2): one transaction per
 * 16 record, see {@link Bai2Walk} for the rules checked. Physical records are read through
 * {@link TextLineReader}; 88 continuations are joined to the record they continue before a
 * record is interpreted, as the specification defines them (a field never spans two records).
 */
public final class Bai2Parser implements FormatParser {

    /** Physical records are 80 characters in most files and never near this; a longer line is not BAI2. */
    static final int MAX_LINE = 65_536;

    @Override
    public Format format() {
        return Format.BAI2;
    }

    @Override
    public ValidationReport parse(InputStream in, ParseOptions options, TransactionSink sink) throws IOException {
        ValidationReport report = new ValidationReport(Format.BAI2, options.maxIssues());
        // BAI2 is ASCII by definition; a partner profile may declare otherwise (e.g. Latin-1 text fields).
        Charset charset = options.charset().orElse(StandardCharsets.US_ASCII);
        TextLineReader lines = new TextLineReader(in, charset, MAX_LINE);
        Bai2Walk walk = new Bai2Walk(report, options, sink, charset);
        try {
            TextLineReader.Line line;
            while ((line = lines.next()) != null) {
                walk.line(line);
            }
            walk.finish();
        } catch (Bai2Walk.Stop stop) {
            // Error limit reached; the report is complete up to there.
        }
        return report;
    }
}
