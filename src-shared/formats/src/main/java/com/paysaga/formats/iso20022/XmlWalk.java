package com.paysaga.formats.iso20022;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;

import javax.xml.stream.XMLStreamReader;

import com.paysaga.formats.domain.Direction;
import com.paysaga.formats.domain.SensitiveValue;
import com.paysaga.formats.domain.TransactionIds;
import com.paysaga.formats.MinorUnits;
import com.paysaga.formats.ParseOptions;
import com.paysaga.formats.TransactionSink;
import com.paysaga.formats.ValidationReport;

/**
 * The state of one parse of one ISO 20022 message: the element stack and helpers shared by the
 * message-specific walks. {@link XmlMessageParser} drives it with StAX events; subclasses keep
 * only what the open elements need, so memory stays flat however many transactions follow.
 */
abstract class XmlWalk {

    /** Thrown to end a parse early (wrong message type, error limit); the report already says why. */
    static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    static final int MAX_DEPTH = 64;
    static final String NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:";

    final ValidationReport report;
    final ParseOptions options;
    final TransactionSink sink;
    final String[] names = new String[MAX_DEPTH + 2];
    /** The Ccy attribute of the element open at each depth, if it had one. */
    final String[] ccy = new String[MAX_DEPTH + 2];
    int depth;
    long seq;
    final TransactionIds.Generator ids;
    /** Reused for every transaction: each one's map is built from it, not kept in it. */
    final Attributes attributes = new Attributes();

    XmlWalk(ValidationReport report, ParseOptions options, TransactionSink sink) {
        this.report = report;
        this.options = options;
        this.sink = sink;
        this.ids = TransactionIds.forFile(options.fileId());
    }

    abstract void start(int depth, String name, XMLStreamReader reader) throws IOException;

    /** @param text the element's trimmed text, or null when it had none */
    abstract void end(int depth, String name, String text) throws IOException;

    abstract void finish() throws IOException;

    /** The innermost open element that has a locator (transaction, entry, statement, …). */
    abstract String location();

    /**
     * The path of the open elements below {@code contextDepth} down to the current one, e.g.
     * "RltdPties/Dbtr/Nm". Paths are cached in a small trie keyed by the parser's canonical
     * element names, so the hot loop neither concatenates nor rehashes strings; the cache is
     * bounded, so a file with endless distinct element names cannot grow it without limit.
     * Below a context a walk declared ({@link #openContext}), the node was already found when
     * the element started ({@link #track}): one trie step per element instead of one per level
     * for every leaf.
     */
    final String relativePath(int contextDepth) {
        int d0 = depth;
        if (d0 > contextDepth && openContexts[d0] == contextDepth && openNodes[d0] != null) {
            return openNodes[d0].path;
        }
        PathNode node = pathRoots[contextDepth];
        for (int d = contextDepth + 1; d <= depth && node != null; d++) {
            node = node.child(names[d], this);
        }
        if (node != null) {
            return node.path;
        }
        StringBuilder b = new StringBuilder(48);
        for (int d = contextDepth + 1; d <= depth; d++) {
            if (b.length() > 0) {
                b.append('/');
            }
            b.append(names[d]);
        }
        return b.toString();
    }

    /** The trie node of the open element at each depth, relative to its context; null when not tracked. */
    private final PathNode[] openNodes = new PathNode[MAX_DEPTH + 2];
    /** The depth of the context each open element's node is relative to; 0 outside every context. */
    private final int[] openContexts = new int[MAX_DEPTH + 2];
    private boolean contextOpened;

    /**
     * Called by {@link #start} when the element starting at this depth is one that leaf paths
     * are taken relative to (a statement, entry, transaction, …), so {@link #track} follows
     * the paths below it.
     */
    final void openContext() {
        contextOpened = true;
    }

    /** Called by the driver after {@link #start}: follows the new element's path below its context. */
    final void track(int depth, String name) {
        if (contextOpened) {
            contextOpened = false;
            openContexts[depth] = depth;
            openNodes[depth] = pathRoots[depth];
            return;
        }
        int context = openContexts[depth - 1];
        openContexts[depth] = context;
        PathNode parent = openNodes[depth - 1];
        openNodes[depth] = context == 0 || parent == null ? null : parent.child(name, this);
    }

    private static final int MAX_PATH_NODES = 4096;
    private final PathNode[] pathRoots = new PathNode[MAX_DEPTH + 2];
    private int pathNodes;

    {
        for (int i = 0; i < pathRoots.length; i++) {
            pathRoots[i] = new PathNode(null);
        }
    }

    private static final class PathNode {
        final String path;
        private String[] names = new String[4];
        private PathNode[] children = new PathNode[4];
        private int size;

        PathNode(String path) {
            this.path = path;
        }

