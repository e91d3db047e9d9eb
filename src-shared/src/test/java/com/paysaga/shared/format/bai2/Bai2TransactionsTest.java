package com.paysaga.shared.format.bai2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.paysaga.shared.domain.Direction;
import com.paysaga.shared.domain.Transaction;
import com.paysaga.shared.format.iso20022.SampleFixtures;

class Bai2TransactionsTest {

    private static List<Transaction> transactions(String name) throws IOException {
        Path sample = SampleFixtures.samplesDir("bai2").resolve(name);
        SampleFixtures.Parsed parsed = SampleFixtures.parse(new Bai2Parser(), sample, SampleFixtures.options(sample));
        assertThat(parsed.report().valid()).as(parsed.report().errors().toString()).isTrue();
        return parsed.transactions();
    }

    @Test
    void detailRecordCarriesTypeCodeDirectionReferencesAndTheAccountOnItsSide() throws IOException {
        Transaction wire = transactions("bai2-two-groups.bai").get(0);

        assertThat(wire.sourceLocator()).isEqualTo("line 5");
        assertThat(wire.paymentType()).isEqualTo("195");
        assertThat(wire.direction()).isEqualTo(Direction.CREDIT);
        assertThat(wire.amountMinor()).isEqualTo(250000);
        assertThat(wire.currency()).isEqualTo("USD");
        assertThat(wire.reference()).isEqualTo("FEDREF0001");
        assertThat(wire.attributes()).containsEntry("customerReference", "INV77").containsEntry("fundsType", "0");
        assertThat(wire.remittanceInfo()).isEqualTo("INCOMING WIRE FROM GLOBEX CORP");
        assertThat(wire.creditorAccount().reveal()).isEqualTo("123456789012");
        assertThat(wire.creditorAgent()).isEqualTo("021000021");
        assertThat(wire.bookingDate()).isEqualTo(LocalDate.of(2024, 3, 14));
    }

    @Test
    void distributedAvailabilityFieldsAreSkippedBeforeTheReferencesAndContinuationExtendsTheText() throws IOException {
        Transaction lockbox = transactions("bai2-two-groups.bai").get(1);

        assertThat(lockbox.reference()).isEqualTo("LBX1002");
        assertThat(lockbox.attributes()).containsEntry("fundsType", "S").doesNotContainKey("customerReference");
        assertThat(lockbox.remittanceInfo()).isEqualTo("LOCKBOX DEPOSIT BATCH 14 ITEMS 2");
    }

    @Test
    void valueDatedFundsTypeSetsTheValueDateAndDebitCodesDebitTheAccount() throws IOException {
        Transaction check = transactions("bai2-two-groups.bai").get(2);

        assertThat(check.direction()).isEqualTo(Direction.DEBIT);
        assertThat(check.valueDate()).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(check.debtorAccount().last4()).isEqualTo("9012");
        assertThat(check.reference()).isEqualTo("CHK000123");
    }

    @Test
    void currencyComesFromTheGroupWhenTheAccountOmitsItAndImpliesItsDecimals() throws IOException {
        Transaction yen = transactions("bai2-two-groups.bai").get(4);

        assertThat(yen.currency()).isEqualTo("JPY");
        assertThat(yen.amountMinor()).isEqualTo(120000);
        assertThat(yen.remittanceInfo()).isNull();
    }

    @Test
    void textMayHoldCommasAndSlashesAcrossContinuations() throws IOException {
        Transaction ach = transactions("bai2-crlf-continued-text.bai").get(0);

        assertThat(ach.remittanceInfo()).isEqualTo("ACH CREDIT RECEIVED PAYROLL REFUND FROM CONTOSO LTD, REF 0098/ABC TRACE 121000240000001");
        assertThat(ach.sourceLocator()).isEqualTo("line 4");
    }
}
