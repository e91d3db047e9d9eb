package com.paysaga.formats.bai2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.paysaga.formats.domain.Direction;
import com.paysaga.formats.domain.Transaction;
import com.paysaga.formats.ValidationReport;
import com.paysaga.formats.iso20022.SampleFixtures;

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

    @Test
    void customizedCodesFollowTheCreditDebitSplitAndCustomizedStatusCodesAreRefusedInDetail() throws IOException {
        String sample = Files.readString(SampleFixtures.samplesDir("bai2").resolve("bai2-two-groups.bai"));
        List<Transaction> seen = new ArrayList<>();
        ValidationReport debit = new Bai2Parser().parse(bytes(sample.replace("16,699,", "16,969,")),
                SampleFixtures.options(Path.of("custom.bai")), seen::add);

        assertThat(debit.valid()).as(debit.errors().toString()).isTrue();
        assertThat(seen).filteredOn(t -> t.paymentType().equals("969")).singleElement()
                .satisfies(t -> assertThat(t.direction()).isEqualTo(Direction.DEBIT));
        assertThat(debit.warnings()).extracting(i -> i.location() + ": " + i.message())
                .contains("line 11: type code 969 is a bank-defined code; its meaning comes from the bank's BAI2 guide");

        ValidationReport credit = new Bai2Parser().parse(bytes(sample.replace("16,195,", "16,925,")),
                SampleFixtures.options(Path.of("custom.bai")), t -> { });
        assertThat(credit.valid()).isTrue();

        ValidationReport status = new Bai2Parser().parse(bytes(sample.replace("16,699,", "16,905,")),
                SampleFixtures.options(Path.of("custom.bai")), t -> { });
        assertThat(status.errors()).extracting(i -> i.location() + ": " + i.field() + ": " + i.message())
                .contains("line 11: type code: type code 905 is not a credit (100-399, 920-959) or debit (400-699, 960-999) detail code");
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }
}
