package com.paysaga.formats.csv;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Stops reading when one physical line exceeds a limit, so that a file without line ends (or a
 * 10 MB line) is reported instead of being buffered whole by the CSV parser.
 */
final class LineLengthLimitingReader extends FilterReader {

    /** Not a failure of the source: the parser turns it into a report entry. */
    static final class LineTooLongException extends IOException {
        LineTooLongException(int limit) {
            super("a line exceeds " + limit + " characters", null);
        }
    }

    private final int limit;
    private int current;

    LineLengthLimitingReader(Reader in, int limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        for (int i = 0; i < n; i++) {
            count(buf[off + i]);
        }
        return n;
    }

    private void count(char c) throws LineTooLongException {
        if (c == '\n' || c == '\r') {
            current = 0;
        } else if (++current > limit) {
            throw new LineTooLongException(limit);
        }
    }
}
