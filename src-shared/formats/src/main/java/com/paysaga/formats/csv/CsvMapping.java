package com.paysaga.formats.csv;

import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A partner's processor CSV layout, declared in {@code csv-mappings/<name>.json}. Processor
 * settlement and payout reports follow no standard, so everything that varies between them is
 * a setting here rather than code: columns by header name, delimiter and quote, how amounts are
 * written and signed, currency, dates and their zones, fee/net columns, the card number column.
 * Unknown settings fail the mapping load, so a typo cannot silently disable a check.
 *
 * @param name        the mapping's name; equals its file name
 * @param delimiter   one character; {@code ","}, {@code ";"}, {@code "\t"}, {@code "|"}
 * @param quote       one character, usually {@code "\""}
 * @param paymentType stored as the transactions' payment type
 * @param amount      the gross amount column and how its numbers are written
 * @param direction   how credit (money to the account the report is about) and debit are told apart
 * @param currency    a currency column, or a fixed currency for single-currency reports
 * @param fee         optional fee and net columns: net = gross - fee is checked per row
 * @param valueDate   the settlement / value date column
 * @param bookingDate optional transaction (authorisation, capture) time column
 * @param pan         optional card number column: full PANs must pass the Luhn check; masked PANs are kept masked
 * @param reference   column of the processor's transaction id
 * @param endToEndId  optional column of the merchant's own order / payment reference
 * @param accountName optional column naming the merchant or payee the report is about
 * @param attributes  further columns to keep, attribute name to column
 */
// Jackson binds these records reflectively: a native image (the Batch container) keeps them and
// the csv-mappings/ resources through META-INF/native-image/com.paysaga/paysaga-formats/, which
// GraalVM reads from this jar, so this library needs no Quarkus annotation.
public record CsvMapping(
        String name,
        String description,
        String delimiter,
        String quote,
        String paymentType,
        AmountColumn amount,
        DirectionRule direction,
        CurrencyRule currency,
        FeeColumns fee,
        DateColumn valueDate,
        DateColumn bookingDate,
        PanColumn pan,
        String reference,
        String endToEndId,
        String accountName,
        Map<String, String> attributes) {

    public CsvMapping {
        attributes = attributes == null ? Map.of() : new LinkedHashMap<>(attributes);
    }

    /**
     * @param format            {@code DECIMAL} ("1,234.56" with the separators below) or {@code MINOR_UNITS} ("123456")
     * @param decimalSeparator  for DECIMAL: "." or ","
     * @param groupingSeparator for DECIMAL: thousands separator to ignore, or absent
     */
    public record AmountColumn(String column, String format, String decimalSeparator, String groupingSeparator) {
        boolean minorUnits() {
            return "MINOR_UNITS".equals(format);
        }
    }

    /**
     * @param mode          {@code SIGN}: a negative gross amount is a debit ({@code negativeIs} says which);
     *                      {@code INDICATOR}: a type column whose values are listed as credit or debit;
     *                      {@code COLUMNS}: separate debit and credit amount columns, exactly one filled
     * @param column        for INDICATOR: the type column
     * @param credit        for INDICATOR: values meaning money to the account (sale, capture, payout reversal)
     * @param debit         for INDICATOR: values meaning money from it (refund, chargeback, fee)
     * @param debitColumn   for COLUMNS
     * @param creditColumn  for COLUMNS
     */
    public record DirectionRule(String mode, String column, List<String> credit, List<String> debit,
            String debitColumn, String creditColumn, String negativeIs) {
    }

    public record CurrencyRule(String column, @JsonProperty("fixed") String fixedCurrency) {
    }

    /** @param negativeFees whether the report writes fees charged as negative numbers */
    public record FeeColumns(String column, String net, boolean negativeFees) {
    }

    /**
     * @param pattern a {@link java.time.format.DateTimeFormatter} pattern; with a time, the date is
     *                taken in {@code zone}
     * @param zone    the zone of times without offset, and the zone whose calendar date is kept
     *                for times with one (a 23:30 UTC capture is the next day in Asia/Tokyo)
     */
    public record DateColumn(String column, String pattern, String zone) {

        /**
         * The pattern as a strict formatter: "2024-02-30" is an error, not February 29th as the
         * default (smart) resolver would make it. Strict resolution needs the proleptic year
         * {@code u} instead of year-of-era {@code y}, so unquoted {@code y} is read as {@code u}
         * unless the pattern names an era ({@code G}) itself.
         */
        public DateTimeFormatter formatter() {
            StringBuilder p = new StringBuilder(pattern.length());
            boolean quoted = false;
            boolean era = false;
            for (char c : pattern.toCharArray()) {
                if (c == '\'') {
                    quoted = !quoted;
                } else if (!quoted && c == 'G') {
                    era = true;
                }
            }
            quoted = false;
            for (char c : pattern.toCharArray()) {
                if (c == '\'') {
                    quoted = !quoted;
                }
                p.append(!quoted && !era && c == 'y' ? 'u' : c);
            }
            return DateTimeFormatter.ofPattern(p.toString()).withResolverStyle(ResolverStyle.STRICT);
        }
    }

    public record PanColumn(String column) {
    }

    /** Every header the mapping reads: they must all be present in a file. */
    public List<String> requiredColumns() {
        List<String> columns = new ArrayList<>();
        add(columns, amount == null ? null : amount.column());
        if (direction != null) {
            add(columns, direction.column());
            add(columns, direction.debitColumn());
            add(columns, direction.creditColumn());
        }
        add(columns, currency == null ? null : currency.column());
        if (fee != null) {
            add(columns, fee.column());
            add(columns, fee.net());
        }
        add(columns, valueDate == null ? null : valueDate.column());
        add(columns, bookingDate == null ? null : bookingDate.column());
        add(columns, pan == null ? null : pan.column());
        add(columns, reference);
        add(columns, endToEndId);
        add(columns, accountName);
        attributes.values().forEach(c -> add(columns, c));
        return columns;
    }

    private static void add(List<String> columns, String column) {
        if (column != null && !columns.contains(column)) {
            columns.add(column);
        }
    }
}
