package com.paysaga.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Reads a line-oriented payment file (BAI2, MT940) with bounded memory: a line longer than
 * {@code maxLineLength} is cut and flagged instead of buffered (a 10 MB line is an error to report,
 * not a reason to run out of heap), and bytes invalid in the charset are replaced and flagged
 * instead of thrown, so the parser can name the line. Accepts LF, CRLF and bare CR line ends.
 * Only an I/O failure of the underlying stream escapes.
 */
public final class TextLineReader {

    /** One physical line, without its terminator. */
    public record Line(long number, String text, boolean truncated, long fullLength, boolean malformed) {
    }

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final int maxLineLength;
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private final CharBuffer chars = CharBuffer.allocate(64 * 1024);
    private final StringBuilder line = new StringBuilder(256);
    private boolean eof;
    private boolean done;
    private boolean pendingCr;
    private long lineNumber;
    private boolean startOfInput = true;

    public TextLineReader(InputStream in, Charset charset, int maxLineLength) {
        this.in = in;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.maxLineLength = maxLineLength;
        bytes.flip();
        chars.flip();
    }

    /** The next line, or null at end of input. A final line without terminator is still a line. */
    public Line next() throws IOException {
        line.setLength(0);
        long length = 0;
        boolean malformed = false;
        while (true) {
            if (!chars.hasRemaining()) {
                int state = fill();
                if (state < 0) {
                    malformed = true;
                    length++;
                    if (line.length() < maxLineLength) {
                        line.append('\uFFFD');
                    }
                    continue;
                }
                if (state == 0) {
                    if (length == 0 && !malformed) {
                        return null;
                    }
                    return new Line(++lineNumber, line.toString(), length > maxLineLength, length, malformed);
                }
            }
            char c = chars.get();
            if (pendingCr) {
                pendingCr = false;
                if (c == '\n') {
                    continue;
                }
            }
            if (startOfInput) {
                startOfInput = false;
                if (c == '\uFEFF') {
                    continue;
                }
            }
            if (c == '\n' || c == '\r') {
                pendingCr = c == '\r';
                return new Line(++lineNumber, line.toString(), length > maxLineLength, length, malformed);
            }
            length++;
            if (line.length() < maxLineLength) {
                line.append(c);
            }
        }
    }

    /** 1 when chars are available, 0 at end of input, -1 after skipping one malformed byte sequence. */
    private int fill() throws IOException {
        if (done) {
            return 0;
        }
        chars.clear();
        while (true) {
            CoderResult result = decoder.decode(bytes, chars, eof);
            if (result.isError()) {
                if (chars.position() == 0) {
                    bytes.position(bytes.position() + result.length());
                    chars.flip();
                    return -1;
                }
                // Hand out the good chars first; the bad sequence is met again on the next fill.
                chars.flip();
                return 1;
            }
            if (chars.position() > 0) {
                chars.flip();
                return 1;
            }
            if (eof) {
                decoder.flush(chars);
                chars.flip();
                done = true;
                return chars.hasRemaining() ? 1 : 0;
            }
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }
    }
}
