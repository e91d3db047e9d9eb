package com.paysaga.formats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.paysaga.formats.domain.Direction;

/**
 * What parsing a file found: issues (errors and warnings, collected up to a limit rather than
 * stopping at the first), transaction count, totals per currency and direction in minor units,
 * and format-specific counters (ACH: batches, entries, addenda). A file with any error is
 * invalid and is rejected as a whole.
 */
public final class ValidationReport {

    /** Debit and credit sums of one currency, in minor units. */
    public static final class Totals {
        private long debit;
        private long credit;

        public long debit() {
            return debit;
        }

        public long credit() {
            return credit;
        }

        void add(Direction direction, long amountMinor) {
            if (direction == Direction.DEBIT) {
                debit = Math.addExact(debit, amountMinor);
            } else {
                credit = Math.addExact(credit, amountMinor);
            }
        }
    }

    private final Format format;
    private final int maxIssues;
    private final List<Issue> errors = new ArrayList<>();
    private final List<Issue> warnings = new ArrayList<>();
    private long errorCount;
    private long warningCount;
    private long transactions;
    private final Map<String, Totals> totals = new TreeMap<>();
    private final Map<String, Long> counters = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> statedControls = new LinkedHashMap<>();
    private String totalsDirection;
    private String lastCurrency;
    private Totals lastTotals;

    public ValidationReport(Format format, int maxIssues) {
        this.format = format;
        this.maxIssues = maxIssues;
    }

    public Format format() {
        return format;
    }

    public void error(String location, String field, String message) {
        errorCount++;
        if (errors.size() < maxIssues) {
            errors.add(new Issue(Issue.Severity.ERROR, location, field, message));
        }
    }

    public void warning(String location, String field, String message) {
        warningCount++;
        if (warnings.size() < maxIssues) {
            warnings.add(new Issue(Issue.Severity.WARNING, location, field, message));
        }
    }

    /** Called once per transaction handed to the sink. */
    public void countTransaction(Direction direction, String currency, long amountMinor) {
        transactions++;
        // Files are nearly always single-currency: skip the map lookup for a repeat currency.
        Totals t = currency.equals(lastCurrency) ? lastTotals : totals.computeIfAbsent(currency, c -> new Totals());
        lastCurrency = currency;
        lastTotals = t;
        t.add(direction, amountMinor);
    }

    public void increment(String counter) {
        counters.merge(counter, 1L, Long::sum);
    }

    public void counter(String counter, long value) {
        counters.put(counter, value);
    }

    /**
     * A control record's figures exactly as the file states them (null for a field that is not
     * a number), under the record's name; e.g. NACHA's {@code fileControl}.
     */
    public void statedControl(String name, Map<String, Long> figures) {
        statedControls.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(figures)));
    }

    public Map<String, Map<String, Long>> statedControls() {
        return Collections.unmodifiableMap(statedControls);
    }

    /**
     * Names whose account {@link #totals()} speak for, where a format's own figures could be
     * read the other way round (NACHA: {@code ORIGINATOR_ACCOUNT}, whose debit total is the
     * file's credit entries); see {@link Direction}.
     */
    public void totalsDirection(String convention) {
        this.totalsDirection = convention;
    }

    /** The convention set by {@link #totalsDirection(String)}, or null when the format sets none. */
    public String totalsDirection() {
        return totalsDirection;
    }

    public boolean valid() {
        return errorCount == 0;
    }

    /** True once the error limit is reached: parsers may stop early, the file is invalid anyway. */
    public boolean errorLimitReached() {
        return errorCount >= maxIssues;
    }

    public List<Issue> errors() {
        return Collections.unmodifiableList(errors);
    }

    public List<Issue> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    public long errorCount() {
        return errorCount;
    }

    public long warningCount() {
        return warningCount;
    }

    public long transactions() {
        return transactions;
    }

    public Map<String, Totals> totals() {
        return Collections.unmodifiableMap(totals);
    }

    public Map<String, Long> counters() {
        return Collections.unmodifiableMap(counters);
    }
}
