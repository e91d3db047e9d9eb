package com.paysaga.formats.bai2;

import java.io.IOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

/**
 * Interprets BAI2 records in order: 01 file header, 02 group header, 03 account identifier and
 * summary, 16 transaction detail, 88 continuation, 49 account trailer, 98 group trailer, 99 file
 * trailer.
 *
 * <p>Rules checked, from the specification:
 * <ul>
 * <li>record order, version 2 in the 01 record, every record terminated by '/' except a 16
 *     record whose text field runs to the end of the record (text may contain '/' and ',');</li>
 * <li>account control total (49) = algebraic sum of every amount field of the 03 record and
 *     of the 16 records, continuations included, but not the funds-availability amounts; 49
 *     record count = every physical record of the account, 03, 16, 88 and the 49 itself;</li>
 * <li>group control total (98) = sum of its account totals, number of accounts, and records
 *     including 02 and 98; file control total (99) = sum of group totals, number of groups, and
 *     records including 01 and 99;</li>
 * <li>amounts carry no decimal point: they are minor units with the implied decimals of the
 *     account currency (03, else the group's 02, else USD); detail amounts are unsigned;</li>
 * <li>type codes: 100-399 credits and 400-699 debits; the customized range follows the same
 *     split, 920-959 credits and 960-999 debits (accepted with a warning: only the bank's own
 *     guide says what they mean); status codes (010-099, customized 900-919) and the unused
 *     700-899 have no direction, so a 16 record with one is an error;</li>
 * <li>funds type 0, 1, 2, Z or blank alone; S with immediate, one-day and two-or-more-day
 *     amounts; V with value date and optional time; D with a count and day/amount pairs.</li>
 * </ul>
 */
final class Bai2Walk {

    static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("uuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private final ValidationReport report;
    private final ParseOptions options;
    private final TransactionSink sink;
    private final Charset charset;

    /** The logical record being assembled: its first physical record plus its 88 continuations. */
    private final List<String> segments = new ArrayList<>();
    private String pendingCode;
    private long pendingLine;

    private enum State { START, FILE, GROUP, ACCOUNT, END }

    private State state = State.START;
    private long seq;

    private long fileRecords;
    private long fileTotal;
    private long groups;
    private long groupRecords;
    private long groupTotal;
    private long groupAccounts;
    private String groupCurrency;
    private String originator;
    private LocalDate asOfDate;
    private String asOfModifier;
    private long accountRecords;
    private long accountTotal;
    private SensitiveValue account;
    private String accountCurrency;
    private long accountLine;

    Bai2Walk(ValidationReport report, ParseOptions options, TransactionSink sink, Charset charset) {
        this.report = report;
        this.options = options;
        this.sink = sink;
        this.charset = charset;
    }

    void line(TextLineReader.Line line) throws IOException {
        String where = "line " + line.number();
        if (line.truncated()) {
            error(where, "", "line of " + line.fullLength() + " characters exceeds " + Bai2Parser.MAX_LINE + "; not a BAI2 record");
            return;
        }
        if (line.malformed()) {
            error(where, "", "bytes not valid in " + charset.name());
        }
        String text = line.text();
        if (text.isBlank()) {
            report.warning(where, "", "blank line ignored");
            return;
        }
        if (text.length() < 3 || text.charAt(2) != ',' || !Character.isDigit(text.charAt(0)) || !Character.isDigit(text.charAt(1))) {
            error(where, "record code", "not a BAI2 record (expected a two-digit record code and a comma)");
            return;
        }
        String code = text.substring(0, 2);
        String data = text.substring(3);
        if (code.equals("88")) {
            count(1);
            if (pendingCode == null) {
                error(where, "record code", "continuation record (88) without a record to continue");
            } else {
                segments.add(data);
            }
            return;
        }
        flush();
        pendingCode = code;
        pendingLine = line.number();
        segments.add(data);
        count(1);
    }

    /** Every physical record counts in the trailers' record counts, continuations included. */
    private void count(int records) {
        fileRecords += records;
        groupRecords += records;
        accountRecords += records;
    }

    void finish() throws IOException {
        flush();
        String where = "end of file";
        switch (state) {
            case START -> error(where, "", "no BAI2 records (file header 01 missing)");
            case END -> {
            }
            default -> error(where, "99", "file ends without file trailer (99); truncated?"
                    + (state == State.ACCOUNT ? " account trailer (49) also missing" : state == State.GROUP ? " group trailer (98) also missing" : ""));
        }
    }

    private void flush() throws IOException {
        if (pendingCode == null) {
            return;
        }
        String code = pendingCode;
        String where = "line " + pendingLine;
        pendingCode = null;
        try {
            switch (code) {
                case "01" -> fileHeader(where, fields(where, code));
                case "02" -> groupHeader(where, fields(where, code));
                case "03" -> accountHeader(where, fields(where, code));
                case "16" -> detail(where);
                case "49" -> accountTrailer(where, fields(where, code));
                case "98" -> groupTrailer(where, fields(where, code));
                case "99" -> fileTrailer(where, fields(where, code));
                default -> error(where, "record code", "unknown record code " + code);
            }
        } finally {
            segments.clear();
        }
    }

    /** Fields of a logical record other than 16: each physical record ends at its '/'; continuations add fields. */
    private List<String> fields(String where, String code) {
        List<String> fields = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            String segment = segments.get(s);
            int slash = segment.indexOf('/');
            if (slash < 0) {
                error(where, "", (s == 0 ? "record " + code : "its continuation (88)") + " is not terminated by '/'");
                slash = segment.length();
            }
            split(segment.substring(0, slash), fields);
        }
        return fields;
    }

