package com.paysaga.formats.mt940;

import java.io.IOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.paysaga.formats.domain.Direction;
import com.paysaga.formats.domain.SensitiveValue;
import com.paysaga.formats.domain.Transaction;
import com.paysaga.formats.domain.TransactionIds;
import com.paysaga.formats.Format;
import com.paysaga.formats.MinorUnits;
import com.paysaga.formats.ParseOptions;
import com.paysaga.formats.TextLineReader;
import com.paysaga.formats.TransactionSink;
import com.paysaga.formats.ValidationReport;
import com.paysaga.formats.iso20022.Iban;

/**
 * MT940 statements field by field (SWIFT Standards MT, category 9, MT940 field specifications).
 *
 * <p>Per statement: mandatory :20: :25: :28C: :60F:|:60M: :62F:|:62M:, in order; balances
 * {@code 1!a6!n3!a15d}; one currency throughout; opening + credits - debits = closing. Across
 * statements of the same account in one file: an opening balance equals the previous closing
 * balance, and a page that ended with an intermediate :62M: continues with :60M:.
 *
 * <p>:61: {@code 6!n[4!n]2a[1!a]15d1!a3!c16x[//16x]} plus an optional second line {@code [34x]}:
 * value date, entry date MMDD (its year is the value date's, moved by one when the months lie
 * more than six apart: value 31 Dec, entry 02 Jan is next year), mark D, C, RD (reversal of a
 * debit: a credit) or RC (a debit), funds code, amount with a decimal comma and no more decimals
 * than the currency has, transaction type (S + MT number, N or F + code), account owner's
 * reference, "//" bank reference, supplementary details. Its :86: follows it.
 *
 * <p>Every character must be in the SWIFT X character set unless the partner profile allows
 * {@link Mt940Leniency#EXTENDED_CHARSET}.
 */
final class Mt940Walk {

    static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private static final Pattern TAG = Pattern.compile("^:(\\d{2}[A-Z]?):");
    private static final Pattern BALANCE = Pattern.compile("([CD])(\\d{6})([A-Z]{3})([0-9,]{1,15})");
    private static final Pattern STATEMENT_LINE = Pattern.compile(
            "(\\d{6})(\\d{4})?(RC|RD|EC|ED|C|D)([A-Z])?([0-9,]{1,15})([SNF])([A-Z0-9]{3})(.*)");
    private static final Pattern STATEMENT_NUMBER = Pattern.compile("\\d{1,5}(/\\d{1,5})?");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("uuMMdd").withResolverStyle(ResolverStyle.STRICT);

    /** Order of the fields of a statement: 20, 21, 25, 28C, 60, (61, 86)*, 62, 64, 65*, 86. */
    private static final Map<String, Integer> ORDER = Map.ofEntries(
            Map.entry("20", 0), Map.entry("21", 1), Map.entry("25", 2), Map.entry("25P", 2), Map.entry("28C", 3),
            Map.entry("60F", 4), Map.entry("60M", 4), Map.entry("61", 5), Map.entry("86", 5),
            Map.entry("62F", 6), Map.entry("62M", 6), Map.entry("64", 7), Map.entry("65", 8));

    private final ValidationReport report;
    private final ParseOptions options;
    private final TransactionSink sink;
    private final Charset charset;
    private final boolean extendedCharset;
    private boolean charsetWarned;
    private boolean longInformationWarned;

    /** Whether lines are statement text: always for bare files, inside {4: … -} for FIN messages. */
    private boolean inText = true;
    private boolean sawFinBlocks;

    private String fieldTag;
    private long fieldLine;
    private final List<String> fieldLines = new ArrayList<>();

    private Statement stmt;
    private int statementCount;
    private long seq;
    private final Map<String, Balance> lastClosingByAccount = new HashMap<>();

    Mt940Walk(ValidationReport report, ParseOptions options, TransactionSink sink, Charset charset) {
        this.report = report;
        this.options = options;
        this.sink = sink;
        this.charset = charset;
        this.extendedCharset = options.lenient(Mt940Leniency.EXTENDED_CHARSET);
    }

