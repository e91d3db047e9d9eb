package com.paysaga.formats.iso20022;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.paysaga.formats.domain.Direction;
import com.paysaga.formats.domain.SensitiveValue;
import com.paysaga.formats.domain.Transaction;
import com.paysaga.formats.ParseOptions;
import com.paysaga.formats.ValidationReport;

class CamtAndPainTransactionsTest {

    private static Path sample(String name) {
        return SampleFixtures.samplesDir("iso20022").resolve(name);
    }

    private static List<Transaction> transactions(com.paysaga.formats.FormatParser parser, String sample) throws IOException {
        SampleFixtures.Parsed parsed = SampleFixtures.parse(parser, sample(sample), SampleFixtures.options(sample(sample)));
        assertThat(parsed.report().valid()).as(parsed.report().errors().toString()).isTrue();
        return parsed.transactions();
    }

    @Test
    void batchBookedDebitEntrySplitsIntoOneTransactionPerTxDtlsWithTheStatementAccountAsDebtor() throws IOException {
        List<Transaction> txs = transactions(new Camt053Parser(), "camt053-v02-statement.xml");

        Transaction second = txs.get(2);
        assertThat(second.sourceLocator()).isEqualTo("/Document/BkToCstmrStmt/Stmt[1]/Ntry[2]/NtryDtls[1]/TxDtls[2]");
        assertThat(second.direction()).isEqualTo(Direction.DEBIT);
        assertThat(second.amountMinor()).isEqualTo(2050);
        assertThat(second.creditorName()).isEqualTo("Lieferant Zwei GmbH");
        assertThat(second.creditorAccount().kind()).isEqualTo(SensitiveValue.Kind.IBAN);
        assertThat(second.creditorAccount().last4()).isEqualTo("7034");
        assertThat(second.debtorName()).isEqualTo("Muster Handels GmbH");
        assertThat(second.debtorAccount().reveal()).isEqualTo("DE89370400440532013000");
        assertThat(second.debtorAgent()).isEqualTo("COBADEFFXXX");
        assertThat(second.endToEndId()).isEqualTo("SUPP-882");
        assertThat(second.attributes()).containsEntry("batchPmtInfId", "PAYRUN-0315").containsEntry("batchNbOfTxs", "2")
                .containsEntry("bankTransactionCode", "PMNT/ICDT/ESCT");
    }

    @Test
    void entryWithoutDetailsIsOneTransactionCreditingTheStatementAccount() throws IOException {
        Transaction deposit = transactions(new Camt053Parser(), "camt053-v02-statement.xml").get(3);

        assertThat(deposit.sourceLocator()).isEqualTo("/Document/BkToCstmrStmt/Stmt[1]/Ntry[3]");
        assertThat(deposit.direction()).isEqualTo(Direction.CREDIT);
        assertThat(deposit.creditorAccount().reveal()).isEqualTo("DE89370400440532013000");
        assertThat(deposit.remittanceInfo()).isEqualTo("Cash deposit branch 0042");
        assertThat(deposit.valueDate()).isEqualTo(LocalDate.of(2024, 3, 16));
        assertThat(deposit.bookingDate()).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(deposit.reference()).isEqualTo("2024031500012347");
    }

    @Test
    void amountsAreMinorUnitsOfTheCurrencyExponentAndSingleDetailsBorrowTheEntryAmount() throws IOException {
        List<Transaction> txs = transactions(new Camt053Parser(), "camt053-v08-multicurrency.xml");

        assertThat(txs.get(0).currency()).isEqualTo("JPY");
        assertThat(txs.get(0).amountMinor()).isEqualTo(120000);
        assertThat(txs.get(0).uetr()).isEqualTo("7a562c67-ca16-48ba-b074-65581be6f011");
        assertThat(txs.get(0).debtorName()).isEqualTo("Pacific Imports Ltd");
        assertThat(txs.get(0).remittanceInfo()).isEqualTo("PO 4471 freight included");
        Transaction bhd = txs.get(5);
        assertThat(bhd.currency()).isEqualTo("BHD");
        assertThat(bhd.amountMinor()).isEqualTo(1250);
        assertThat(bhd.attributes()).containsEntry("proprietaryBankTransactionCode", "CHG");
    }

    @Test
    void batchEntryWithoutDetailsStaysOneTransactionWithAWarning() throws IOException {
        String xml = Files.readString(sample("camt053-v02-statement.xml"));
        int start = xml.indexOf("<TxDtls>", xml.indexOf("<NtryRef>2</NtryRef>"));
        int end = xml.lastIndexOf("</TxDtls>", xml.indexOf("<NtryRef>3</NtryRef>")) + "</TxDtls>".length();
        String withoutDetails = xml.substring(0, start) + xml.substring(end);
        List<Transaction> txs = new java.util.ArrayList<>();
        ValidationReport report = new Camt053Parser().parse(new java.io.ByteArrayInputStream(withoutDetails.getBytes(StandardCharsets.UTF_8)),
                ParseOptions.strict("f", "f"), txs::add);

        assertThat(report.valid()).isTrue();
        assertThat(txs).hasSize(3);
        assertThat(txs.get(1).sourceLocator()).isEqualTo("/Document/BkToCstmrStmt/Stmt[1]/Ntry[2]");
        assertThat(txs.get(1).amountMinor()).isEqualTo(12050);
        assertThat(report.warnings()).extracting(i -> i.message()).containsExactly(
                "batch-booked entry of 2 payments has no transaction details; loaded as one transaction of the booked total");
    }

