package com.paysaga.formats.ach;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Byte-level field access on a 94-byte record. Positions are 1-based and inclusive, exactly as
 * the NACHA Operating Rules' record layouts print them, so each call can be checked against the
 * spec by eye. Nothing here allocates except {@link #text}.
 */
final class NachaFields {

    /** ABA weights 3-7-1 applied from the right: d8·7, d7·3, d6·1, d5·7, d4·3, d3·1, d2·7, d1·3. */
    private static final int[] CHECK_WEIGHTS_FROM_RIGHT = {7, 3, 1, 7, 3, 1, 7, 3};

    private NachaFields() {
    }

    /** The unsigned number in positions {@code from..from+len-1}, or -1 if any byte is not a digit. */
    static long digits(byte[] r, int from, int len) {
        long v = 0;
        int end = from - 1 + len;
        for (int i = from - 1; i < end; i++) {
            int d = r[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Like {@link #digits} but a field of only blanks is 0 (optional numeric fields). */
    static long digitsOrBlank(byte[] r, int from, int len) {
        return blank(r, from, len) ? 0 : digits(r, from, len);
    }

    static boolean blank(byte[] r, int from, int len) {
        int end = from - 1 + len;
        for (int i = from - 1; i < end; i++) {
            if (r[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    static boolean is(byte[] r, int from, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (r[from - 1 + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The field without leading and trailing blanks; null when blank. ISO-8859-1 keeps bytes 1:1. */
    static String text(byte[] r, int from, int len) {
        int s = from - 1;
        int e = s + len;
        while (s < e && r[s] == ' ') {
            s++;
        }
        while (e > s && r[e - 1] == ' ') {
            e--;
        }
        return s == e ? null : new String(r, s, e - s, StandardCharsets.ISO_8859_1);
    }

    /** The raw field including blanks (fixed-width parts of a concatenated payload). */
    static String raw(byte[] r, int from, int len) {
        return new String(r, from - 1, len, StandardCharsets.ISO_8859_1);
    }

    /** YYMMDD in 2000–2099 (the ACH network has no dates before 2000 left to process), or null. */
    static LocalDate yymmdd(byte[] r, int from) {
        long v = digits(r, from, 6);
        if (v < 0) {
            return null;
        }
        int yy = (int) (v / 10000);
        int mm = (int) (v / 100 % 100);
        int dd = (int) (v % 100);
        if (mm < 1 || mm > 12 || dd < 1 || dd > 31) {
            return null;
        }
        try {
            return LocalDate.of(2000 + yy, mm, dd);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * ABA routing number check digit: 3·d1 + 7·d2 + d3 + 3·d4 + 7·d5 + d6 + 3·d7 + 7·d8, and the
     * check digit makes the sum a multiple of 10.
     *
     * @param routing8 the first eight digits (TTTTAAAA) as a number
     */
    static int checkDigit(long routing8) {
        int sum = 0;
        long v = routing8;
        for (int k = 0; k < 8; k++) {
            sum += (int) (v % 10) * CHECK_WEIGHTS_FROM_RIGHT[k];
            v /= 10;
        }
        return (10 - sum % 10) % 10;
    }

    static String routing9(long routing8, int checkDigit) {
        byte[] out = new byte[9];
        out[8] = (byte) ('0' + checkDigit);
        long v = routing8;
        for (int i = 7; i >= 0; i--) {
            out[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** Index (0-based) of the first byte outside printable ASCII, or -1. */
    static int firstNonPrintable(byte[] r) {
        for (int i = 0; i < r.length; i++) {
            byte b = r[i];
            if (b < 0x20 || b == 0x7F) {
                // bytes >= 0x80 are negative in Java, so this also catches them
                return i;
            }
        }
        return -1;
    }
}
