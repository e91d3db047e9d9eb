package com.paysaga.formats.ach;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Named relaxations of strict NACHA validation, switched on per partner profile through
 * {@link com.paysaga.formats.ParseOptions#leniencies()}. Strict is the default: each
 * option turns one specific error into a warning and nothing else.
 *
 * <p>Not options, because they are everyday practice and carry no risk: records shortened by
 * stripped trailing blanks (restored, with a warning), CRLF or CR line ends, and files without
 * any line ends (a continuous stream of 94-character records). Nor what the Operating Rules let
 * the ACH Operator or the RDFI supply or ignore (a blank TEL/WEB Payment Type Code, an unusable
 * or past Effective Entry Date, a Settlement Date the operator overwrites): those are warnings
 * unless a {@link NachaStrictness} option asks for a rejection.
 */
public final class NachaLeniency {

    /** The record count is not a multiple of the blocking factor 10 (9-filler missing or partial). */
    public static final String MISSING_BLOCK_FILLER = "MISSING_BLOCK_FILLER";
    /** The file control's Block Count does not match the records in the file. */
    public static final String BLOCK_COUNT = "BLOCK_COUNT";
    /** A routing number's check digit (ABA mod-10 with weights 3-7-1) is wrong. */
    public static final String CHECK_DIGIT = "CHECK_DIGIT";
    /** Empty (or all-blank) lines between or after records. */
    public static final String BLANK_LINES = "BLANK_LINES";
    /** Trace numbers not ascending within a batch, or not prefixed by the batch's ODFI. */
    public static final String TRACE_NUMBERS = "TRACE_NUMBERS";
    /** Batch numbers not ascending within the file. */
    public static final String BATCH_NUMBERS = "BATCH_NUMBERS";
    /** Lines longer than 94 characters whose extra characters are all blanks. */
    public static final String LONG_RECORDS = "LONG_RECORDS";
    /** Bytes outside printable ASCII in text fields; decoded as ISO-8859-1. */
    public static final String NON_ASCII_TEXT = "NON_ASCII_TEXT";
    /** A credit entry in a debits-only batch (service class 225) or a debit in a credits-only one (220). */
    public static final String SERVICE_CLASS_MISMATCH = "SERVICE_CLASS_MISMATCH";
    /**
     * Line ends mangled in transfer: CR CR LF (a CRLF file sent again in text mode), LF CR, and a
     * DOS end-of-file mark (Ctrl-Z, 0x1A) after the last record.
     */
    public static final String LINE_ENDS = "LINE_ENDS";
    /** Lower-case letters in coded fields the Rules spell in capitals (SEC code, File ID Modifier, codes). */
    public static final String LOWER_CASE = "LOWER_CASE";
    /** Return reason and change codes outside the Rules' tables (newer codes, or an operator's own). */
    public static final String CUSTOM_REASON_CODES = "CUSTOM_REASON_CODES";
    /**
     * A file header written by a card or payment processor for its own receiving point: an
     * Immediate Destination that is not a routing number, a blank File ID Modifier.
     */
    public static final String PROCESSOR_FILE_HEADER = "PROCESSOR_FILE_HEADER";

    private static final Map<String, String> DESCRIPTIONS = descriptions();

    private NachaLeniency() {
    }

    /** Every option name with a one-line description, sorted by name (for help texts and validation). */
    public static Map<String, String> all() {
        return DESCRIPTIONS;
    }

    public static boolean known(String option) {
        return DESCRIPTIONS.containsKey(option);
    }

    public static Set<String> names() {
        return DESCRIPTIONS.keySet();
    }

    private static Map<String, String> descriptions() {
        Map<String, String> m = new TreeMap<>();
        m.put(MISSING_BLOCK_FILLER, "accept a record count that is not a multiple of 10 (missing 9-filler)");
        m.put(BLOCK_COUNT, "accept a wrong Block Count in the file control record");
        m.put(CHECK_DIGIT, "accept routing numbers with a wrong check digit");
        m.put(BLANK_LINES, "skip empty lines between and after records");
        m.put(TRACE_NUMBERS, "accept trace numbers out of order or with a foreign ODFI prefix");
        m.put(BATCH_NUMBERS, "accept batch numbers that are not ascending");
        m.put(LONG_RECORDS, "accept lines longer than 94 characters when the extra characters are blanks");
        m.put(NON_ASCII_TEXT, "accept non-ASCII bytes in text fields, decoded as ISO-8859-1");
        m.put(SERVICE_CLASS_MISMATCH, "accept debit entries in a credits-only batch (220) and vice versa (225)");
        m.put(LINE_ENDS, "accept CR CR LF and LF CR line ends and a Ctrl-Z after the last record");
        m.put(LOWER_CASE, "accept lower-case letters in coded fields (SEC code, File ID Modifier, reason codes, ISO codes)");
        m.put(CUSTOM_REASON_CODES, "accept return reason and change codes that are not in the Rules' tables");
        m.put(PROCESSOR_FILE_HEADER, "accept a processor's Immediate Destination (not a routing number) and a blank File ID Modifier");
        return java.util.Collections.unmodifiableMap(m);
    }
}