    private static void split(String data, List<String> into) {
        int start = 0;
        while (true) {
            int comma = data.indexOf(',', start);
            if (comma < 0) {
                into.add(data.substring(start).strip());
                return;
            }
            into.add(data.substring(start, comma).strip());
            start = comma + 1;
        }
    }

    private static String field(List<String> fields, int index) {
        return index < fields.size() ? fields.get(index) : "";
    }

    private boolean expect(String where, String code, State... allowed) {
        for (State s : allowed) {
            if (state == s) {
                return true;
            }
        }
        String expected = switch (state) {
            case START -> "file header (01)";
            case FILE -> "group header (02) or file trailer (99)";
            case GROUP -> "account identifier (03) or group trailer (98)";
            case ACCOUNT -> "transaction detail (16) or account trailer (49)";
            case END -> "nothing after the file trailer (99)";
        };
        error(where, "record code", "record " + code + " out of order: expected " + expected);
        return false;
    }

    private void fileHeader(String where, List<String> f) {
        if (!expect(where, "01", State.START)) {
            return;
        }
        state = State.FILE;
        fileRecords = segments.size();
        date(where, "file creation date", field(f, 2));
        String version = field(f, 7);
        if (!version.equals("2")) {
            error(where, "version number", version.isEmpty() ? "version number missing (must be 2)" : "version " + version + " is not BAI2");
        }
    }

    private void groupHeader(String where, List<String> f) {
        if (!expect(where, "02", State.FILE)) {
            return;
        }
        state = State.GROUP;
        groups++;
        groupRecords = segments.size();
        groupTotal = 0;
        groupAccounts = 0;
        originator = blankToNull(field(f, 1));
        String status = field(f, 2);
        switch (status) {
            case "1", "2", "3" -> {
            }
            case "4" -> report.warning(where, "group status", "group status 4: test only");
            default -> error(where, "group status", "group status must be 1 (update), 2 (deletion), 3 (correction) or 4 (test only)");
        }
        asOfDate = date(where, "as-of date", field(f, 3));
        groupCurrency = currency(where, field(f, 5));
        asOfModifier = blankToNull(field(f, 6));
    }

