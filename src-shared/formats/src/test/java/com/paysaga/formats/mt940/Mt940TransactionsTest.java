package com.paysaga.formats.mt940;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.paysaga.formats.domain.Direction;
import com.paysaga.formats.domain.SensitiveValue;
import com.paysaga.formats.domain.Transaction;
import com.paysaga.formats.iso20022.SampleFixtures;

class Mt940TransactionsTest {

    private static List<Transaction> transactions(String name) throws IOException {
        Path sample = SampleFixtures.samplesDir("mt940").resolve(name);
        SampleFixtures.Parsed parsed = SampleFixtures.parse(new Mt940Parser(), sample, SampleFixtures.options(sample));
        assertThat(parsed.report().valid()).as(parsed.report().errors().toString()).isTrue();
        return parsed.transactions();
    }

    @Test
    void structuredGermanDetailsGiveEndToEndIdRemittanceAndCounterparty() throws IOException {
        Transaction credit = transactions("mt940-bare-two-statements.sta").get(0);

        assertThat(credit.direction()).isEqualTo(Direction.CREDIT);
        assertThat(credit.amountMinor()).isEqualTo(50000);
        assertThat(credit.endToEndId()).isEqualTo("INV-2023-1201");
        assertThat(credit.remittanceInfo()).isEqualTo("Rechnung 1201 Dezember");
        assertThat(credit.debtorName()).isEqualTo("Beispiel Kunde AG");
        assertThat(credit.debtorAccount().kind()).isEqualTo(SensitiveValue.Kind.IBAN);
        assertThat(credit.debtorAgent()).isEqualTo("COBADEFFXXX");
        assertThat(credit.creditorAccount().reveal()).isEqualTo("37040044/0532013000");
        assertThat(credit.reference()).isEqualTo("B2312290001");
        assertThat(credit.attributes()).containsEntry("businessTransactionCode", "166").containsEntry("postingText", "SEPA-GUTSCHRIFT")
                .containsEntry("transactionType", "NTRF").doesNotContainKey("ownerReference");
    }

    @Test
    void entryDateInJanuaryAfterADecemberValueDateFallsInTheNextYear() throws IOException {
        Transaction debit = transactions("mt940-bare-two-statements.sta").get(1);

        assertThat(debit.valueDate()).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(debit.bookingDate()).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(debit.attributes()).containsEntry("mandateId", "MANDATE-77-A").containsEntry("ownerReference", "MANDATE77");
        assertThat(debit.remittanceInfo()).isEqualTo("Abo Januar 2024");
    }

    @Test
    void reversalOfADebitIsACredit() throws IOException {
        Transaction reversal = transactions("mt940-bare-two-statements.sta").get(2);

        assertThat(reversal.direction()).isEqualTo(Direction.CREDIT);
        assertThat(reversal.attributes()).containsEntry("reversal", "true");
        assertThat(reversal.remittanceInfo()).isEqualTo("Rueckbuchung Gebuehr Dezember");
    }

    @Test
    void slashCodedDetailsAcrossLinesGiveReferencesAndCounterparty() throws IOException {
        Transaction sweep = transactions("mt940-bare-two-statements.sta").get(3);

        assertThat(sweep.endToEndId()).isEqualTo("PAYRUN-0102");
        assertThat(sweep.remittanceInfo()).isEqualTo("Monthly sweep to treasury");
        assertThat(sweep.creditorName()).isEqualTo("Treasury GmbH");
        assertThat(sweep.creditorAccount().reveal()).isEqualTo("DE89370400440532013000");
    }

    @Test
    void swiftBlocksAndPagesYieldBothPagesTransactionsInJapaneseYen() throws IOException {
        List<Transaction> txs = transactions("mt940-swift-blocks-paged.sta");

        assertThat(txs).extracting(Transaction::sourceLocator).containsExactly("line 6", "line 15");
        assertThat(txs.get(0).paymentType()).isEqualTo("S103");
        assertThat(txs.get(0).amountMinor()).isEqualTo(120000);
        assertThat(txs.get(1).attributes()).containsEntry("statementNumber", "00091/00002");
    }

    @Test
    void freeTextDetailsHaveTheirIbansMasked() {
        Details86 details = Details86.parse(List.of("Refund to DE89370400440532013000 as agreed"));

        assertThat(details.purpose()).isEqualTo("Refund to ****3000 as agreed");
    }

    @Test
    void statementMayCloseWithInformationToTheAccountOwnerButA86WithoutItsStatementLineIsAnError() throws IOException {
        String statement = ":20:REF1\n:25:12345678\n:28C:1/1\n:60F:C240101EUR10,00\n:61:240101C5,00NTRFNONREF\n:86:first\n"
                + ":62F:C240101EUR15,00\n:64:C240101EUR15,00\n:86:statement information\n-\n";
        com.paysaga.formats.ValidationReport closing = com.paysaga.formats.iso20022.HostileInputs.parse(new Mt940Parser(),
                statement.getBytes(java.nio.charset.StandardCharsets.US_ASCII), com.paysaga.formats.iso20022.HostileInputs.options());
        com.paysaga.formats.ValidationReport stray = com.paysaga.formats.iso20022.HostileInputs.parse(new Mt940Parser(),
                statement.replace(":86:first\n", ":86:first\n:86:second\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                com.paysaga.formats.iso20022.HostileInputs.options());

        assertThat(closing.valid()).as(closing.errors().toString()).isTrue();
        assertThat(stray.errors()).extracting(i -> i.location() + " " + i.field()).containsExactly("line 7 :86:");
    }
}
