package com.paysaga.formats.ach;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Cuts a NACHA byte stream into 94-byte records without allocating per record.
 *
 * <p>Two physical layouts exist. Most files have one record per line (LF, CRLF or CR); the
 * mode is chosen when a line end appears within the first 95 bytes. Files from mainframes and
 * some bank portals have no line ends at all: a continuous stream of 94-byte records, counted
 * as "record N" instead of "line N". In line mode a line shorter than 94 bytes is padded with
 * blanks (the caller warns that trailing blanks were restored), and a longer one is cut at 94
 * with its real length reported, however long it is: a 10 MB line costs no memory.
 */
final class NachaRecordReader {

    static final int RECORD_LENGTH = 94;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGHS = 0x8080808080808080L;

    private final InputStream in;
    private final byte[] buf;
    private int pos;
    private int lim;
    private boolean eof;
    private boolean modeKnown;
    private boolean lineMode;
    /** The byte that ended the previous line ('\r' or '\n'), 0 once whatever follows it was looked at. */
    private byte lastEnd;

    /** The current record, always 94 bytes: padded with blanks when the line was shorter. */
    final byte[] record = new byte[RECORD_LENGTH];
    /** Bytes the physical record had (without line end); may be below or above 94. */
    long length;
    /** Whether bytes beyond position 94 include anything but blanks. */
    boolean extraNonBlank;
    /** Line number (line mode) or record number (stream mode) of the current record, 1-based. */
    long number;
    /** Whether the stream started with a UTF-8 byte-order mark, which is not part of any record. */
    boolean bomSkipped;
    /** The record is exactly 94 bytes, all printable ASCII: the caller may skip its character check. */
    boolean clean;
    /**
     * Set when the line before the current record ended in CR CR LF or LF CR, which are read as
     * one line end (a file converted twice in transfer); the caller decides whether that is
     * acceptable. Null otherwise.
     */
    String oddLineEnd;
    private String oddPending;

    NachaRecordReader(InputStream in, int bufferSize) {
        this.in = in;
        this.buf = new byte[Math.max(bufferSize, 4 * RECORD_LENGTH)];
    }

    /** True when records are counted by lines; false for a continuous stream without line ends. */
    boolean lineMode() {
        return lineMode;
    }

    /** "line 12" or "record 12". */
    String location() {
        return (lineMode ? "line " : "record ") + number;
    }

    /** Advances to the next record; false at the end of the stream. */
    boolean next() throws IOException {
        if (!modeKnown) {
            detectMode();
        }
        return lineMode ? nextLine() : nextStreamRecord();
    }

    private void detectMode() throws IOException {
        modeKnown = true;
        while (lim - pos <= RECORD_LENGTH && !eof) {
            fill();
        }
        if (lim - pos >= 3 && (buf[pos] & 0xFF) == 0xEF && (buf[pos + 1] & 0xFF) == 0xBB && (buf[pos + 2] & 0xFF) == 0xBF) {
            pos += 3;
            bomSkipped = true;
        }
        int end = Math.min(lim, pos + RECORD_LENGTH + 1);
        for (int i = pos; i < end; i++) {
            if (buf[i] == '\n' || buf[i] == '\r') {
                lineMode = true;
                return;
            }
        }
        // No line end within the first record: a continuous stream, unless the whole file is
        // a single short line (then line mode reports it properly as a short record).
        lineMode = lim - pos < RECORD_LENGTH;
    }

    private boolean nextLine() throws IOException {
        length = 0;
        extraNonBlank = false;
        clean = false;
        if (lastEnd != 0) {
            afterLineEnd();
        }
        oddLineEnd = oddPending;
        oddPending = null;
        if (lim - pos > RECORD_LENGTH && printable94(buf, pos)) {
            // The everyday case, checked a word at a time: 94 printable bytes and a line end.
            byte end = buf[pos + RECORD_LENGTH];
            if (end == '\n' || end == '\r') {
                System.arraycopy(buf, pos, record, 0, RECORD_LENGTH);
                length = RECORD_LENGTH;
                clean = true;
                lastEnd = end;
                pos += RECORD_LENGTH + 1;
                number++;
                return true;
            }
        }
        boolean any = false;
        while (true) {
            if (pos == lim && !fill()) {
                if (!any) {
                    return false;
                }
                break;
            }
            any = true;
            int start = pos;
            int i = pos;
            final int l = lim;
            final byte[] b = buf;
            while (i < l) {
                byte c = b[i];
                if (c == '\n' || c == '\r') {
                    break;
                }
                i++;
            }
            take(start, i);
            pos = i;
            if (i < l) {
                lastEnd = b[i];
                pos = i + 1;
                break;
            }
        }
        number++;
        padFrom(length);
        return true;
    }

