package com.paysaga.formats.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.paysaga.formats.domain.Direction;
import com.paysaga.formats.domain.SensitiveValue;
import com.paysaga.formats.domain.Transaction;
import com.paysaga.formats.domain.TransactionIds;
import com.paysaga.formats.Format;
import com.paysaga.formats.FormatParser;
import com.paysaga.formats.MinorUnits;
import com.paysaga.formats.ParseOptions;
import com.paysaga.formats.TransactionSink;
import com.paysaga.formats.ValidationReport;

/**
 * Processor CSV (card settlement, payout reconciliation) through a declared {@link CsvMapping}:
 * one transaction per data row, direction seen from the account the report settles to (a sale
 * credits the merchant, a refund or chargeback debits it). Per row: every mapped column
 * present, the amount a valid amount of its currency, gross - fee = net where the mapping has
 * fee and net columns, a full card number passing the Luhn check (ISO/IEC 7812-1), dates in
 * the mapping's patterns. The mapping comes from the partner profile ({@code --csv-mapping}) or
 * from the header line ({@link CsvMappingCatalog#mappingFor}).
 */
public final class ProcessorCsvParser implements FormatParser {

    static final int MAX_LINE = 1 << 20;

    private final CsvMappingCatalog catalog;

    public ProcessorCsvParser() {
        this(CsvMappingCatalog.standard());
    }

