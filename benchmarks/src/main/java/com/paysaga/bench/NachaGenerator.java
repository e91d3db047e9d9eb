package com.paysaga.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A valid NACHA file of any size, produced on the fly as an {@link InputStream}: nothing is
 * written to disk or held in memory, so a 1 GB file costs one 64 KB buffer. Batches of 1,000
 * PPD entries, mostly credits with some debits, every tenth with an addenda 05; controls carry
 * the correct counts, entry hashes and totals; the file is padded with 9-filler. Above about
 * 950 MB the file control's six-digit Block Count overflows (see {@link #BLOCK_COUNT_LIMIT_RECORDS}).
 */
public final class NachaGenerator extends InputStream {

    private static final int RECORD = 94;
    /** Records a six-digit Block Count can describe: 999,999 blocks of 10. */
    public static final long BLOCK_COUNT_LIMIT_RECORDS = 9_999_990L;
    private static final int BATCH_SIZE = 1000;
    private static final String[] ROUTINGS = {"231380104", "021000021", "011000015", "026009593", "122000661"};
    private static final String ODFI = "12100035";

    private final long entries;
    private final byte lineEnd;
    private final int recordWidth;
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkLim;

    private long entriesWritten;
    private int batchNumber;
    private int inBatch;
    private boolean batchOpen;
    private boolean headerWritten;
    private boolean controlWritten;
    private long records;
    private long fillerLeft = -1;

    private long batchCount;
    private long batchHash;
    private long batchDebit;
    private long batchCredit;
    private long fileCount;
    private long fileHash;
    private long fileDebit;
    private long fileCredit;
    // Templates: each record is a copy of its template with the numbers written in place.
    private static final byte[] HEADER = ascii("101" + " 231380104" + " 121000358" + "260302" + "0930" + "A" + "094" + "10" + "1"
            + text("FEDERAL RESERVE BANK", 23) + text("PAYSAGA BENCHMARK", 23) + text("", 8));
    private static final byte[] BATCH_HEADER = ascii("5200" + text("PAYSAGA BENCH", 16) + text("", 20) + "1234567890" + "PPD"
            + text("PAYROLL", 10) + "MAR 03" + "260303" + "   " + "1" + ODFI + "0000000");
    private static final byte[] ENTRY = ascii("622" + "000000000" + text("100000000", 17) + "0000000000" + "EMP000000000000"
            + "EMPLOYEE NUMBER 000000" + "  " + "0" + ODFI + "0000000");
    private static final byte[] ADDENDA = ascii("705" + text("INVOICE 0000000000 PAYMENT FOR SERVICES RENDERED IN MARCH", 80)
            + "0001" + "0000000");
    private static final byte[] BATCH_CONTROL = ascii("8200" + "000000" + "0000000000" + "000000000000" + "000000000000"
            + "1234567890" + text("", 25) + ODFI + "0000000");
    private static final byte[] FILE_CONTROL = ascii("9" + "000000" + "000000" + "00000000" + "0000000000" + "000000000000"
            + "000000000000" + text("", 39));
    private static final byte[] FILLER = ascii("9".repeat(RECORD));
    private static final long[] ROUTING8 = new long[ROUTINGS.length];
    private static final byte[][] ROUTING_BYTES = new byte[ROUTINGS.length][];

    static {
        for (int i = 0; i < ROUTINGS.length; i++) {
            ROUTING8[i] = Long.parseLong(ROUTINGS[i].substring(0, 8));
            ROUTING_BYTES[i] = ascii(ROUTINGS[i]);
        }
    }

    /**
     * @param entries  entry detail records to generate
     * @param lineEnds whether each record ends with LF (false: a continuous 94-byte stream)
     */
    public NachaGenerator(long entries, boolean lineEnds) {
        this.entries = entries;
        this.lineEnd = lineEnds ? (byte) '\n' : 0;
        this.recordWidth = RECORD + (lineEnds ? 1 : 0);
    }

    /** Entries needed for a file of about {@code bytes} bytes. */
    public static long entriesForBytes(long bytes) {
        // 1,000 entries + ~100 addenda + header + control per batch, 95 bytes a record
        return bytes / 95 * 1000 / 1102;
    }

    /** The exact size the stream will have, by generating it once without keeping it. */
    public static long sizeOf(long entries, boolean lineEnds) {
        NachaGenerator g = new NachaGenerator(entries, lineEnds);
        long n = 0;
        byte[] sink = new byte[1 << 16];
        int r;
        while ((r = g.read(sink, 0, sink.length)) > 0) {
            n += r;
        }
        return n;
    }

