package com.paysaga.formats.mt940;

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
 * SWIFT MT940 customer statements, one transaction per {@code :61:} statement line; see
 * {@link Mt940Walk}. Files hold one or more statements, bare (as banking portals export them,
 * separated by a "-" line or simply by the next {@code :20:}) or inside SWIFT FIN blocks
 * {@code {1:…}{2:…}{4: … -}}.
 */
public final class Mt940Parser implements FormatParser {

    /** A field line is at most 65 characters (:86: is 6*65x); anything near this bound is not MT940. */
    static final int MAX_LINE = 65_536;

    @Override
    public Format format() {
        return Format.MT940;
    }

    @Override
    public ValidationReport parse(InputStream in, ParseOptions options, TransactionSink sink) throws IOException {
        ValidationReport report = new ValidationReport(Format.MT940, options.maxIssues());
        // ISO-8859-1 maps every byte, so an undeclared charset never fails decoding; characters
        // outside the SWIFT X set are then reported by the character-set check, not as bad bytes.
        Charset charset = options.charset().orElse(StandardCharsets.ISO_8859_1);
        TextLineReader lines = new TextLineReader(in, charset, MAX_LINE);
        Mt940Walk walk = new Mt940Walk(report, options, sink, charset);
        try {
            TextLineReader.Line line;
            while ((line = lines.next()) != null) {
                walk.line(line);
            }
            walk.finish();
        } catch (Mt940Walk.Stop stop) {
            // Error limit reached.
        }
        return report;
    }
}
