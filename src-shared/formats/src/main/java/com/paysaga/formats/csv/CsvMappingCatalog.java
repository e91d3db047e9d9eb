package com.paysaga.formats.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paysaga.formats.CsvHeaderMatcher;
import com.paysaga.formats.MinorUnits;

/**
 * The processor CSV mappings shipped in {@code csv-mappings/} (listed in its {@code index.txt}),
 * loaded and checked once. Also recognises a file's mapping from its header line, which is the
 * only content signature a processor CSV has ({@link CsvHeaderMatcher}).
 */
public final class CsvMappingCatalog implements CsvHeaderMatcher {

    private static final String DIRECTORY = "csv-mappings/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A mapping that cannot be used; the message says which setting is wrong. */
    public static final class MappingException extends Exception {
        public MappingException(String message) {
            super(message);
        }
    }

    private final Map<String, CsvMapping> mappings;

    private CsvMappingCatalog(Map<String, CsvMapping> mappings) {
        this.mappings = mappings;
    }

    /** The shipped mappings; a broken shipped mapping is a build defect, so it fails loudly here. */
    public static CsvMappingCatalog standard() {
        Map<String, CsvMapping> mappings = new LinkedHashMap<>();
        for (String name : index()) {
            try {
                mappings.put(name, load(name));
            } catch (MappingException e) {
                throw new IllegalStateException("shipped CSV mapping " + name + ": " + e.getMessage(), e);
            }
        }
        return new CsvMappingCatalog(mappings);
    }

    public Optional<CsvMapping> mapping(String name) {
        return Optional.ofNullable(mappings.get(name));
    }

    public Set<String> names() {
        return mappings.keySet();
    }

    @Override
    public Optional<String> mappingFor(String headerLine) {
        for (CsvMapping mapping : mappings.values()) {
            List<String> headers = headers(mapping, headerLine);
            if (headers != null && headers.containsAll(mapping.requiredColumns())) {
                return Optional.of(mapping.name());
            }
        }
        return Optional.empty();
    }

    private static List<String> headers(CsvMapping mapping, String headerLine) {
        try (CSVParser parser = CSVParser.parse(new StringReader(headerLine), format(mapping).get())) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? null : records.get(0).stream().map(String::strip).toList();
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            return null;
        }
    }

    static CSVFormat.Builder format(CsvMapping mapping) {
        return CSVFormat.DEFAULT.builder()
                .setDelimiter(mapping.delimiter().charAt(0))
                .setQuote(mapping.quote() == null ? '"' : mapping.quote().charAt(0))
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true);
    }

    private static List<String> index() {
        try (InputStream in = resource("index.txt")) {
            if (in == null) {
                return List.of();
            }
            List<String> names = new ArrayList<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + DIRECTORY + "index.txt", e);
        }
    }

    /** Loads and checks {@code csv-mappings/<name>.json}. */
    public static CsvMapping load(String name) throws MappingException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new MappingException("mapping name must be lowercase letters, digits and '-'");
        }
        try (InputStream in = resource(name + ".json")) {
            if (in == null) {
                throw new MappingException("no mapping named " + name);
            }
            CsvMapping mapping = JSON.readValue(in, CsvMapping.class);
            validate(name, mapping);
            return mapping;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MappingException("mapping " + name + " is not valid JSON of the mapping shape: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MappingException("mapping " + name + " cannot be read: " + e.getMessage());
        }
    }

    private static InputStream resource(String file) {
        return CsvMappingCatalog.class.getClassLoader().getResourceAsStream(DIRECTORY + file);
    }

    static void validate(String name, CsvMapping m) throws MappingException {
        List<String> problems = new ArrayList<>();
        if (!name.equals(m.name())) {
            problems.add("name must equal the file name " + name);
        }
        if (m.delimiter() == null || m.delimiter().length() != 1) {
            problems.add("delimiter must be one character");
        }
        if (m.quote() != null && m.quote().length() != 1) {
            problems.add("quote must be one character");
        }
        if (m.amount() == null || !Set.of("DECIMAL", "MINOR_UNITS").contains(m.amount().format())) {
            problems.add("amount.format must be DECIMAL or MINOR_UNITS");
        } else if (m.amount().format().equals("DECIMAL") && (m.amount().decimalSeparator() == null
                || m.amount().decimalSeparator().length() != 1
                || m.amount().decimalSeparator().equals(m.amount().groupingSeparator()))) {
            problems.add("amount.decimalSeparator must be one character, different from the grouping separator");
        }
        CsvMapping.DirectionRule d = m.direction();
        if (d == null || d.mode() == null) {
            problems.add("direction.mode must be SIGN, INDICATOR or COLUMNS");
        } else {
            switch (d.mode()) {
                case "SIGN" -> {
                    if (m.amount() == null || m.amount().column() == null) {
                        problems.add("SIGN needs amount.column");
                    }
                    if (d.negativeIs() != null && !Set.of("DEBIT", "CREDIT").contains(d.negativeIs())) {
                        problems.add("direction.negativeIs must be DEBIT or CREDIT");
                    }
                }
                case "INDICATOR" -> {
                    if (d.column() == null || d.credit() == null || d.debit() == null) {
                        problems.add("INDICATOR needs direction.column, direction.credit and direction.debit");
                    } else {
                        Set<String> both = new HashSet<>(d.credit());
                        both.retainAll(d.debit());
                        if (!both.isEmpty()) {
                            problems.add("values listed as both credit and debit: " + both);
                        }
                    }
                    if (m.amount() == null || m.amount().column() == null) {
                        problems.add("INDICATOR needs amount.column");
                    }
                }
                case "COLUMNS" -> {
                    if (d.debitColumn() == null || d.creditColumn() == null) {
                        problems.add("COLUMNS needs direction.debitColumn and direction.creditColumn");
                    }
                }
                default -> problems.add("direction.mode must be SIGN, INDICATOR or COLUMNS");
            }
        }
        CsvMapping.CurrencyRule c = m.currency();
        if (c == null || (c.column() == null) == (c.fixedCurrency() == null)) {
            problems.add("currency needs exactly one of column or fixed");
        } else if (c.fixedCurrency() != null && MinorUnits.exponent(c.fixedCurrency()) < 0) {
            problems.add("currency.fixed is not an ISO 4217 currency with minor units");
        }
        if (m.valueDate() == null) {
            problems.add("valueDate is required");
        }
        for (CsvMapping.DateColumn date : new CsvMapping.DateColumn[] {m.valueDate(), m.bookingDate()}) {
            if (date == null) {
                continue;
            }
            try {
                date.formatter();
                if (date.zone() != null) {
                    ZoneId.of(date.zone());
                }
            } catch (RuntimeException e) {
                problems.add("date column " + date.column() + ": bad pattern or zone (" + e.getMessage() + ")");
            }
        }
        if (m.reference() == null) {
            problems.add("reference (the processor's transaction id column) is required");
        }
        if (!problems.isEmpty()) {
            throw new MappingException(String.join("; ", problems));
        }
    }
}