    public static byte[] bytes(long entries, boolean lineEnds) {
        try {
            return new NachaGenerator(entries, lineEnds).readAllBytes();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        int n = 0;
        while (n < len) {
            if (chunkPos == chunkLim && !refill()) {
                break;
            }
            int c = Math.min(len - n, chunkLim - chunkPos);
            System.arraycopy(chunk, chunkPos, b, off + n, c);
            chunkPos += c;
            n += c;
        }
        return n == 0 ? -1 : n;
    }

    private boolean refill() {
        chunkPos = 0;
        chunkLim = 0;
        while (chunkLim + recordWidth <= chunk.length) {
            if (!nextRecord()) {
                break;
            }
        }
        return chunkLim > 0;
    }

    private boolean nextRecord() {
        int at = chunkLim;
        if (!headerWritten) {
            headerWritten = true;
            put(at, HEADER);
        } else if (entriesWritten < entries || batchOpen) {
            if (!batchOpen) {
                batchOpen = true;
                batchNumber++;
                inBatch = 0;
                batchCount = 0;
                batchHash = 0;
                batchDebit = 0;
                batchCredit = 0;
                put(at, BATCH_HEADER);
                digits(at + 87, 7, batchNumber);
            } else if (pendingAddenda) {
                pendingAddenda = false;
                batchCount++;
                put(at, ADDENDA);
                digits(at + 11, 10, entriesWritten);
                digits(at + 87, 7, inBatch);
            } else if (inBatch < BATCH_SIZE && entriesWritten < entries) {
                entry(at);
            } else {
                batchOpen = false;
                put(at, BATCH_CONTROL);
                digits(at + 4, 6, batchCount);
                digits(at + 10, 10, batchHash % 10_000_000_000L);
                digits(at + 20, 12, batchDebit);
                digits(at + 32, 12, batchCredit);
                digits(at + 87, 7, batchNumber);
                fileCount += batchCount;
                fileHash += batchHash;
                fileDebit += batchDebit;
                fileCredit += batchCredit;
            }
        } else if (!controlWritten) {
            controlWritten = true;
            long total = records + 1;
            put(at, FILE_CONTROL);
            digits(at + 1, 6, batchNumber);
            // Block Count has six digits: past 9,999,990 records (about 950 MB) it cannot be
            // right, so very large files carry the low six digits and need option BLOCK_COUNT.
            digits(at + 7, 6, (total + 9) / 10 % 1_000_000);
            digits(at + 13, 8, fileCount);
            digits(at + 21, 10, fileHash % 10_000_000_000L);
            digits(at + 31, 12, fileDebit);
            digits(at + 43, 12, fileCredit);
            fillerLeft = (10 - total % 10) % 10;
        } else if (fillerLeft > 0) {
            fillerLeft--;
            put(at, FILLER);
        } else {
            return false;
        }
        records++;
        chunkLim += RECORD;
        if (lineEnd != 0) {
            chunk[chunkLim++] = lineEnd;
        }
        return true;
    }

    private boolean pendingAddenda;

    private void entry(int at) {
        entriesWritten++;
        inBatch++;
        batchCount++;
        int r = (int) (entriesWritten % ROUTINGS.length);
        boolean debit = entriesWritten % 7 == 0;
        // at most $200 an entry, so a 1 GB file stays within the 12-digit file control totals
        long amount = 100 + (entriesWritten * 7919) % 20_000;
        boolean addenda = entriesWritten % 10 == 0;
        pendingAddenda = addenda;
        batchHash += ROUTING8[r];
        if (debit) {
            batchDebit += amount;
        } else {
            batchCredit += amount;
        }
        put(at, ENTRY);
        chunk[at + 1] = '2';
        chunk[at + 2] = (byte) (debit ? '7' : '2');
        put(at + 3, ROUTING_BYTES[r]);
        digits(at + 12, 9, 100_000_000L + entriesWritten * 31 % 900_000_000L);
        digits(at + 29, 10, amount);
        digits(at + 42, 12, entriesWritten);
        digits(at + 70, 6, entriesWritten % 1_000_000);
        chunk[at + 78] = (byte) (addenda ? '1' : '0');
        digits(at + 87, 7, inBatch);
    }

    private void put(int at, byte[] template) {
        System.arraycopy(template, 0, chunk, at, template.length);
    }

    /** Writes {@code value} zero-padded into {@code width} bytes at 0-based offset {@code at}. */
    private void digits(int at, int width, long value) {
        long v = value;
        for (int i = at + width - 1; i >= at; i--) {
            chunk[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        if (v != 0) {
            throw new IllegalStateException(value + " does not fit " + width + " digits");
        }
    }

    private static byte[] ascii(String s) {
        if (s.length() != RECORD && s.length() != 9) {
            throw new IllegalStateException("template of " + s.length() + " characters: " + s);
        }
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    private static String pad(long v, int width) {
        String s = Long.toString(v);
        if (s.length() > width) {
            throw new IllegalStateException(v + " does not fit " + width + " digits");
        }
        return "0".repeat(width - s.length()) + s;
    }

    /** For a quick look: the first records of a small file. */
    public static void main(String[] args) throws Exception {
        System.out.print(new String(bytes(Long.parseLong(args.length > 0 ? args[0] : "12"), true), StandardCharsets.US_ASCII));
    }
}