        /** Null once the cache is full: the caller then builds the path itself. */
        PathNode child(String name, XmlWalk owner) {
            // StAX parsers hand out canonical name instances, so identity usually decides.
            for (int i = 0; i < size; i++) {
                if (names[i] == name) {
                    return children[i];
                }
            }
            for (int i = 0; i < size; i++) {
                if (names[i].equals(name)) {
                    return children[i];
                }
            }
            if (owner.pathNodes >= MAX_PATH_NODES) {
                return null;
            }
            owner.pathNodes++;
            if (size == names.length) {
                names = java.util.Arrays.copyOf(names, size * 2);
                children = java.util.Arrays.copyOf(children, size * 2);
            }
            // Interned so that the walks' switches on these paths match the literal by identity: a
            // String switch ends in equals(), which then returns at its first check instead of
            // comparing characters. The cache bound above also bounds what is interned.
            PathNode child = new PathNode((path == null ? name : path + "/" + name).intern());
            names[size] = name;
            children[size++] = child;
            return child;
        }
    }

    final void error(String location, String field, String message) {
        report.error(location, field, message);
        if (report.errorLimitReached()) {
            throw new Stop();
        }
    }

    /** An ISO 20022 amount element: decimal text plus its mandatory Ccy attribute. */
    record Money(long minor, String currency, int exponent) {
        BigDecimal decimal() {
            return BigDecimal.valueOf(minor, exponent);
        }
    }

    /** Null (after reporting) when the amount or its currency is invalid. */
    final Money money(String location, String field, String text, String currency) {
        if (currency == null) {
            error(location, field, "Ccy attribute missing");
            return null;
        }
        int exponent = exponent(currency);
        if (exponent < 0) {
            error(location, field, "unknown ISO 4217 currency '" + printable(currency) + "'");
            return null;
        }
        try {
            long minor = MinorUnits.parse(text, '.', exponent, false);
            return new Money(minor, currency, exponent);
        } catch (MinorUnits.AmountException e) {
            error(location, field, e.getMessage() + " (" + currency + ")");
            return null;
        }
    }

    /** A decimal without currency (CtrlSum, TxsSummry/Sum); null after reporting when invalid. */
    final BigDecimal decimal(String location, String field, String text) {
        if (text.length() > 40) {
            error(location, field, "not a decimal number");
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() < 0) {
                error(location, field, "must not be negative");
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            error(location, field, "not a decimal number");
            return null;
        }
    }

    final Long count(String location, String field, String text) {
        if (text.length() > 15 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            error(location, field, "not a whole number (Max15NumericText)");
            return null;
        }
        return Long.parseLong(text);
    }

    /** ISODate, or the date part of an ISODateTime as written (the bank's local date). */
    final LocalDate date(String location, String field, String text) {
        // Statements repeat the same few dates thousands of times.
        if (text.equals(lastDateText)) {
            return lastDate;
        }
        LocalDate date = isoDate(text);
        if (date == null) {
            error(location, field, "not an ISO date (YYYY-MM-DD)");
            return null;
        }
        lastDateText = text;
        lastDate = date;
        return date;
    }

    private String lastDateText;
    private LocalDate lastDate;
    private String lastCurrency;
    private int lastExponent;

    private static LocalDate isoDate(String text) {
        if (text.length() < 10 || text.charAt(4) != '-' || text.charAt(7) != '-' || (text.length() > 10 && text.charAt(10) != 'T')) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    final int exponent(String currency) {
        if (!currency.equals(lastCurrency)) {
            lastExponent = MinorUnits.exponent(currency);
            lastCurrency = currency;
        }
        return lastExponent;
    }

    /** CRDT / DBIT, seen from the account being reported or debited (Direction's convention). */
    final Direction creditDebit(String location, String field, String text) {
        return switch (text) {
            case "CRDT" -> Direction.CREDIT;
            case "DBIT" -> Direction.DEBIT;
            default -> {
                error(location, field, "CdtDbtInd must be CRDT or DBIT");
                yield null;
            }
        };
    }

    final SensitiveValue iban(String location, String field, String text) {
        if (!Iban.valid(text)) {
            error(location, field, "IBAN is malformed or its check digits are wrong");
        }
        return SensitiveValue.of(SensitiveValue.Kind.IBAN, text);
    }

    final String bic(String location, String field, String text) {
        if (!Iban.validBic(text)) {
            error(location, field, "BIC is not 8 or 11 characters of the ISO 9362 form");
        }
        return text;
    }

    static String printable(String text) {
        String cut = text.length() > 12 ? text.substring(0, 12) + "..." : text;
        return cut.replaceAll("[^\\x20-\\x7E]", "?");
    }

    static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + " " + b;
    }
}