    void line(TextLineReader.Line line) throws IOException {
        String where = "line " + line.number();
        if (line.truncated()) {
            error(where, "", "line of " + line.fullLength() + " characters exceeds " + Mt940Parser.MAX_LINE + "; not MT940");
            return;
        }
        if (line.malformed()) {
            error(where, "", "bytes not valid in " + charset.name());
        }
        String text = line.text();
        if (text.startsWith("{1:") || (!inText && text.startsWith("{"))) {
            endField();
            sawFinBlocks = true;
            int block4 = text.indexOf("{4:");
            inText = block4 >= 0;
            if (inText) {
                String rest = text.substring(block4 + 3);
                if (!rest.isBlank()) {
                    line(new TextLineReader.Line(line.number(), rest, false, rest.length(), false));
                }
            }
            return;
        }
        if (!inText) {
            if (!text.isBlank()) {
                error(where, "", "text outside a SWIFT block 4");
            }
            return;
        }
        if (text.startsWith("-}") || text.equals("-")) {
            endField();
            closeStatement(where);
            inText = !text.startsWith("-}");
            return;
        }
        checkCharacters(where, text);
        Matcher tag = TAG.matcher(text);
        if (tag.find()) {
            endField();
            fieldTag = tag.group(1);
            fieldLine = line.number();
            fieldLines.add(text.substring(tag.end()));
            return;
        }
        if (fieldTag == null) {
            if (!text.isBlank()) {
                error(where, "", "line is not part of an MT940 field (expected a tag such as :20:)");
            }
            return;
        }
        if (text.isBlank()) {
            return;
        }
        fieldLines.add(text);
    }

    void finish() throws IOException {
        endField();
        if (stmt != null) {
            closeStatement("end of file");
        }
        if (statementCount == 0) {
            error("end of file", "", "no MT940 statement (:20: missing)");
        }
        if (sawFinBlocks && inText) {
            error("end of file", "", "SWIFT block 4 not closed by '-}'; truncated?");
        }
    }

