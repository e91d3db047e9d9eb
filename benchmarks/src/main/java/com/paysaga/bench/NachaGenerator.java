package com.paysaga.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A valid NACHA file of any size, produced on the fly as an {@link InputStream}: nothing is
 * written to disk or held in memory, so a 1 GB file costs one 64 KB buffer. Batches of 1,000
 * PPD entries, mostly credits with some debits, every tenth with an addenda 05; controls carry
 * the correct counts, entry hashes and totals; the file is padded with 9-filler.
 */
public final class NachaGenerator extends InputStream {

    private static final int RECORD = 94;
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
    private final StringBuilder line = new StringBuilder(RECORD);

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
        line.setLength(0);
        if (!headerWritten) {
            headerWritten = true;
            line.append("101").append(" 231380104").append(" 121000358").append("260302").append("0930").append('A')
                    .append("094").append("10").append('1').append(text("FEDERAL RESERVE BANK", 23))
                    .append(text("PAYSAGA BENCHMARK", 23)).append(text("", 8));
        } else if (entriesWritten < entries || batchOpen) {
            if (!batchOpen) {
                batchOpen = true;
                batchNumber++;
                inBatch = 0;
                batchCount = 0;
                batchHash = 0;
                batchDebit = 0;
                batchCredit = 0;
                line.append("5200").append(text("PAYSAGA BENCH", 16)).append(text("", 20)).append("1234567890")
                        .append("PPD").append(text("PAYROLL", 10)).append("MAR 03").append("260303").append("   ")
                        .append('1').append(ODFI).append(pad(batchNumber, 7));
            } else if (pendingAddenda) {
                pendingAddenda = false;
                batchCount++;
                line.append("705INVOICE ").append(pad(entriesWritten, 10)).append(" PAYMENT FOR SERVICES RENDERED IN MARCH")
                        .append(" ".repeat(80 - 8 - 10 - 39 - 1)).append(' ')
                        .append("0001").append(pad(inBatch, 7));
            } else if (inBatch < BATCH_SIZE && entriesWritten < entries) {
                entry();
            } else {
                batchOpen = false;
                line.append("8200").append(pad(batchCount, 6)).append(pad(batchHash % 10_000_000_000L, 10))
                        .append(pad(batchDebit, 12)).append(pad(batchCredit, 12)).append("1234567890")
                        .append(" ".repeat(25)).append(ODFI).append(pad(batchNumber, 7));
                fileCount += batchCount;
                fileHash += batchHash;
                fileDebit += batchDebit;
                fileCredit += batchCredit;
            }
        } else if (!controlWritten) {
            controlWritten = true;
            long total = records + 1;
            line.append('9').append(pad(batchNumber, 6)).append(pad((total + 9) / 10, 6)).append(pad(fileCount, 8))
                    .append(pad(fileHash % 10_000_000_000L, 10)).append(pad(fileDebit, 12)).append(pad(fileCredit, 12))
                    .append(" ".repeat(39));
            fillerLeft = (10 - total % 10) % 10;
        } else if (fillerLeft > 0) {
            fillerLeft--;
            line.append("9".repeat(RECORD));
        } else {
            return false;
        }
        if (line.length() != RECORD) {
            throw new IllegalStateException("generated a record of " + line.length() + " characters: " + line);
        }
        records++;
        for (int i = 0; i < RECORD; i++) {
            chunk[chunkLim++] = (byte) line.charAt(i);
        }
        if (lineEnd != 0) {
            chunk[chunkLim++] = lineEnd;
        }
        return true;
    }

    private boolean pendingAddenda;

    private void entry() {
        entriesWritten++;
        inBatch++;
        batchCount++;
        String routing = ROUTINGS[(int) (entriesWritten % ROUTINGS.length)];
        boolean debit = entriesWritten % 7 == 0;
        int code = debit ? 27 : 22;
        long amount = 1000 + (entriesWritten * 7919) % 500_000;
        boolean addenda = entriesWritten % 10 == 0;
        pendingAddenda = addenda;
        batchHash += Long.parseLong(routing.substring(0, 8));
        if (debit) {
            batchDebit += amount;
        } else {
            batchCredit += amount;
        }
        String account = Long.toString(100_000_000L + entriesWritten * 31);
        line.append('6').append(code).append(routing).append(account).append(" ".repeat(17 - account.length()))
                .append(pad(amount, 10)).append("EMP").append(pad(entriesWritten, 12))
                .append("EMPLOYEE NUMBER ").append(pad(entriesWritten % 1_000_000, 6)).append("  ")
                .append(addenda ? '1' : '0').append(ODFI).append(pad(inBatch, 7));
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
