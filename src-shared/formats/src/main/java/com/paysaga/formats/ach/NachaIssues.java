package com.paysaga.formats.ach;

import static com.paysaga.formats.ach.NachaFields.digits;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import com.paysaga.formats.ParseOptions;
import com.paysaga.formats.ValidationReport;

/**
 * Where the record readers of one NACHA file report: the file's {@link ValidationReport}, with
 * each issue located at the record being read unless a location is given, and the partner's
 * {@link NachaLeniency} options deciding whether a deviation is an error or a warning.
 */
final class NachaIssues {

    private final ValidationReport report;
    private final NachaRecordReader reader;
    private final ParseOptions options;
    private final Set<String> reportedOnce = new HashSet<>();

    NachaIssues(ValidationReport report, NachaRecordReader reader, ParseOptions options) {
        this.report = report;
        this.reader = reader;
        this.options = options;
    }

    ValidationReport report() {
        return report;
    }

    ParseOptions options() {
        return options;
    }

    /** "line 12" or "record 12": the record being read. */
    String location() {
        return reader.location();
    }

    /** The location of an earlier record of the same file, by its number. */
    String locationOf(long number) {
        return (reader.lineMode() ? "line " : "record ") + number;
    }

    /** The entry detail record's location, built once per entry and only when an issue needs it. */
    String entryLocation(PendingEntry e) {
        if (e.location == null) {
            e.location = locationOf(e.number);
        }
        return e.location;
    }

    /** An error located at the entry detail record an addenda or a later record completed. */
    void entryError(PendingEntry e, String field, String message) {
        report.error(entryLocation(e), field, message);
    }

    void entryWarning(PendingEntry e, String field, String message) {
        report.warning(entryLocation(e), field, message);
    }

    void error(String field, String message) {
        report.error(reader.location(), field, message);
    }

    void errorAt(String location, String field, String message) {
        report.error(location, field, message);
    }

    void warning(String field, String message) {
        report.warning(reader.location(), field, message);
    }

    void warningAt(String location, String field, String message) {
        report.warning(location, field, message);
    }

    /** An error at the current record, or with the named option a warning. */
    void lenient(String option, String field, String message) {
        lenient(option, reader.location(), field, message);
    }

    /** An error, or with the named option a warning that says which option accepted it. */
    void lenient(String option, String location, String field, String message) {
        if (options.lenient(option)) {
            report.warning(location, field, message + " (accepted: " + option + ")");
        } else {
            report.error(location, field, message + " (option " + option + " accepts this)");
        }
    }

    /**
     * The first time per file only: an error, or with the option a warning. For a dialect that
     * shapes the whole file (its line ends), where one issue says all.
     */
    void lenientOnce(String kind, String option, String location, String field, String message) {
        if (reportedOnce.add(kind)) {
            lenient(option, location, field, message);
        }
    }

    /**
     * What the Operating Rules let the ACH Operator or the RDFI supply or ignore: a warning, or
     * an error when the partner asked for the named {@link NachaStrictness} option. Read from the
     * options themselves, so that no "every leniency" switch can ever turn a strictness on.
     */
    void permitted(String strictOption, String location, String field, String message) {
        if (options.leniencies().contains(strictOption)) {
            report.error(location, field, message + " (rejected: " + strictOption + ")");
        } else {
            report.warning(location, field, message + " (option " + strictOption + " rejects this)");
        }
    }

    boolean strict(String strictOption) {
        return options.leniencies().contains(strictOption);
    }

    /**
     * Lower-case letters in a coded field the Rules spell in capitals: upper-cased in place, so
     * that the field's own check sees the code, and reported as {@link NachaLeniency#LOWER_CASE}.
     */
    void upperCase(byte[] r, int from, int len, String field) {
        boolean lower = false;
        for (int i = from - 1; i < from - 1 + len; i++) {
            if (r[i] >= 'a' && r[i] <= 'z') {
                r[i] -= 'a' - 'A';
                lower = true;
            }
        }
        if (lower) {
            lenient(NachaLeniency.LOWER_CASE, field, "has lower-case letters (the Rules' codes are capitals); read as "
                    + printable(NachaFields.raw(r, from, len).strip()));
        }
    }

    static String dollars(long cents) {
        return "$" + cents / 100 + "." + (cents % 100 < 10 ? "0" : "") + cents % 100;
    }

    static String amountField(byte[] r, int from, int len) {
        long v = digits(r, from, len);
        return v < 0 ? "not numeric" : dollars(v);
    }

    static String pad(long v, int width) {
        String s = Long.toString(v);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }

    static String hex(int b) {
        return (b < 16 ? "0" : "") + Integer.toHexString(b).toUpperCase(Locale.ROOT);
    }

    static String describeByte(byte b) {
        int v = b & 0xFF;
        return v >= 0x20 && v < 0x7F ? "'" + (char) v + "'" : "0x" + hex(v);
    }

    /** Field values quoted in messages: printable ASCII only, never more than the field. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return b.toString();
    }
}
