package com.paysaga.formats.iso20022;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Remembers whether the underlying stream itself failed. The XML parser reports a bad byte
 * sequence as an IOException-caused XMLStreamException too; only a failure of the source must
 * escape the parser (FormatParser's contract), a bad file must become a report.
 */
final class FailureTrackingInputStream extends FilterInputStream {

    private IOException failure;

    FailureTrackingInputStream(InputStream in) {
        super(in);
    }

    IOException failure() {
        return failure;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public void close() {
        // The caller owns the stream; the XML reader must not close it.
    }
}