    private void accountHeader(String where, List<String> f) {
        if (!expect(where, "03", State.GROUP)) {
            return;
        }
        state = State.ACCOUNT;
        groupAccounts++;
        accountRecords = segments.size();
        accountTotal = 0;
        accountLine = Long.parseLong(where.substring(5));
        String number = field(f, 0);
        if (number.isEmpty()) {
            error(where, "customer account number", "account number missing");
        }
        account = SensitiveValue.of(SensitiveValue.Kind.ACCOUNT_NUMBER, number);
        String ccy = currency(where, field(f, 1));
        accountCurrency = ccy != null ? ccy : groupCurrency != null ? groupCurrency : "USD";
        int i = 2;
        while (i < f.size()) {
            String typeCode = f.get(i);
            String amount = field(f, i + 1);
            String fundsType = field(f, i + 3);
            if (typeCode.isEmpty() && amount.isEmpty()) {
                i += 4;
                continue;
            }
            if (!typeCode.matches("\\d{3}")) {
                error(where, "type code", "summary type code must be three digits");
            }
            if (!amount.isEmpty()) {
                Long value = amount(where, "amount", amount, true);
                if (value != null) {
                    accountTotal += value;
                }
            }
            String itemCount = field(f, i + 2);
            if (!itemCount.isEmpty() && !itemCount.matches("\\d{1,10}")) {
                error(where, "item count", "item count must be a whole number");
            }
            i += 4 + fundsTypeExtra(where, fundsType, f, i + 4);
        }
    }

    /** Number of fields a funds type adds after itself (S: 3 amounts, V: date and time, D: count and pairs). */
    private int fundsTypeExtra(String where, String fundsType, List<String> f, int next) {
        switch (fundsType) {
            case "", "Z", "0", "1", "2" -> {
                return 0;
            }
            case "S" -> {
                for (int k = 0; k < 3; k++) {
                    String value = field(f, next + k);
                    if (!value.isEmpty()) {
                        amount(where, "funds availability", value, true);
                    }
                }
                return 3;
            }
            case "V" -> {
                date(where, "value date", field(f, next));
                String time = field(f, next + 1);
                if (!time.isEmpty() && !validTime(time)) {
                    error(where, "value time", "value time must be HHMM (0000-2400, or 9999 for end of day)");
                }
                return 2;
            }
            case "D" -> {
                String n = field(f, next);
                if (!n.matches("\\d{1,3}")) {
                    error(where, "number of distributions", "distributed availability (D) needs the number of distributions");
                    return 1;
                }
                int distributions = Integer.parseInt(n);
                for (int k = 0; k < distributions; k++) {
                    if (!field(f, next + 1 + 2 * k).matches("\\d{1,5}")) {
                        error(where, "availability in days", "distribution " + (k + 1) + " needs a number of days");
                    }
                    amount(where, "available amount", field(f, next + 2 + 2 * k), true);
                }
                return 1 + 2 * distributions;
            }
            default -> {
                error(where, "funds type", "funds type must be 0, 1, 2, S, V, D or Z");
                return 0;
            }
        }
    }

