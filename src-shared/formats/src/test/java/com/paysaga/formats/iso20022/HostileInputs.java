package com.paysaga.formats.iso20022;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import com.paysaga.formats.domain.Transaction;
import com.paysaga.formats.FormatParser;
import com.paysaga.formats.Issue;
import com.paysaga.formats.ParseOptions;
import com.paysaga.formats.ValidationReport;

/**
 * Inputs every parser must turn into a clean report rather than an exception: random bytes,
 * every truncation of a valid file, a 10 MB line, the wrong encoding. Shared by the per-format
 * robustness tests.
 */
public final class HostileInputs {

    /** An IBAN-shaped token or a long digit run: what an account number or PAN looks like in a message. */
    private static final Pattern ACCOUNT_LIKE = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}|\\d{12,19}");

    private HostileInputs() {
    }

    public static ValidationReport parse(FormatParser parser, byte[] content, ParseOptions options) throws IOException {
        List<Transaction> sink = new ArrayList<>();
        ValidationReport report = parser.parse(new ByteArrayInputStream(content), options, sink::add);
        assertThat(sink).as("transactions handed to the sink").hasSize((int) report.transactions());
        return report;
    }

    public static ParseOptions options() {
        return ParseOptions.strict("hostile-file", "hostile");
    }

    public static byte[] randomBytes(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    public static byte[] tenMegabytes(byte fill) {
        byte[] bytes = new byte[10 * 1024 * 1024];
        Arrays.fill(bytes, fill);
        return bytes;
    }

    public static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    /** Every prefix of a valid sample (in steps) parses without an exception and, unless whole, is invalid. */
    public static void everyTruncationIsReported(FormatParser parser, Path sample, ParseOptions options, boolean prefixesMayBeValid)
            throws IOException {
        byte[] whole = Files.readAllBytes(sample);
        assertThat(parse(parser, whole, options).valid()).as("the untruncated sample is valid").isTrue();
        int step = Math.max(1, whole.length / 150);
        for (int length = 0; length < whole.length - 1; length += step) {
            ValidationReport report = parse(parser, Arrays.copyOf(whole, length), options);
            if (!prefixesMayBeValid) {
                assertThat(report.valid()).as("prefix of %d of %d bytes", length, whole.length).isFalse();
            }
            assertNoAccountNumbers(report);
        }
    }

    public static void assertNoAccountNumbers(ValidationReport report) {
        List<Issue> issues = new ArrayList<>(report.errors());
        issues.addAll(report.warnings());
        for (Issue issue : issues) {
            assertThat(ACCOUNT_LIKE.matcher(issue.location() + " " + issue.field() + " " + issue.message()).find())
                    .as("issue quotes something shaped like an account number: %s", issue).isFalse();
        }
    }

    /** A stream whose source fails after some bytes: that failure, unlike bad content, must escape. */
    public static InputStream failingAfter(byte[] content, int bytes) {
        return new InputStream() {
            private int pos;

            @Override
            public int read() throws IOException {
                if (pos >= bytes) {
                    throw new IOException("disk on fire");
                }
                return pos < content.length ? content[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos >= bytes) {
                    throw new IOException("disk on fire");
                }
                int n = Math.min(len, Math.min(bytes, content.length) - pos);
                if (n <= 0) {
                    return pos >= content.length ? -1 : read();
                }
                System.arraycopy(content, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }
}
