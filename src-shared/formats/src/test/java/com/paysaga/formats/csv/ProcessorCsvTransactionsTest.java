package com.paysaga.formats.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.paysaga.formats.domain.Direction;
import com.paysaga.formats.domain.SensitiveValue;
import com.paysaga.formats.domain.Transaction;
import com.paysaga.formats.Format;
import com.paysaga.formats.ParseOptions;
import com.paysaga.formats.ValidationReport;
import com.paysaga.formats.iso20022.SampleFixtures;

class ProcessorCsvTransactionsTest {

    private final Path sample = SampleFixtures.samplesDir("csv").resolve("cardproc-daily-settlement.csv");

    private List<Transaction> transactions() throws IOException {
        ParseOptions options = new ParseOptions("f", "f", Set.of(), 100, Optional.empty(), Optional.of("cardproc-daily-settlement"));
        SampleFixtures.Parsed parsed = SampleFixtures.parse(new ProcessorCsvParser(), sample, options);
        assertThat(parsed.report().valid()).as(parsed.report().errors().toString()).isTrue();
        return parsed.transactions();
    }

    @Test
    void saleCreditsTheMerchantWithTheCardholderAsDebtorAndKeepsFeeAndNet() throws IOException {
        Transaction sale = transactions().get(0);

        assertThat(sale.direction()).isEqualTo(Direction.CREDIT);
        assertThat(sale.amountMinor()).isEqualTo(125000);
        assertThat(sale.creditorName()).isEqualTo("Harbour Logistics Ltd");
        assertThat(sale.debtorAccount().kind()).isEqualTo(SensitiveValue.Kind.PAN);
        assertThat(sale.debtorAccount().last4()).isEqualTo("1111");
        assertThat(sale.reference()).isEqualTo("ch_3P1001");
        assertThat(sale.endToEndId()).isEqualTo("ORD-55101");
        assertThat(sale.attributes()).containsEntry("feeMinor", "3655").containsEntry("netMinor", "121345")
                .containsEntry("cardBrand", "VISA").containsEntry("settlementBatch", "B0502-01");
        assertThat(sale.valueDate()).isEqualTo(LocalDate.of(2024, 5, 2));
    }

    @Test
    void captureTimeIsDatedInTheMappingsZone() throws IOException {
        // 2024-05-01T23:40Z is 19:40 in New York, still 1 May there.
        assertThat(transactions().get(1).bookingDate()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(transactions().get(1).debtorAccount().reveal()).isEqualTo("5555555555554444");
    }

    @Test
    void refundAndChargebackDebitTheMerchantWhateverTheirSign() throws IOException {
        List<Transaction> txs = transactions();

        assertThat(txs.get(2).direction()).isEqualTo(Direction.DEBIT);
        assertThat(txs.get(2).amountMinor()).isEqualTo(4500);
        assertThat(txs.get(2).creditorAccount().last4()).isEqualTo("0002");
        assertThat(txs.get(3).attributes()).containsEntry("netMinor", "-13500");
    }

    @Test
    void headerLineSelectsTheMappingAndOtherHeadersSelectNone() throws IOException {
        CsvMappingCatalog catalog = CsvMappingCatalog.standard();

        assertThat(catalog.mappingFor(Files.readAllLines(sample).get(0))).contains("cardproc-daily-settlement");
        assertThat(catalog.mappingFor("Date,Amount,Description")).isEmpty();
    }

    @Test
    void separateDebitAndCreditColumnsInMinorUnitsWithSemicolons() throws Exception {
        CsvMapping payouts = new CsvMapping("test-payouts", "payout report", ";", "\"", "PAYOUT",
                new CsvMapping.AmountColumn(null, "MINOR_UNITS", null, null),
                new CsvMapping.DirectionRule("COLUMNS", null, null, null, "Debit", "Credit", null),
                new CsvMapping.CurrencyRule(null, "GBP"), null,
                new CsvMapping.DateColumn("Paid On", "dd/MM/yyyy", null), null, null, "Payout", null, null, Map.of());
        CsvMappingCatalog.validate("test-payouts", payouts);
        String csv = "Payout;Paid On;Debit;Credit\nP-1;03/06/2024;;15000\nP-2;04/06/2024;250;\nP-3;05/06/2024;1;2\n";
        List<Transaction> txs = new ArrayList<>();
        ValidationReport report = new ProcessorCsvParser().parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                ParseOptions.strict("f", "f"), txs::add, payouts, new ValidationReport(Format.PROCESSOR_CSV, 100));

        assertThat(txs).extracting(Transaction::direction).containsExactly(Direction.CREDIT, Direction.DEBIT);
        assertThat(txs).extracting(Transaction::amountMinor).containsExactly(15000L, 250L);
        assertThat(txs.get(0).valueDate()).isEqualTo(LocalDate.of(2024, 6, 3));
        assertThat(report.errors()).extracting(i -> i.location() + ": " + i.message())
                .containsExactly("line 4: exactly one of the debit and credit amounts must be filled");
    }

    @Test
    void dateThatDoesNotExistIsAnErrorNotTheNearestDay() throws Exception {
        CsvMapping payouts = new CsvMapping("test-payouts", "payout report", ";", "\"", "PAYOUT",
                new CsvMapping.AmountColumn("Amount", "MINOR_UNITS", null, null),
                new CsvMapping.DirectionRule("SIGN", null, null, null, null, null, "DEBIT"),
                new CsvMapping.CurrencyRule(null, "GBP"), null,
                new CsvMapping.DateColumn("Paid On", "dd/MM/yyyy", null), null, null, "Payout", null, null, Map.of());
        String csv = "Payout;Paid On;Amount\nP-1;29/02/2024;100\nP-2;30/02/2024;200\nP-3;31/04/2023;300\n";
        List<Transaction> txs = new ArrayList<>();
        ValidationReport report = new ProcessorCsvParser().parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                ParseOptions.strict("f", "f"), txs::add, payouts, new ValidationReport(Format.PROCESSOR_CSV, 100));

        assertThat(txs).extracting(Transaction::valueDate).containsExactly(LocalDate.of(2024, 2, 29));
        assertThat(report.errors()).extracting(i -> i.location() + ": " + i.field() + ": " + i.message()).containsExactly(
                "line 3: Paid On: date does not match the pattern dd/MM/yyyy",
                "line 4: Paid On: date does not match the pattern dd/MM/yyyy");
    }

    @Test
    void mappingListingAValueAsBothCreditAndDebitIsRejected() {
        CsvMapping contradictory = new CsvMapping("bad", null, ",", "\"", "X",
                new CsvMapping.AmountColumn("Amount", "DECIMAL", ".", null),
                new CsvMapping.DirectionRule("INDICATOR", "Type", List.of("SALE"), List.of("SALE"), null, null, null),
                new CsvMapping.CurrencyRule("Currency", null), null, new CsvMapping.DateColumn("Date", "yyyy-MM-dd", null),
                null, null, "Id", null, null, Map.of());

        assertThatThrownBy(() -> CsvMappingCatalog.validate("bad", contradictory))
                .hasMessageContaining("values listed as both credit and debit: [SALE]");
    }
}