    private void checkCharacters(String where, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!swiftX(c)) {
                if (extendedCharset) {
                    if (!charsetWarned) {
                        charsetWarned = true;
                        report.warning(where, "", "characters outside the SWIFT X character set (first: " + describe(c) + ")");
                    }
                } else {
                    error(where, "", "character " + describe(c) + " at column " + (i + 1) + " is not in the SWIFT X character set");
                }
                return;
            }
        }
    }

    /** SWIFT X: a-z A-Z 0-9 / - ? : ( ) . , ' + space (CR LF end lines; braces delimit blocks). */
    private static boolean swiftX(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "/-?:().,'+ {}".indexOf(c) >= 0;
    }

    private static String describe(char c) {
        return String.format("U+%04X", (int) c);
    }

    private void endField() throws IOException {
        if (fieldTag == null) {
            return;
        }
        String tag = fieldTag;
        String where = "line " + fieldLine;
        List<String> lines = List.copyOf(fieldLines);
        fieldTag = null;
        fieldLines.clear();
        field(tag, where, lines);
    }

    private void field(String tag, String where, List<String> lines) throws IOException {
        String value = lines.get(0);
        if (tag.equals("20")) {
            if (stmt != null) {
                closeStatement(where);
            }
            stmt = new Statement(++statementCount, where);
        }
        if (stmt == null) {
            error(where, ":" + tag + ":", "field outside a statement (a statement starts with :20:)");
            return;
        }
        Integer position = ORDER.get(tag);
        if (position == null) {
            report.warning(where, ":" + tag + ":", "field not defined for MT940; ignored");
            return;
        }
        if (tag.equals("86")) {
            checkInformationSize(where, lines);
        }
        // Field 86 also closes a statement as information to the account owner, after :62a:/:64:/:65:.
        boolean closingInformation = tag.equals("86") && stmt.position >= 6;
        if (closingInformation) {
            if (stmt.information) {
                error(where, ":86:", "field out of order or repeated");
            }
            stmt.information = true;
            return;
        }
        if (position < stmt.position || (position == stmt.position && position != 5 && position != 8)) {
            error(where, ":" + tag + ":", "field out of order or repeated");
        }
        stmt.position = Math.max(stmt.position, position);
        switch (tag) {
            case "20" -> {
                stmt.reference = value.strip();
                if (value.isBlank() || value.length() > 16) {
                    error(where, ":20:", "transaction reference number must be 1 to 16 characters");
                }
            }
            case "21" -> stmt.relatedReference = value.strip();
            case "25", "25P" -> {
                stmt.accountText = value.strip();
                if (stmt.accountText.isEmpty() || stmt.accountText.length() > 35) {
                    error(where, ":25:", "account identification must be 1 to 35 characters");
                }
                String compact = stmt.accountText.replace(" ", "");
                stmt.account = SensitiveValue.of(Iban.valid(compact) ? SensitiveValue.Kind.IBAN : SensitiveValue.Kind.ACCOUNT_NUMBER, compact);
            }
            case "28C" -> {
                stmt.number = value.strip();
                if (!STATEMENT_NUMBER.matcher(stmt.number).matches()) {
                    error(where, ":28C:", "statement number must be 5n[/5n]");
                }
            }
            case "60F", "60M" -> stmt.opening = balance(where, tag, value);
            case "61" -> {
                emitPending();
                stmt.pending = statementLine(where, lines);
            }
            case "86" -> {
                if (stmt.pending != null && stmt.pending.details == null) {
                    stmt.pending.details = Details86.parse(lines);
                } else {
                    error(where, ":86:", "field 86 must follow its :61: statement line (one each) or close the statement");
                }
            }
            case "62F", "62M" -> {
                emitPending();
                stmt.closing = balance(where, tag, value);
            }
            case "64", "65" -> {
                Balance b = balance(where, tag, value);
                if (b != null && stmt.opening != null && !b.currency.equals(stmt.opening.currency)) {
                    error(where, ":" + tag + ":", "currency differs from the opening balance's");
                }
            }
            default -> {
            }
        }
    }

    /** Field 86 is 6*65x: at most six lines of at most 65 characters each. */
    private void checkInformationSize(String where, List<String> lines) {
        int longest = 0;
        for (String l : lines) {
            longest = Math.max(longest, l.length());
        }
        if (lines.size() <= 6 && longest <= 65) {
            return;
        }
        String what = ":86: has " + lines.size() + " line(s), the longest of " + longest
                + " characters; the field allows 6 lines of 65 (6*65x)";
        if (!options.lenient(Mt940Leniency.LONG_INFORMATION)) {
            error(where, ":86:", what);
        } else if (!longInformationWarned) {
            longInformationWarned = true;
            report.warning(where, ":86:", what + " (accepted by the profile's " + Mt940Leniency.LONG_INFORMATION + ")");
        }
    }

    private Balance balance(String where, String tag, String value) {
        Matcher m = BALANCE.matcher(value.strip());
        if (!m.matches()) {
            error(where, ":" + tag + ":", "balance must be 1!a6!n3!a15d (D/C mark, YYMMDD, currency, amount)");
            return null;
        }
        LocalDate date = date(where, ":" + tag + ":", m.group(2));
        String currency = m.group(3);
        int exponent = MinorUnits.exponent(currency);
        if (exponent < 0) {
            error(where, ":" + tag + ":", "unknown ISO 4217 currency");
            return null;
        }
        Long amount = amount(where, ":" + tag + ":", m.group(4), exponent);
        if (amount == null || date == null) {
            return null;
        }
        return new Balance(tag, m.group(1).equals("C") ? amount : -amount, currency, exponent, date);
    }

    private Long amount(String where, String field, String text, int exponent) {
        if (text.indexOf(',') < 0) {
            error(where, field, "amount must contain a decimal comma");
            return null;
        }
        try {
            return MinorUnits.parse(text, ',', exponent, false);
        } catch (MinorUnits.AmountException e) {
            error(where, field, e.getMessage());
            return null;
        }
    }

    private LocalDate date(String where, String field, String yymmdd) {
        try {
            return LocalDate.parse(yymmdd, YYMMDD);
        } catch (DateTimeParseException e) {
            error(where, field, "date must be a valid YYMMDD");
            return null;
        }
    }

    private StatementLine statementLine(String where, List<String> lines) {
        Matcher m = STATEMENT_LINE.matcher(lines.get(0));
        if (!m.matches()) {
            error(where, ":61:", "statement line must be 6!n[4!n]2a[1!a]15d1!a3!c16x[//16x]");
            return null;
        }
        StatementLine s = new StatementLine(where);
        s.valueDate = date(where, ":61:", m.group(1));
        if (m.group(2) != null && s.valueDate != null) {
            s.entryDate = entryDate(where, s.valueDate, m.group(2));
        }
        String mark = m.group(3);
        switch (mark) {
            case "C" -> s.direction = Direction.CREDIT;
            case "D" -> s.direction = Direction.DEBIT;
            case "RD" -> {
                s.direction = Direction.CREDIT;
                s.reversal = true;
            }
            case "RC" -> {
                s.direction = Direction.DEBIT;
                s.reversal = true;
            }
            default -> error(where, ":61:", "debit/credit mark " + mark + " is for MT942 expected entries, not statements");
        }
        s.fundsCode = m.group(4);
        s.amountText = m.group(5);
        s.transactionType = m.group(6) + m.group(7);
        if (m.group(6).equals("S") && !m.group(7).matches("\\d{3}")) {
            error(where, ":61:", "transaction type S must be followed by a three-digit message type");
        }
        String rest = m.group(8);
        int slashes = rest.indexOf("//");
        String ownerRef = slashes >= 0 ? rest.substring(0, slashes) : rest;
        if (ownerRef.isEmpty() || ownerRef.length() > 16) {
            error(where, ":61:", "reference for the account owner must be 1 to 16 characters");
        }
        s.ownerReference = ownerRef;
        if (slashes >= 0) {
            String bank = rest.substring(slashes + 2);
            s.bankReference = bank.length() > 16 ? bank.substring(0, 16) : bank;
            if (bank.length() > 16) {
                s.supplementary = bank.substring(16).strip();
            }
        }
        if (lines.size() > 1) {
            s.supplementary = String.join(" ", lines.subList(1, lines.size())).strip();
            if (lines.size() > 2 || s.supplementary.length() > 34) {
                error(where, ":61:", "supplementary details must be one line of at most 34 characters");
            }
        }
        return s;
    }

    private LocalDate entryDate(String where, LocalDate valueDate, String mmdd) {
        int month = Integer.parseInt(mmdd.substring(0, 2));
        int day = Integer.parseInt(mmdd.substring(2));
        int year = valueDate.getYear();
        if (month - valueDate.getMonthValue() > 6) {
            year--;
        } else if (valueDate.getMonthValue() - month > 6) {
            year++;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            error(where, ":61:", "entry date must be a valid MMDD");
            return null;
        }
    }

    private void emitPending() throws IOException {
        StatementLine s = stmt.pending;
        stmt.pending = null;
        if (s == null || s.direction == null || s.valueDate == null) {
            return;
        }
        if (stmt.opening == null) {
            error(s.where, ":61:", "statement line before an opening balance (:60F:/:60M:)");
            return;
        }
        String currency = stmt.opening.currency;
        Long amount = amount(s.where, ":61:", s.amountText, stmt.opening.exponent);
        if (amount == null) {
            return;
        }
        if (s.fundsCode != null && s.fundsCode.charAt(0) != currency.charAt(2)) {
            report.warning(s.where, ":61:", "funds code " + s.fundsCode + " is not the third letter of the currency " + currency);
        }
        stmt.movement += s.direction == Direction.CREDIT ? amount : -amount;
        Details86 d = s.details;
        boolean credit = s.direction == Direction.CREDIT;
        SensitiveValue counterpartyAccount = d == null || d.counterpartyAccount() == null ? null
                : SensitiveValue.of(Iban.valid(d.counterpartyAccount()) ? SensitiveValue.Kind.IBAN : SensitiveValue.Kind.ACCOUNT_NUMBER,
                        d.counterpartyAccount());
        String counterpartyName = d == null ? null : d.counterpartyName();
        String counterpartyAgent = d == null ? null : d.counterpartyAgent();

        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("statementReference", stmt.reference);
        put(attributes, "relatedReference", stmt.relatedReference);
        put(attributes, "statementNumber", stmt.number);
        attributes.put("transactionType", s.transactionType);
        if (!s.ownerReference.equals("NONREF")) {
            attributes.put("ownerReference", s.ownerReference);
        }
        put(attributes, "fundsCode", s.fundsCode);
        put(attributes, "supplementaryDetails", s.supplementary);
        if (s.reversal) {
            attributes.put("reversal", "true");
        }
        if (d != null) {
            put(attributes, "businessTransactionCode", d.gvc());
            put(attributes, "postingText", d.postingText());
            put(attributes, "mandateId", d.mandateId());
            put(attributes, "primanota", d.primanota());
            put(attributes, "textKeyExtension", d.textKeyExtension());
        }
        String locator = s.where;
        Transaction transaction = new Transaction(TransactionIds.of(options.fileId(), locator), options.fileId(), ++seq, locator,
                Format.MT940.name(), s.transactionType, s.direction, amount, currency, s.valueDate,
                s.entryDate != null ? s.entryDate : s.valueDate,
                credit ? counterpartyName : null, credit ? counterpartyAccount : stmt.account, credit ? counterpartyAgent : null,
                credit ? null : counterpartyName, credit ? stmt.account : counterpartyAccount, credit ? null : counterpartyAgent,
                s.bankReference != null && !s.bankReference.isEmpty() ? s.bankReference : null,
                d == null ? null : d.endToEndId(), null, d == null ? null : d.purpose(), attributes);
        sink.accept(transaction);
        report.countTransaction(s.direction, currency, amount);
    }

    private void closeStatement(String where) throws IOException {
        if (stmt == null) {
            return;
        }
        Statement s = stmt;
        emitPending();
        stmt = null;
        String at = s.where;
        if (s.accountText == null) {
            error(at, ":25:", "statement " + s.index + " has no account identification :25:");
        }
        if (s.number == null) {
            error(at, ":28C:", "statement " + s.index + " has no statement number :28C:");
        }
        if (s.opening == null) {
            error(at, ":60F:", "statement " + s.index + " has no valid opening balance :60F:/:60M:");
        }
        if (s.closing == null) {
            error(at, ":62F:", "statement " + s.index + " ends (" + where + ") without a valid closing balance :62F:/:62M:; truncated?");
        }
        if (s.opening == null || s.closing == null) {
            return;
        }
        if (!s.opening.currency.equals(s.closing.currency)) {
            error(at, ":62F:", "closing balance currency differs from the opening balance's");
            return;
        }
        long expected = s.opening.amount + s.movement;
        if (expected != s.closing.amount) {
            error(at, ":" + s.closing.tag + ":", "opening balance " + decimal(s.opening.amount, s.opening.exponent)
                    + " + statement lines " + decimal(s.movement, s.opening.exponent) + " != closing balance "
                    + decimal(s.closing.amount, s.opening.exponent) + " " + s.opening.currency);
        }
        if (s.accountText != null) {
            Balance previous = lastClosingByAccount.put(s.accountText, s.closing);
            if (previous != null) {
                continuity(at, previous, s.opening);
            } else if (s.opening.tag.equals("60M")) {
                report.warning(at, ":60M:", "intermediate opening balance: earlier pages of this statement are not in the file");
            }
        }
    }

    /** Statement n+1 (or the next page) starts where statement n (or the previous page) closed. */
    private void continuity(String at, Balance previous, Balance opening) {
        boolean previousIntermediate = previous.tag.equals("62M");
        boolean openingIntermediate = opening.tag.equals("60M");
        if (previousIntermediate != openingIntermediate) {
            error(at, ":" + opening.tag + ":", previousIntermediate
                    ? "previous page closed with an intermediate balance :62M:, so this page must open with :60M:"
                    : "opening balance :60M: follows a final closing balance :62F:");
        }
        if (previous.amount != opening.amount || !previous.currency.equals(opening.currency)) {
            error(at, ":" + opening.tag + ":", "opening balance " + decimal(opening.amount, opening.exponent)
                    + " differs from the previous closing balance " + decimal(previous.amount, previous.exponent) + " of this account");
        }
    }

    private static String decimal(long minor, int exponent) {
        return java.math.BigDecimal.valueOf(minor, exponent).toPlainString();
    }

    private void error(String location, String field, String message) {
        report.error(location, field, message);
        if (report.errorLimitReached()) {
            throw new Stop();
        }
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }

    private record Balance(String tag, long amount, String currency, int exponent, LocalDate date) {
    }

    private static final class Statement {
        final int index;
        final String where;
        int position = -1;
        String reference;
        String relatedReference;
        String accountText;
        SensitiveValue account;
        String number;
        Balance opening;
        Balance closing;
        long movement;
        boolean information;
        StatementLine pending;

        Statement(int index, String where) {
            this.index = index;
            this.where = where;
        }
    }

    private static final class StatementLine {
        final String where;
        LocalDate valueDate;
        LocalDate entryDate;
        Direction direction;
        boolean reversal;
        String fundsCode;
        String amountText;
        String transactionType;
        String ownerReference;
        String bankReference;
        String supplementary;
        Details86 details;

        StatementLine(String where) {
            this.where = where;
        }
    }
}