    /**
     * Consumes what completes the previous line's end: the LF of a CR LF; with a warning-worthy
     * {@link #oddLineEnd}, the CR LF after a CR (CR CR LF) or a lone CR after an LF (LF CR).
     * Anything else starts the next line (an empty one is a blank line).
     */
    private void afterLineEnd() throws IOException {
        byte end = lastEnd;
        lastEnd = 0;
        while (lim - pos < 2 && fill()) {
            // look two bytes ahead, across a buffer boundary too
        }
        int available = lim - pos;
        if (available < 1) {
            return;
        }
        byte next = buf[pos];
        boolean two = available >= 2;
        if (end == '\r') {
            if (next == '\n') {
                pos++;
            } else if (next == '\r' && two && buf[pos + 1] == '\n') {
                pos += 2;
                oddPending = "CR CR LF";
            }
        } else if (next == '\r' && !(two && buf[pos + 1] == '\n')) {
            pos++;
            oddPending = "LF CR";
        }
    }

    /** True when nothing follows the current record (not even a line end). */
    boolean atEnd() throws IOException {
        if (lastEnd != 0) {
            afterLineEnd();
        }
        return pos == lim && !fill();
    }

    private boolean nextStreamRecord() throws IOException {
        length = 0;
        extraNonBlank = false;
        clean = false;
        // Line ends between records are tolerated: some senders end only the last record.
        while (true) {
            if (pos == lim && !fill()) {
                return false;
            }
            byte c = buf[pos];
            if (c != '\n' && c != '\r') {
                break;
            }
            pos++;
        }
        while (length < RECORD_LENGTH) {
            if (pos == lim && !fill()) {
                break;
            }
            int n = (int) Math.min(lim - pos, RECORD_LENGTH - length);
            System.arraycopy(buf, pos, record, (int) length, n);
            pos += n;
            length += n;
        }
        number++;
        padFrom(length);
        clean = length == RECORD_LENGTH && printable94(record, 0);
        return true;
    }

    /**
     * Whether {@code b[from..from+93]} are all printable ASCII (0x20–0x7E), eight bytes at a
     * time: a byte below 0x20 or at/above 0x7F sets its high bit in one of the two SWAR tests
     * (x − 0x20…) and (x + 0x01…), the classic "has byte less than / greater than" tricks.
     */
    static boolean printable94(byte[] b, int from) {
        long bad = 0;
        int i = from;
        int end = from + RECORD_LENGTH - 8;
        for (; i <= end; i += 8) {
            long w = (long) LONGS.get(b, i);
            bad |= ((w - 0x2020202020202020L) | (w + 0x0101010101010101L) | w) & HIGHS;
        }
        // the last 6 bytes (94 = 11·8 + 6), read as the word ending at the record's end
        long w = (long) LONGS.get(b, from + RECORD_LENGTH - 8);
        bad |= ((w - 0x2020202020202020L) | (w + 0x0101010101010101L) | w) & HIGHS;
        return bad == 0;
    }

    private void take(int from, int to) {
        int n = to - from;
        if (length < RECORD_LENGTH) {
            int copy = (int) Math.min(n, RECORD_LENGTH - length);
            System.arraycopy(buf, from, record, (int) length, copy);
            from += copy;
        }
        for (int i = from; i < to && !extraNonBlank; i++) {
            if (buf[i] != ' ') {
                extraNonBlank = true;
            }
        }
        length += n;
    }

    private void padFrom(long len) {
        for (int i = (int) Math.min(len, RECORD_LENGTH); i < RECORD_LENGTH; i++) {
            record[i] = ' ';
        }
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0 && pos == lim) {
            pos = 0;
            lim = 0;
        } else if (pos > 0 && lim == buf.length) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        int n = in.read(buf, lim, buf.length - lim);
        if (n < 0) {
            eof = true;
            return false;
        }
        lim += n;
        return true;
    }
}
