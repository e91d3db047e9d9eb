package com.paysaga.shared.format.iso20022;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import javax.xml.stream.XMLStreamReader;

import com.paysaga.shared.domain.Direction;
import com.paysaga.shared.domain.SensitiveValue;
import com.paysaga.shared.format.MinorUnits;
import com.paysaga.shared.format.ParseOptions;
import com.paysaga.shared.format.TransactionSink;
import com.paysaga.shared.format.ValidationReport;

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

    XmlWalk(ValidationReport report, ParseOptions options, TransactionSink sink) {
        this.report = report;
        this.options = options;
        this.sink = sink;
    }

    abstract void start(int depth, String name, XMLStreamReader reader) throws IOException;

    /** @param text the element's trimmed text, or null when it had none */
    abstract void end(int depth, String name, String text) throws IOException;

    abstract void finish() throws IOException;

    /** The innermost open element that has a locator (transaction, entry, statement, …). */
    abstract String location();

    /** The path of the open elements below {@code contextDepth} down to the current one, e.g. "RltdPties/Dbtr/Nm". */
    final String relativePath(int contextDepth) {
        if (depth == contextDepth + 1) {
            return names[depth];
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
        int exponent = MinorUnits.exponent(currency);
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
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            error(location, field, "not an ISO date (YYYY-MM-DD)");
            return null;
        }
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