    @Test
    void entryDetailsSumMismatchIsAWarningOnlyWhenThePartnerAllowsIt() throws IOException {
        byte[] file = Files.readAllBytes(sample("camt053-v02-batch-mismatch.xml"));
        ParseOptions lenient = new ParseOptions("f", "f", Set.of(Iso20022Leniency.ENTRY_DETAILS_SUM), 100, Optional.empty(), Optional.empty());
        ValidationReport strict = HostileInputs.parse(new Camt053Parser(), file, ParseOptions.strict("f", "f"));
        ValidationReport relaxed = HostileInputs.parse(new Camt053Parser(), file, lenient);

        assertThat(strict.errors()).extracting(i -> i.field()).containsExactly("Btch/TtlAmt", "Amt");
        assertThat(relaxed.errors()).extracting(i -> i.field()).containsExactly("Btch/TtlAmt");
        assertThat(relaxed.warnings()).extracting(i -> i.field()).containsExactly("Amt");
    }

    @Test
    void painTransactionsDebitThePaymentInformationsDebtorOnTheRequestedDate() throws IOException {
        List<Transaction> txs = transactions(new Pain001Parser(), "pain001-v03-sepa-two-batches.xml");

        Transaction chf = txs.get(2);
        assertThat(chf.sourceLocator()).isEqualTo("/Document/CstmrCdtTrfInitn/PmtInf[2]/CdtTrfTxInf[1]");
        assertThat(chf.direction()).isEqualTo(Direction.DEBIT);
        assertThat(chf.amountMinor()).isEqualTo(9995);
        assertThat(chf.currency()).isEqualTo("CHF");
        assertThat(chf.valueDate()).isEqualTo(LocalDate.of(2024, 3, 22));
        assertThat(chf.debtorAccount().reveal()).isEqualTo("CH9300762011623852957");
        assertThat(chf.debtorAgent()).isEqualTo("UBSWCHZH80A");
        assertThat(chf.creditorAccount().kind()).isEqualTo(SensitiveValue.Kind.ACCOUNT_NUMBER);
        assertThat(chf.paymentType()).isEqualTo("pain.001.001.03");
        assertThat(txs.get(1).remittanceInfo()).isEqualTo("RF18539007547034");
        assertThat(txs.get(0).attributes()).containsEntry("serviceLevel", "SEPA").containsEntry("instrId", "A-1");
    }

    @Test
    void version09ReadsBicfiDateChoiceAndUetr() throws IOException {
        Transaction first = transactions(new Pain001Parser(), "pain001-v09-uetr.xml").get(0);

        assertThat(first.valueDate()).isEqualTo(LocalDate.of(2024, 7, 8));
        assertThat(first.debtorAgent()).isEqualTo("NWBKGB2L");
        assertThat(first.creditorAgent()).isEqualTo("BNPAFRPP");
        assertThat(first.uetr()).isEqualTo("eb6305c9-1f7f-49de-aed0-16487c27b42d");
    }

    @Test
    void documentInsideAnApplicationHeaderEnvelopeParsesWithDocumentRelativeLocators() throws IOException {
        String xml = Files.readString(sample("pain001-v11-single.xml")).replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "");
        String enveloped = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Envelope><AppHdr xmlns=\"urn:iso:std:iso:20022:tech:xsd:head.001.001.02\">"
                + "<BizMsgIdr>B1</BizMsgIdr><MsgDefIdr>pain.001.001.11</MsgDefIdr></AppHdr>" + xml + "</Envelope>";
        List<Transaction> txs = new java.util.ArrayList<>();
        ValidationReport report = new Pain001Parser().parse(new java.io.ByteArrayInputStream(enveloped.getBytes(StandardCharsets.UTF_8)),
                ParseOptions.strict("f", "f"), txs::add);

        assertThat(report.valid()).as(report.errors().toString()).isTrue();
        assertThat(txs).singleElement().extracting(Transaction::sourceLocator)
                .isEqualTo("/Document/CstmrCdtTrfInitn/PmtInf[1]/CdtTrfTxInf[1]");
    }

    @Test
    void aLeafWhoseTextArrivesInSeveralEventsReadsAsOneTrimmedValue() throws IOException {
        // Indentation, CDATA and an entity reference split a name into separate StAX text events;
        // the leading whitespace event comes before anything shows the element is a leaf.
        String xml = Files.readString(sample("camt053-v02-statement.xml")).replace("<Nm>Lieferant Zwei GmbH</Nm>",
                "<Nm>\n            <![CDATA[Lieferant]]> Zwei &amp; Drei\n            GmbH  </Nm>");
        List<Transaction> txs = new java.util.ArrayList<>();
        ValidationReport report = new Camt053Parser().parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                ParseOptions.strict("f", "f"), txs::add);

        assertThat(report.valid()).as(report.errors().toString()).isTrue();
        assertThat(txs.get(2).creditorName()).isEqualTo("Lieferant Zwei & Drei\n            GmbH");
    }

    @Test
    void transactionIdsAreTheSameOnEveryParseAndDistinctWithinAFile() throws IOException {
        List<String> first = transactions(new Camt053Parser(), "camt053-v08-multicurrency.xml").stream().map(Transaction::txnId).toList();
        List<String> second = transactions(new Camt053Parser(), "camt053-v08-multicurrency.xml").stream().map(Transaction::txnId).toList();

        assertThat(first).isEqualTo(second).doesNotHaveDuplicates();
    }
}