    private void detail(String where) throws IOException {
        if (!expect(where, "16", State.ACCOUNT)) {
            return;
        }
        List<String> f = new ArrayList<>();
        String text = detailFields(f);
        String typeCode = field(f, 0);
        String amountText = field(f, 1);
        String fundsType = field(f, 2);
        Direction direction = null;
        if (!typeCode.matches("\\d{3}")) {
            error(where, "type code", "detail type code must be three digits");
        } else {
            int code = Integer.parseInt(typeCode);
            if (code >= 100 && code <= 399 || code >= 920 && code <= 959) {
                direction = Direction.CREDIT;
            } else if (code >= 400 && code <= 699 || code >= 960 && code <= 999) {
                direction = Direction.DEBIT;
            } else {
                error(where, "type code", "type code " + typeCode
                        + " is not a credit (100-399, 920-959) or debit (400-699, 960-999) detail code");
            }
            if (code >= 920) {
                report.warning(where, "type code", "type code " + typeCode
                        + " is a bank-defined code; its meaning comes from the bank's BAI2 guide");
            }
            if (code == 100 || code == 400) {
                report.warning(where, "type code", "type code " + typeCode + " is a summary code (total credits/debits) in a detail record");
            }
        }
        Long amount = amountText.isEmpty() ? null : amount(where, "amount", amountText, false);
        if (amountText.isEmpty()) {
            error(where, "amount", "detail amount missing");
        }
        if (amount != null) {
            accountTotal += amount;
        }
        int extra = fundsTypeExtra(where, fundsType, f, 3);
        LocalDate valueDate = fundsType.equals("V") ? date(where, "value date", field(f, 3)) : asOfDate;
        String bankRef = blankToNull(field(f, 3 + extra));
        String customerRef = blankToNull(field(f, 4 + extra));
        if (direction == null || amount == null) {
            return;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("typeCode", typeCode);
        attributes.put("fundsType", fundsType.isEmpty() ? "Z" : fundsType);
        put(attributes, "customerReference", customerRef);
        put(attributes, "asOfDateModifier", asOfModifier);
        put(attributes, "originator", originator);
        boolean credit = direction == Direction.CREDIT;
        String locator = where;
        Transaction transaction = new Transaction(TransactionIds.of(options.fileId(), locator), options.fileId(), ++seq, locator,
                Format.BAI2.name(), typeCode, direction, amount, accountCurrency, valueDate, asOfDate,
                null, credit ? null : account, credit ? null : originator,
                null, credit ? account : null, credit ? originator : null,
                bankRef, null, null, blankToNull(text), attributes);
        sink.accept(transaction);
        report.countTransaction(direction, accountCurrency, amount);
    }

    /**
     * Splits a 16 record and its continuations: the fields before the text are comma separated
     * and may end a physical record with '/'; the text is everything after the customer
     * reference, to the end of the record and through its continuations (joined with a space).
     * A text starting with '/' is absent. One trailing '/' is dropped, which many banks write
     * although the text needs no terminator.
     */
    private String detailFields(List<String> f) {
        StringBuilder text = null;
        for (String segment : segments) {
            if (text != null) {
                text.append(' ').append(segment);
                continue;
            }
            int pos = 0;
            while (true) {
                int need = preTextFields(f);
                if (need >= 0 && f.size() >= need) {
                    String rest = segment.substring(pos);
                    text = new StringBuilder(rest.startsWith("/") ? "" : rest);
                    break;
                }
                int comma = segment.indexOf(',', pos);
                int slash = segment.indexOf('/', pos);
                if (slash >= 0 && (comma < 0 || slash < comma)) {
                    f.add(segment.substring(pos, slash).strip());
                    break;
                }
                if (comma < 0) {
                    f.add(segment.substring(pos).strip());
                    break;
                }
                f.add(segment.substring(pos, comma).strip());
                pos = comma + 1;
            }
        }
        if (text == null) {
            return "";
        }
        int end = text.length();
        if (end > 0 && text.charAt(end - 1) == '/') {
            end--;
        }
        return text.substring(0, end).strip();
    }

    /** Fields before the text: type, amount, funds type, its extra fields, bank ref, customer ref; -1 until known. */
    private static int preTextFields(List<String> f) {
        if (f.size() < 3) {
            return -1;
        }
        return switch (f.get(2)) {
            case "S" -> 8;
            case "V" -> 7;
            case "D" -> {
                if (f.size() < 4) {
                    yield -1;
                }
                String n = f.get(3);
                yield n.matches("\\d{1,3}") ? 6 + 2 * Integer.parseInt(n) : 6;
            }
            default -> 5;
        };
    }

    private void accountTrailer(String where, List<String> f) {
        if (!expect(where, "49", State.ACCOUNT)) {
            return;
        }
        state = State.GROUP;
        Long stated = amount(where, "account control total", field(f, 0), true);
        if (stated != null && stated != accountTotal) {
            error(where, "account control total", "account control total " + stated + " != sum of the account's amounts " + accountTotal
                    + " (account at line " + accountLine + ")");
        }
        Long records = count(where, "number of records", field(f, 1));
        if (records != null && records != accountRecords) {
            error(where, "number of records", "number of records " + records + " != " + accountRecords
                    + " records in the account (03 through 49, continuations included)");
        }
        groupTotal += accountTotal;
    }

    private void groupTrailer(String where, List<String> f) {
        if (!expect(where, "98", State.GROUP)) {
            return;
        }
        state = State.FILE;
        Long stated = amount(where, "group control total", field(f, 0), true);
        if (stated != null && stated != groupTotal) {
            error(where, "group control total", "group control total " + stated + " != sum of its account totals " + groupTotal);
        }
        Long accounts = count(where, "number of accounts", field(f, 1));
        if (accounts != null && accounts != groupAccounts) {
            error(where, "number of accounts", "number of accounts " + accounts + " != " + groupAccounts + " account identifier (03) records");
        }
        Long records = count(where, "number of records", field(f, 2));
        if (records != null && records != groupRecords) {
            error(where, "number of records", "number of records " + records + " != " + groupRecords
                    + " records in the group (02 through 98, continuations included)");
        }
        fileTotal += groupTotal;
    }

    private void fileTrailer(String where, List<String> f) {
        if (!expect(where, "99", State.FILE)) {
            return;
        }
        state = State.END;
        Long stated = amount(where, "file control total", field(f, 0), true);
        if (stated != null && stated != fileTotal) {
            error(where, "file control total", "file control total " + stated + " != sum of its group totals " + fileTotal);
        }
        Long statedGroups = count(where, "number of groups", field(f, 1));
        if (statedGroups != null && statedGroups != groups) {
            error(where, "number of groups", "number of groups " + statedGroups + " != " + groups + " group header (02) records");
        }
        Long records = count(where, "number of records", field(f, 2));
        if (records != null && records != fileRecords) {
            error(where, "number of records", "number of records " + records + " != " + fileRecords
                    + " records in the file (01 through 99, continuations included)");
        }
    }

    private Long amount(String where, String field, String text, boolean signed) {
        try {
            return MinorUnits.parse(text, '\0', 0, signed);
        } catch (MinorUnits.AmountException e) {
            error(where, field, e.getMessage() + "; BAI2 amounts are whole minor units with implied decimals");
            return null;
        }
    }

    private Long count(String where, String field, String text) {
        if (!text.matches("\\d{1,10}")) {
            error(where, field, text.isEmpty() ? field + " missing" : field + " must be a whole number");
            return null;
        }
        return Long.parseLong(text);
    }

    private String currency(String where, String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (MinorUnits.exponent(text) < 0) {
            error(where, "currency code", "unknown ISO 4217 currency code");
            return null;
        }
        return text;
    }

    private LocalDate date(String where, String field, String text) {
        try {
            return LocalDate.parse(text, YYMMDD);
        } catch (DateTimeParseException e) {
            error(where, field, text.isEmpty() ? field + " missing" : field + " must be a valid YYMMDD date");
            return null;
        }
    }

    /** Military time 0000-2400; 9999 is end of day, which the specification tells receivers to accept. */
    private static boolean validTime(String time) {
        if (!time.matches("\\d{4}")) {
            return false;
        }
        int hh = Integer.parseInt(time.substring(0, 2));
        int mm = Integer.parseInt(time.substring(2));
        return time.equals("9999") || (hh < 24 && mm < 60) || time.equals("2400");
    }

    private void error(String location, String field, String message) {
        report.error(location, field, message);
        if (report.errorLimitReached()) {
            throw new Stop();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