    public ProcessorCsvParser(CsvMappingCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Format format() {
        return Format.PROCESSOR_CSV;
    }

    @Override
    public ValidationReport parse(InputStream in, ParseOptions options, TransactionSink sink) throws IOException {
        ValidationReport report = new ValidationReport(Format.PROCESSOR_CSV, options.maxIssues());
        Optional<String> name = options.csvMapping();
        if (name.isEmpty()) {
            report.error("file", "csv mapping", "no column mapping: name one in the partner profile (known: " + catalog.names() + ")");
            return report;
        }
        Optional<CsvMapping> mapping = catalog.mapping(name.get());
        if (mapping.isEmpty()) {
            try {
                mapping = Optional.of(CsvMappingCatalog.load(name.get()));
            } catch (CsvMappingCatalog.MappingException e) {
                report.error("file", "csv mapping", e.getMessage());
                return report;
            }
        }
        return parse(in, options, sink, mapping.get(), report);
    }

    ValidationReport parse(InputStream in, ParseOptions options, TransactionSink sink, CsvMapping mapping, ValidationReport report)
            throws IOException {
        Charset charset = options.charset().orElse(StandardCharsets.UTF_8);
        Reader reader = new LineLengthLimitingReader(new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), MAX_LINE);
        CsvRows rows = new CsvRows(mapping, options, sink, report);
        CSVParser parser = null;
        try {
            parser = CSVParser.parse(reader, CsvMappingCatalog.format(mapping).setHeader().setSkipHeaderRecord(true)
                    .setAllowMissingColumnNames(true).get());
            if (!rows.header(parser.getHeaderNames())) {
                return report;
            }
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                rows.row(record, parser.getCurrentLineNumber());
                if (report.errorLimitReached()) {
                    break;
                }
            }
            if (rows.count() == 0) {
                report.error("file", "", "no data rows after the header");
            }
        } catch (UncheckedIOException e) {
            unreadable(e.getCause(), parser, report, charset);
        } catch (IOException e) {
            unreadable(e, parser, report, charset);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Commons CSV: duplicate or empty header names, an unterminated quoted field at end of input.
            report.error(where(parser), "", "not a valid CSV file: " + e.getMessage());
        }
        return report;
    }

    private static void unreadable(IOException e, CSVParser parser, ValidationReport report, Charset charset) throws IOException {
        if (e instanceof CharacterCodingException) {
            report.error(where(parser), "", "bytes not valid in " + charset.name());
        } else if (e instanceof LineLengthLimitingReader.LineTooLongException tooLong) {
            report.error(where(parser), "", tooLong.getMessage() + "; not a processor report");
        } else if (e.getMessage() != null && e.getMessage().contains("EOF reached before encapsulated token finished")) {
            report.error(where(parser), "", "quoted field not closed before the end of the file; truncated?");
        } else {
            throw e;
        }
    }

    private static String where(CSVParser parser) {
        return parser == null ? "line 1" : "line " + Math.max(1, parser.getCurrentLineNumber());
    }

    /** The per-row rules of one mapping. */
    private static final class CsvRows {
        private final CsvMapping m;
        private final ParseOptions options;
        private final TransactionSink sink;
        private final ValidationReport report;
        private final TransactionIds.Generator ids;
        private final DateTimeFormatter valueDateFormat;
        private final DateTimeFormatter bookingDateFormat;
        private long rows;
        private long emitted;

        CsvRows(CsvMapping m, ParseOptions options, TransactionSink sink, ValidationReport report) {
            this.m = m;
            this.options = options;
            this.sink = sink;
            this.report = report;
            this.ids = TransactionIds.forFile(options.fileId());
            this.valueDateFormat = m.valueDate().formatter();
            this.bookingDateFormat = m.bookingDate() == null ? null : m.bookingDate().formatter();
        }

        long count() {
            return rows;
        }

        boolean header(List<String> names) {
            List<String> missing = m.requiredColumns().stream().filter(c -> !names.contains(c)).toList();
            if (!missing.isEmpty()) {
                report.error("line 1", "header", "columns missing for mapping " + m.name() + ": " + missing);
                return false;
            }
            return true;
        }

        void row(CSVRecord record, long line) throws IOException {
            rows++;
            String where = "line " + line;
            if (!record.isConsistent()) {
                report.error(where, "", "row has " + record.size() + " fields but the header has " + record.getParser().getHeaderNames().size());
                return;
            }
            String currency = m.currency().fixedCurrency() != null ? m.currency().fixedCurrency() : value(record, m.currency().column());
            int exponent = MinorUnits.exponent(currency);
            if (exponent < 0) {
                report.error(where, m.currency().column(), currency.isEmpty() ? "currency missing" : "unknown ISO 4217 currency");
                return;
            }
            Direction direction;
            Long gross;
            CsvMapping.DirectionRule d = m.direction();
            switch (d.mode()) {
                case "COLUMNS" -> {
                    String debit = value(record, d.debitColumn());
                    String credit = value(record, d.creditColumn());
                    if (debit.isEmpty() == credit.isEmpty()) {
                        report.error(where, d.debitColumn() + "/" + d.creditColumn(), "exactly one of the debit and credit amounts must be filled");
                        return;
                    }
                    direction = debit.isEmpty() ? Direction.CREDIT : Direction.DEBIT;
                    String column = debit.isEmpty() ? d.creditColumn() : d.debitColumn();
                    gross = amount(where, column, debit.isEmpty() ? credit : debit, exponent, false);
                }
                case "INDICATOR" -> {
                    String type = value(record, d.column());
                    if (d.credit().contains(type)) {
                        direction = Direction.CREDIT;
                    } else if (d.debit().contains(type)) {
                        direction = Direction.DEBIT;
                    } else {
                        report.error(where, d.column(), "type is neither a credit " + d.credit() + " nor a debit " + d.debit());
                        return;
                    }
                    gross = amount(where, m.amount().column(), value(record, m.amount().column()), exponent, true);
                    if (gross != null && gross < 0) {
                        // Some reports sign refunds although the type already says so: the type decides.
                        gross = -gross;
                    }
                }
                default -> {
                    gross = amount(where, m.amount().column(), value(record, m.amount().column()), exponent, true);
                    boolean negativeIsDebit = !"CREDIT".equals(d.negativeIs());
                    direction = gross != null && gross < 0 == negativeIsDebit ? Direction.DEBIT : Direction.CREDIT;
                    if (gross != null) {
                        gross = Math.abs(gross);
                    }
                }
            }
            // Every field is checked even after a bad amount: the report lists all of a row's problems.
            Map<String, String> attributes = new java.util.LinkedHashMap<>();
            if (m.fee() != null && gross != null) {
                Long fee = amount(where, m.fee().column(), value(record, m.fee().column()), exponent, true);
                Long net = m.fee().net() == null ? null : amount(where, m.fee().net(), value(record, m.fee().net()), exponent, true);
                if (fee != null) {
                    long charged = m.fee().negativeFees() ? -fee : fee;
                    attributes.put("feeMinor", Long.toString(charged));
                    if (net != null) {
                        long signedGross = direction == Direction.CREDIT ? gross : -gross;
                        long expected = signedGross - charged;
                        if (Math.abs(net) != Math.abs(expected)) {
                            report.error(where, m.fee().net(), "net " + decimal(Math.abs(net), exponent) + " != gross "
                                    + decimal(gross, exponent) + " - fee " + decimal(charged, exponent) + " (" + currency + ")");
                        }
                        attributes.put("netMinor", Long.toString(expected));
                    }
                }
            }
            LocalDate valueDate = date(where, record, m.valueDate(), valueDateFormat);
            LocalDate bookingDate = m.bookingDate() == null ? null : date(where, record, m.bookingDate(), bookingDateFormat);
            SensitiveValue card = m.pan() == null ? null : pan(where, value(record, m.pan().column()), m.pan().column());
            String reference = value(record, m.reference());
            if (reference.isEmpty()) {
                report.error(where, m.reference(), "transaction reference missing");
            }
            for (Map.Entry<String, String> a : m.attributes().entrySet()) {
                String v = value(record, a.getValue());
                if (!v.isEmpty()) {
                    attributes.put(a.getKey(), v);
                }
            }
            attributes.put("mapping", m.name());
            // Without an amount or a value date there is no transaction to emit; the error is reported.
            if (gross == null || valueDate == null) {
                return;
            }
            boolean credit = direction == Direction.CREDIT;
            String accountName = m.accountName() == null ? null : blankToNull(value(record, m.accountName()));
            // The card holder pays on a sale and is paid on a refund; the merchant is the other side.
            Transaction t = new Transaction(ids.of(where), options.fileId(), ++emitted, where, Format.PROCESSOR_CSV.name(),
                    m.paymentType(), direction, gross, currency, valueDate, bookingDate,
                    credit ? null : accountName, credit ? card : null, null,
                    credit ? accountName : null, credit ? null : card, null,
                    blankToNull(reference), m.endToEndId() == null ? null : blankToNull(value(record, m.endToEndId())),
                    null, null, attributes);
            sink.accept(t);
            report.countTransaction(direction, currency, gross);
        }

        private static String value(CSVRecord record, String column) {
            String v = record.isMapped(column) ? record.get(column) : null;
            return v == null ? "" : v.strip();
        }

        private Long amount(String where, String column, String text, int exponent, boolean allowSign) {
            String cleaned = text;
            if (!m.amount().minorUnits() && m.amount().groupingSeparator() != null) {
                cleaned = cleaned.replace(m.amount().groupingSeparator(), "");
            }
            if (cleaned.isEmpty()) {
                report.error(where, column, "amount missing");
                return null;
            }
            try {
                if (m.amount().minorUnits()) {
                    return MinorUnits.parse(cleaned, '\0', 0, allowSign);
                }
                return MinorUnits.parse(cleaned, m.amount().decimalSeparator().charAt(0), exponent, allowSign);
            } catch (MinorUnits.AmountException e) {
                report.error(where, column, e.getMessage());
                return null;
            }
        }

        private LocalDate date(String where, CSVRecord record, CsvMapping.DateColumn column, DateTimeFormatter format) {
            String text = value(record, column.column());
            if (text.isEmpty()) {
                report.error(where, column.column(), "date missing");
                return null;
            }
            try {
                TemporalAccessor parsed = format.parse(text);
                ZoneId zone = column.zone() == null ? null : ZoneId.of(column.zone());
                if (parsed.isSupported(ChronoField.OFFSET_SECONDS) && zone != null) {
                    return Instant.from(parsed).atZone(zone).toLocalDate();
                }
                if (parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
                    return LocalDateTime.from(parsed).toLocalDate();
                }
                return LocalDate.from(parsed);
            } catch (java.time.DateTimeException e) {
                report.error(where, column.column(), "date does not match the pattern " + column.pattern());
                return null;
            }
        }

        /** Full PANs (13-19 digits) must pass Luhn; masked ones ("411111******1111", "XXXX1111") stay masked. */
        private SensitiveValue pan(String where, String text, String column) {
            if (text.isEmpty()) {
                return null;
            }
            String compact = text.replace(" ", "").replace("-", "");
            if (compact.matches("\\d{13,19}")) {
                if (!Luhn.valid(compact)) {
                    report.error(where, column, "card number fails the Luhn check");
                }
                return SensitiveValue.of(SensitiveValue.Kind.PAN, compact);
            }
            if (compact.matches("\\d{0,6}[*Xx#]{4,15}\\d{4}")) {
                return SensitiveValue.of(SensitiveValue.Kind.PAN, compact);
            }
            report.error(where, column, "card number is neither a full PAN (13-19 digits) nor a masked PAN ending in 4 digits");
            return null;
        }

        private static String decimal(long minor, int exponent) {
            return java.math.BigDecimal.valueOf(minor, exponent).toPlainString();
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }
}
