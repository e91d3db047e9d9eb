package com.paysaga.formats.ach;

import static com.paysaga.formats.ach.AchSamples.CHASE;
import static com.paysaga.formats.ach.AchSamples.WELLS;
import static com.paysaga.formats.ach.NachaFileBuilder.pad;
import static com.paysaga.formats.ach.NachaFileBuilder.patch;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.paysaga.formats.domain.Direction;
import com.paysaga.formats.domain.SensitiveValue;
import com.paysaga.formats.domain.Transaction;
import com.paysaga.formats.domain.TransactionIds;
import com.paysaga.formats.Issue;
import com.paysaga.formats.ParseOptions;
import com.paysaga.formats.TransactionSink;
import com.paysaga.formats.ValidationReport;

class NachaParserTest {

    private final List<Transaction> transactions = new ArrayList<>();

    private ValidationReport parse(String file, String... leniencies) throws IOException {
        return parse(file.getBytes(StandardCharsets.ISO_8859_1), leniencies);
    }

    private ValidationReport parse(byte[] file, String... leniencies) throws IOException {
        return parse(new ByteArrayInputStream(file), leniencies);
    }

    private ValidationReport parse(InputStream in, String... leniencies) throws IOException {
        transactions.clear();
        ParseOptions options = new ParseOptions("file-1", "test.ach", Set.of(leniencies), ParseOptions.DEFAULT_MAX_ISSUES,
                Optional.empty(), Optional.empty());
        return new NachaParser().parse(in, options, transactions::add);
    }

    private static List<String> messages(List<Issue> issues) {
        return issues.stream().map(i -> i.location() + " [" + i.field() + "] " + i.message()).toList();
    }

    @Test
    void aCreditEntryIsADebitOfTheOriginatorPayingTheReceiver() throws IOException {
        ValidationReport report = parse(AchSamples.ppdPayroll().build());

        assertThat(report.valid()).isTrue();
        Transaction t = transactions.get(0);
        assertThat(t.direction()).isEqualTo(Direction.DEBIT);
        assertThat(t.amountMinor()).isEqualTo(100_000_000L);
        assertThat(t.currency()).isEqualTo("USD");
        assertThat(t.paymentType()).isEqualTo("PPD");
        assertThat(t.debtorName()).isEqualTo("PAYSAGA INC");
        assertThat(t.debtorAgent()).isEqualTo("121000358");
        assertThat(t.creditorName()).isEqualTo("JANE DOE");
        assertThat(t.creditorAccount()).isEqualTo(SensitiveValue.of(SensitiveValue.Kind.ACCOUNT_NUMBER, "12345678"));
        assertThat(t.creditorAgent()).isEqualTo(WELLS);
        assertThat(t.reference()).isEqualTo("121000350000001");
        assertThat(t.bookingDate()).hasToString("2026-03-03");
        assertThat(t.sourceLocator()).isEqualTo("line 3");
        assertThat(t.seq()).isEqualTo(1);
        assertThat(t.attributes()).containsEntry(AchAttributes.TRANSACTION_CODE, "22")
                .containsEntry(AchAttributes.ACH_ENTRY_TYPE, "CREDIT")
                .containsEntry(AchAttributes.ENTRY_KIND, "LIVE")
                .containsEntry(AchAttributes.INDIVIDUAL_ID, "EMP001")
                .containsEntry(AchAttributes.COMPANY_ID, "1234567890");
        assertThat(report.totals().get("USD").debit()).isEqualTo(200_000_000L);
        assertThat(report.totals().get("USD").credit()).isZero();
    }

    @Test
    void aDebitEntryIsACreditOfTheOriginatorCollectingFromTheReceiver() throws IOException {
        String file = new NachaFileBuilder().batch("PPD", 225)
                .standard(27, CHASE, "443322110", 12500, "POLICY 1", "ALICE SMITH", "").add().end().build();

        parse(file);

        Transaction t = transactions.get(0);
        assertThat(t.direction()).isEqualTo(Direction.CREDIT);
        assertThat(t.debtorName()).isEqualTo("ALICE SMITH");
        assertThat(t.debtorAccount().last4()).isEqualTo("2110");
        assertThat(t.debtorAgent()).isEqualTo(CHASE);
        assertThat(t.creditorName()).isEqualTo("PAYSAGA INC");
        assertThat(t.creditorAccount()).isNull();
    }

    @Test
    void prenotificationsAreCountedAsEntriesButAreNotTransactions() throws IOException {
        ValidationReport report = parse(new String(AchSamples.all().get("prenotes.ach"), StandardCharsets.US_ASCII));

        assertThat(report.valid()).isTrue();
        assertThat(report.counters()).containsEntry("entries", 3L);
        assertThat(report.transactions()).isEqualTo(1);
        assertThat(transactions).singleElement().satisfies(t -> assertThat(t.amountMinor()).isEqualTo(210_000L));
    }

    @Test
    void aReturnReversesItsOriginalAndCarriesTheReasonAndOriginalTrace() throws IOException {
        ValidationReport report = parse(AchSamples.returns().build());

        assertThat(report.valid()).isTrue();
        Transaction returnedDebit = transactions.get(0);
        assertThat(returnedDebit.direction()).isEqualTo(Direction.DEBIT);
        assertThat(returnedDebit.attributes()).containsEntry(AchAttributes.ENTRY_KIND, "RETURN")
                .containsEntry(AchAttributes.RETURN_REASON_CODE, "R01")
                .containsEntry(AchAttributes.ORIGINAL_TRACE, "121000350000001")
                .containsEntry(AchAttributes.ORIGINAL_RDFI, "02100002");
        Transaction returnedCredit = transactions.get(1);
        assertThat(returnedCredit.direction()).isEqualTo(Direction.CREDIT);
        assertThat(returnedCredit.creditorName()).isEqualTo("PAYSAGA INC");
        assertThat(returnedCredit.attributes()).containsEntry(AchAttributes.RETURN_REASON_CODE, "R03");
    }

    @Test
    void aNotificationOfChangeCarriesTheChangeCodeAndMasksACorrectedAccountNumber() throws IOException {
        ValidationReport report = parse(AchSamples.cor().build());

        assertThat(report.valid()).isTrue();
        assertThat(transactions.get(0).attributes()).containsEntry(AchAttributes.ENTRY_KIND, "NOC")
                .containsEntry(AchAttributes.CHANGE_CODE, "C01")
                .containsEntry(AchAttributes.ORIGINAL_TRACE, "121000350000001")
                .containsEntry(AchAttributes.CORRECTED_DATA, "****4433");
        assertThat(transactions.get(1).attributes()).containsEntry(AchAttributes.CORRECTED_DATA, "32");
        assertThat(transactions).allSatisfy(t -> assertThat(t.amountMinor()).isZero());
    }

    @Test
    void correctedDataKeepsRoutingNumbersAndTransactionCodesButNotAccountNumbers() {
        assertThat(ReturnAddenda.maskCorrectedData("C03", "231380104   12345678901      ")).isEqualTo("231380104 ****8901");
        assertThat(ReturnAddenda.maskCorrectedData("C06", "12345678901         32       ")).isEqualTo("****8901 32");
        assertThat(ReturnAddenda.maskCorrectedData("C07", "23138010412345678901      37 ")).isEqualTo("231380104 ****8901 37");
        assertThat(ReturnAddenda.maskCorrectedData("C02", "021000021                    ")).isEqualTo("021000021");
        assertThat(ReturnAddenda.maskCorrectedData("C09", "123456789                    ")).isEqualTo("****6789");
    }

    @Test
    void noAccountNumberCardNumberOrSsnSurvivesIntoSerialisedTransactions() throws IOException {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        StringBuilder all = new StringBuilder();
        for (String sample : List.of("ppd-payroll.ach", "shr.ach", "enr.ach", "dne.ach", "cor.ach", "iat.ach")) {
            parse(AchSamples.all().get(sample));
            for (Transaction t : transactions) {
                all.append(json.writeValueAsString(t)).append(t).append('\n');
            }
        }
        for (String account : List.of("12345678", "987654321", "4111111111111111", "99887766554433", "CA000123456789")) {
            assertThat(all.toString()).doesNotContain("\"" + account + "\"", "=" + account + ",");
        }
        assertThat(all.toString()).doesNotContain("4111111111111111", "123987654321", "777777777", "123456789*");
        assertThat(all.toString()).contains("****5678", "\"cardLast4\":\"1111\"", "****4321", "****7777", "****6789");
    }

    @Test
    void iatAmountsSettleInDollarsWithTheForeignLegInAttributes() throws IOException {
        ValidationReport report = parse(AchSamples.iat().build());

        assertThat(report.valid()).as(messages(report.errors()).toString()).isTrue();
        Transaction outbound = transactions.get(0);
        assertThat(outbound.amountMinor()).isEqualTo(250_000L);
        assertThat(outbound.currency()).isEqualTo("USD");
        assertThat(outbound.debtorName()).isEqualTo("PAYSAGA INC");
        assertThat(outbound.creditorName()).isEqualTo("MARIE CURIE");
        assertThat(outbound.creditorAgent()).isEqualTo("ROYCCAT2");
        assertThat(outbound.remittanceInfo()).isEqualTo("SALARY MARCH 2026");
        assertThat(outbound.attributes()).containsEntry(AchAttributes.ORIGINATING_CURRENCY, "USD")
                .containsEntry(AchAttributes.DESTINATION_CURRENCY, "CAD")
                .containsEntry(AchAttributes.FOREIGN_EXCHANGE_INDICATOR, "FV")
                .containsEntry(AchAttributes.FOREIGN_EXCHANGE_REFERENCE, "1.3561")
                .containsEntry(AchAttributes.FOREIGN_PAYMENT_AMOUNT_MINOR, "339025")
                .containsEntry(AchAttributes.DESTINATION_COUNTRY, "CA")
                .containsEntry(AchAttributes.FOREIGN_CORRESPONDENT_BANKS, "HSBC BANK CANADA, HKBCCATT, CA");
    }

    @Test
    void foreignPaymentAmountsFollowTheDestinationCurrencysDecimals() {
        assertThat(IatEntries.foreignMinorUnits(12345, "EUR")).isEqualTo(12345L);
        assertThat(IatEntries.foreignMinorUnits(1234500, "JPY")).isEqualTo(12345L);
        assertThat(IatEntries.foreignMinorUnits(1234550, "JPY")).isNull();
        assertThat(IatEntries.foreignMinorUnits(12345, "BHD")).isEqualTo(123450L);
    }

    @Test
    void transactionIdsAreDeterministicPerFileAndRecord() throws IOException {
        String file = AchSamples.ppdPayroll().build();
        parse(file);
        List<String> first = transactions.stream().map(Transaction::txnId).toList();
        parse(file);
        assertThat(transactions.stream().map(Transaction::txnId).toList()).isEqualTo(first).doesNotHaveDuplicates();
        assertThat(first.get(0)).isEqualTo(TransactionIds.of("file-1", "line 3"));
    }

    @Test
    void discardingSinkStillCountsTransactionsAndTotals() throws IOException {
        ValidationReport report = new NachaParser().parse(
                new ByteArrayInputStream(AchSamples.ppdPayroll().build().getBytes(StandardCharsets.US_ASCII)),
                ParseOptions.strict("f", "f.ach"), TransactionSink.DISCARD);

        assertThat(report.transactions()).isEqualTo(2);
        assertThat(report.totals().get("USD").debit()).isEqualTo(200_000_000L);
    }

    @Test
    void aFileWithoutLineEndsIsReadAsA94ByteRecordStreamAndLocatedByRecordNumber() throws IOException {
        String file = AchSamples.ppdPayroll().withoutFiller().build().replace("\n", "");

        ValidationReport report = parse(file, NachaLeniency.MISSING_BLOCK_FILLER);

        assertThat(report.valid()).isTrue();
        assertThat(transactions).extracting(Transaction::sourceLocator).containsExactly("record 3", "record 4");
    }

    @Test
    void carriageReturnOnlyAndCrlfLineEndsAreAccepted() throws IOException {
        String file = AchSamples.ppdPayroll().build();
        assertThat(parse(file.replace("\n", "\r")).valid()).isTrue();
        assertThat(parse(file.replace("\n", "\r\n")).valid()).isTrue();
        assertThat(transactions.get(1).sourceLocator()).isEqualTo("line 4");
    }

    @Test
    void recordsShortenedByStrippedBlanksAreRestoredWithAWarning() throws IOException {
        String file = Arrays.stream(AchSamples.ppdPayroll().build().split("\n")).map(String::stripTrailing)
                .collect(Collectors.joining("\n", "", "\n"));

        ValidationReport report = parse(file);

        assertThat(report.valid()).isTrue();
        assertThat(messages(report.warnings())).containsExactly("line 1 [] record is 82 characters; trailing blanks restored",
                "line 6 [] record is 55 characters; trailing blanks restored");
    }

    @Test
    void aRecordShortForAnyOtherReasonStillFailsOnItsMissingFields() throws IOException {
        List<String> records = AchSamples.ppdPayroll().records();
        records.set(2, records.get(2).substring(0, 60));

        ValidationReport report = parse(String.join("\n", records));

        assertThat(report.valid()).isFalse();
        assertThat(messages(report.warnings())).contains("line 3 [] record is 60 characters; trailing blanks restored");
        assertThat(messages(report.errors())).contains("line 3 [Trace Number] must be 15 digits");
    }

    @Test
    void entryHashKeepsOnlyTheLowTenDigitsOfTheSum() throws IOException {
        NachaFileBuilder.Batch batch = new NachaFileBuilder().batch("PPD", 220);
        String routing = "99123456" + NachaFields.checkDigit(99123456L);
        for (int i = 0; i < 150; i++) {
            batch.standard(22, routing, "ACCT" + i, 100, "ID" + i, "NAME " + i, "").add();
        }
        String file = batch.end().build();
        assertThat(150L * 99_123_456L).isGreaterThan(10_000_000_000L);

        ValidationReport report = parse(file);

        assertThat(report.valid()).as(messages(report.errors()).toString()).isTrue();
        assertThat(report.transactions()).isEqualTo(150);
    }

    @Test
    void everyFileHeaderFieldIsChecked() throws IOException {
        List<String> records = AchSamples.ppdPayroll().records();
        String header = records.get(0);
        header = patch(header, 2, "02");
        header = patch(header, 24, "261399");
        header = patch(header, 30, "2575");
        header = patch(header, 34, "#");
        header = patch(header, 35, "095");
        header = patch(header, 38, "20");
        header = patch(header, 40, "2");
        records.set(0, header);

        ValidationReport report = parse(String.join("\n", records));

        assertThat(messages(report.errors())).containsExactly(
                "line 1 [Priority Code] must be 01",
                "line 1 [File Creation Date] is not a valid YYMMDD date",
                "line 1 [File Creation Time] is not a valid HHMM time",
                "line 1 [File ID Modifier] must be A-Z or 0-9",
                "line 1 [Record Size] must be 094",
                "line 1 [Blocking Factor] must be 10",
                "line 1 [Format Code] must be 1");
    }

    @Test
    void batchNumbersMustAscendUnlessTheOptionAcceptsIt() throws IOException {
        List<String> records = AchSamples.multiBatch().records();
        int second = records.indexOf(records.stream().filter(r -> r.startsWith("5225")).findFirst().orElseThrow());
        records.set(second, patch(records.get(second), 88, "0000001"));
        int control = second + 2;
        records.set(control, patch(records.get(control), 88, "0000001"));
        String file = String.join("\n", records);

        assertThat(messages(parse(file).errors())).containsExactly("line 7 [Batch Number] batch number 1 is not greater "
                + "than the previous batch's 1 (option BATCH_NUMBERS accepts this)");
        assertThat(parse(file, NachaLeniency.BATCH_NUMBERS).valid()).isTrue();
    }

    @Test
    void traceNumbersMustCarryTheBatchOdfi() throws IOException {
        String file = AchSamples.ppdPayroll().build().replace("0121000350000002", "0999999990000002");

        assertThat(messages(parse(file).errors())).containsExactly("line 4 [Trace Number] trace number does not start "
                + "with the batch's ODFI identification 12100035 (option TRACE_NUMBERS accepts this)");
    }

    @Test
    void addendaSequenceAndEntryDetailSequenceNumbersAreChecked() throws IOException {
        List<String> records = new NachaFileBuilder().batch("PPD", 225)
                .standard(27, CHASE, "443322110", 12500, "P1", "ALICE SMITH", "").addenda05("RMR*IV*1\\").add()
                .end().records();
        records.set(3, patch(patch(records.get(3), 84, "0002"), 88, "0000009"));

        assertThat(messages(parse(String.join("\n", records)).errors())).containsExactly(
                "line 4 [Addenda Sequence Number] is 0002, expected 1",
                "line 4 [Entry Detail Sequence Number] must be the last seven digits of the entry's trace number");
    }

    @Test
    void secRulesOnCodesAmountsAndAddendaAreEnforced() throws IOException {
        String file = new NachaFileBuilder().batch("ARC", 200).description("LOCKBOX")
                .entry(22, CHASE, "111222333", 2_500_001, pad("0000001234", 15) + pad("GRACE HOPPER", 22) + "  ")
                .addenda05("NOT ALLOWED").add()
                .end().build();

        assertThat(messages(parse(file).errors())).containsExactly(
                "line 4 [Addenda Type Code] addenda 05 is not used by ARC entries",
                "line 4 [Addenda Type Code] ARC entries carry at most 0 addenda 05 records",
                "line 3 [Transaction Code] ARC entries are debits only",
                "line 3 [Amount] ARC entries are limited to $25000.00");
    }

    @Test
    void zeroDollarCodesAreOnlyForCorporateEntriesAndLiveEntriesNeedAnAmount() throws IOException {
        String file = new NachaFileBuilder().batch("PPD", 220)
                .standard(24, WELLS, "12345678", 0, "E1", "JANE DOE", "").add()
                .standard(22, WELLS, "12345678", 0, "E2", "JANE DOE", "").add()
                .end().build();

        assertThat(messages(parse(file).errors())).containsExactly(
                "line 3 [Transaction Code] zero-dollar code 24 is only allowed for CCD, CTX, IAT, ACK and ATX",
                "line 4 [Amount] is zero for a live entry (code 22); use a prenotification or zero-dollar code");
    }

    @Test
    void anUnusableEffectiveDateIsAWarningInEveryBatchAndAnErrorOnlyUnderTheStrictOption() throws IOException {
        List<String> returns = AchSamples.returns().records();
        returns.set(1, patch(returns.get(1), 70, "000000"));
        ValidationReport report = parse(String.join("\n", returns));
        assertThat(report.valid()).isTrue();
        assertThat(messages(report.warnings())).containsExactly("line 2 [Effective Entry Date] is 000000; the ACH Operator "
                + "settles the batch at its next settlement opportunity (option STRICT_EFFECTIVE_ENTRY_DATE rejects this)");
        assertThat(transactions.get(0).bookingDate()).isNull();

        List<String> payroll = AchSamples.ppdPayroll().records();
        payroll.set(1, patch(payroll.get(1), 70, "      "));
        assertThat(parse(String.join("\n", payroll)).valid()).isTrue();
        assertThat(messages(parse(String.join("\n", payroll), NachaStrictness.STRICT_EFFECTIVE_ENTRY_DATE).errors()))
                .containsExactly("line 2 [Effective Entry Date] is blank; the ACH Operator settles the batch at its next "
                        + "settlement opportunity (rejected: STRICT_EFFECTIVE_ENTRY_DATE)");
    }

    @Test
    void aSettlementDateTheOperatorInsertedIsTheValueDateEvenWithoutAnEffectiveDate() throws IOException {
        List<String> payroll = AchSamples.ppdPayroll(b -> b.settlement("064")).records();
        assertThat(parse(String.join("\n", payroll)).valid()).isTrue();
        assertThat(transactions.get(0).valueDate()).hasToString("2026-03-05");
        assertThat(transactions.get(0).bookingDate()).hasToString("2026-03-03");

        payroll.set(1, patch(payroll.get(1), 70, "000000"));
        assertThat(parse(String.join("\n", payroll)).valid()).isTrue();
        // anchored on the File Creation Date (2026-03-02) instead
        assertThat(transactions.get(0).valueDate()).hasToString("2026-03-05");
        assertThat(transactions.get(0).bookingDate()).isNull();
    }

    @Test
    void anIatCountOfSevenWithOptionalAddendaIsAWarningAnyOtherMiscountAnError() throws IOException {
        List<String> records = AchSamples.iat().records();
        records.set(2, patch(records.get(2), 13, "0007"));
        ValidationReport report = parse(String.join("\n", records));
        assertThat(report.valid()).as(messages(report.errors()).toString()).isTrue();
        assertThat(messages(report.warnings())).contains(
                "line 3 [Number of Addenda Records] says 7 (the mandatory IAT addenda), but 9 addenda records follow");

        records.set(2, patch(records.get(2), 13, "0008"));
        assertThat(messages(parse(String.join("\n", records)).errors()))
                .containsExactly("line 3 [Number of Addenda Records] says 8, but 9 addenda records follow");
    }

    @Test
    void webDebitsNeedAPaymentTypeCode() throws IOException {
        String file = new NachaFileBuilder().batch("WEB", 225)
                .standard(27, CHASE, "123123123", 4999, "ORDER 1", "CAROL WHITE", "X").add().end().build();

        assertThat(messages(parse(file).errors()))
                .containsExactly("line 3 [Payment Type Code] must be R (recurring) or S (single) for WEB debits");
    }

    @Test
    void iatAllowsAtMostTwoAddenda17() throws IOException {
        List<String> records = AchSamples.iat().records();
        int first17 = records.indexOf(records.stream().filter(r -> r.startsWith("717")).findFirst().orElseThrow());
        String a17 = records.get(first17);
        records.add(first17 + 1, patch(a17, 84, "0002"));
        records.add(first17 + 2, patch(a17, 84, "0003"));

        List<String> errors = messages(parse(String.join("\n", records)).errors());

        assertThat(errors).contains("line " + (first17 + 3) + " [Addenda Type Code] an IAT entry carries at most 2 addenda 17");
    }

    @Test
    void aBatchWithoutEntriesAndControlsOutOfPlaceAreReported() throws IOException {
        List<String> records = AchSamples.ppdPayroll().records();
        List<String> file = new ArrayList<>();
        file.add(records.get(0));
        file.add(records.get(4));
        file.add(records.get(1));
        file.add(records.get(4));
        file.addAll(records.subList(5, records.size()));

        List<String> errors = messages(parse(String.join("\n", file)).errors());

        assertThat(errors).startsWith("line 2 [Record Type Code] batch control record without a batch header record",
                "line 4 [] batch 1 has no entry detail records");
    }

    @Test
    void randomBytesGiveACleanReportCappedAtTheIssueLimit() throws IOException {
        byte[] noise = new byte[200_000];
        new Random(42).nextBytes(noise);

        ValidationReport report = parse(noise);

        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).hasSize(ParseOptions.DEFAULT_MAX_ISSUES);
        assertThat(report.errors()).noneMatch(i -> i.message().contains("parser failed"));
        assertThat(report.errors().get(0).location()).isIn("line 1", "record 1");
    }

    @Test
    void aTenMegabyteLineIsReportedWithItsLengthWithoutBufferingIt() throws IOException {
        byte[] line = new byte[10 * 1024 * 1024];
        Arrays.fill(line, (byte) 'A');
        InputStream in = new SequenceInputStream(
                new ByteArrayInputStream(AchSamples.ppdPayroll().records().get(0).concat("\n").getBytes(StandardCharsets.US_ASCII)),
                new ByteArrayInputStream(line));

        ValidationReport report = parse(in);

        assertThat(messages(report.errors())).contains("line 2 [] record is 10485760 characters (expected 94)",
                "line 2 [Record Type Code] unknown record type code 'A'",
                "end of file [] no file control record: the file is truncated or incomplete");
    }

    @Test
    void emptyAndWhitespaceOnlyFilesAreReported() throws IOException {
        assertThat(messages(parse("").errors())).containsExactly("end of file [] the file has no records");
        assertThat(messages(parse("\n\n").errors())).contains("end of file [] the file has no records");
    }

    @Test
    void controlCharactersAndNonAsciiBytesAreReportedWithTheirPosition() throws IOException {
        List<String> records = AchSamples.ppdPayroll().records();
        records.set(2, patch(records.get(2), 60, "\u0001"));
        records.set(3, patch(records.get(3), 61, "\u00e9"));

        List<String> errors = messages(parse(String.join("\n", records)).errors());

        assertThat(errors).containsExactly(
                "line 3 [] byte 0x01 at position 60 is a control character (NACHA records are printable ASCII)",
                "line 4 [] byte 0xE9 at position 61 is not ASCII (NACHA records are ASCII) (option NON_ASCII_TEXT accepts this)");
    }

    @Test
    void aUtf16FileIsNotMistakenForRecords() throws IOException {
        byte[] utf16 = AchSamples.ppdPayroll().build().getBytes(StandardCharsets.UTF_16LE);

        ValidationReport report = parse(utf16);

        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).isNotEmpty().noneMatch(i -> i.message().contains("parser failed"));
    }

    @Test
    void theIssueLimitStopsCollectingButTheFileStaysInvalid() throws IOException {
        StringBuilder junk = new StringBuilder(AchSamples.ppdPayroll().records().get(0)).append('\n');
        for (int i = 0; i < 5_000; i++) {
            junk.append("X".repeat(94)).append('\n');
        }
        ParseOptions options = new ParseOptions("f", "f.ach", Set.of(), 10, Optional.empty(), Optional.empty());

        ValidationReport report = new NachaParser().parse(
                new ByteArrayInputStream(junk.toString().getBytes(StandardCharsets.US_ASCII)), options, TransactionSink.DISCARD);

        assertThat(report.errors()).hasSize(10);
        assertThat(report.errorCount()).isGreaterThanOrEqualTo(10);
        assertThat(report.valid()).isFalse();
    }

    @Test
    void aPpdDebitFilesFileControlDebitIsTheSumOfItsDebitEntriesAndTheOriginatorsCredit() throws IOException {
        ValidationReport report = parse(AchSamples.all().get("ppd-plus-debits.ach"));

        assertThat(report.valid()).isTrue();
        long debitEntries = transactions.stream()
                .filter(t -> "DEBIT".equals(t.attributes().get(AchAttributes.ACH_ENTRY_TYPE)))
                .mapToLong(Transaction::amountMinor).sum();
        assertThat(debitEntries).isEqualTo(22_400L);
        assertThat(report.statedControls().get("fileControl")).containsEntry("debit", debitEntries)
                .containsEntry("credit", 0L).containsEntry("entries", 2L).containsEntry("batchCount", 1L);
        // the canonical totals speak for the originator, who collects what the debit entries take
        assertThat(report.totalsDirection()).isEqualTo("ORIGINATOR_ACCOUNT");
        assertThat(report.totals().get("USD").credit()).isEqualTo(debitEntries);
        assertThat(report.totals().get("USD").debit()).isZero();
    }

    @Test
    void fileControlFiguresAreAsStatedAndADisagreementNamesFieldBothValuesAndRecord() throws IOException {
        List<String> records = AchSamples.ppdPayroll().records();
        records.set(5, patch(records.get(5), 14, "0000000X"));
        records.set(5, patch(records.get(5), 44, "000200000099"));

        ValidationReport report = parse(String.join("\n", records));

        assertThat(report.statedControls().get("fileControl")).containsEntry("entryAddendaCount", null)
                .containsEntry("credit", 200_000_099L);
        assertThat(messages(report.errors())).containsExactly(
                "line 6 [Entry/Addenda Count] is 0000000X, the file has 2 entry and addenda records; file control record",
                "line 6 [Total Credit Entry Dollar Amount in File] is $2000000.99, the file's credit entries add up to "
                        + "$2000000.00; file control record");
    }

    @Test
    void aFileWithoutFileControlHasNoFileControlFigures() throws IOException {
        ValidationReport report = parse(AchSamples.all().get("truncated.ach"));

        assertThat(report.statedControls()).doesNotContainKey("fileControl");
    }

    @Test
    void trcAndXckEntriesAreDebitsThatNameTheirItem() throws IOException {
        String file = new NachaFileBuilder().batch("TRC", 200).description("TRUNCATED")
                .entry(22, CHASE, "111222333", 100, pad("0000012346", 15) + "PROC02" + pad("ITEM2", 16) + "01").add()
                .entry(27, CHASE, "111222333", 100, pad("0000012347", 15) + "      " + pad("", 16) + "01").add()
                .end().build();

        assertThat(messages(parse(file).errors())).containsExactly(
                "line 3 [Transaction Code] TRC entries are debits only",
                "line 4 [Process Control Field] is blank",
                "line 4 [Item Research Number] is blank");

        parse(AchSamples.all().get("trc.ach"));
        assertThat(transactions).singleElement().satisfies(t -> {
            assertThat(t.paymentType()).isEqualTo("TRC");
            assertThat(t.attributes()).containsEntry(AchAttributes.CHECK_SERIAL_NUMBER, "0000012346")
                    .containsEntry(AchAttributes.PROCESS_CONTROL_FIELD, "PROC02")
                    .containsEntry(AchAttributes.ITEM_RESEARCH_NUMBER, "ITEM0000000002")
                    .containsEntry(AchAttributes.ITEM_TYPE_INDICATOR, "01");
        });
    }

    @Test
    void changeCodesAreTheRulesOnesAndARefusedNocKeepsTheRefusedCodeWithItsDataMasked() throws IOException {
        ValidationReport refused = parse(AchSamples.all().get("cor-refused.ach"));
        assertThat(refused.valid()).isTrue();
        assertThat(transactions.get(0).attributes()).containsEntry(AchAttributes.CHANGE_CODE, "C62")
                .containsEntry(AchAttributes.ORIGINAL_CHANGE_CODE, "C01")
                .containsEntry(AchAttributes.TRACE_SEQUENCE_NUMBER, "0000001")
                .containsEntry(AchAttributes.CORRECTED_DATA, "****4433");

        List<String> records = AchSamples.cor().records();
        records.set(3, patch(records.get(3), 4, "C15"));
        assertThat(messages(parse(String.join("\n", records)).errors())).containsExactly("line 4 [Change Code] C15 is not a "
                + "change code of the Rules (C01-C14, refused C61-C69) (option CUSTOM_REASON_CODES accepts this)");
        assertThat(parse(String.join("\n", records), NachaLeniency.CUSTOM_REASON_CODES).valid()).isTrue();
        // a code outside the table may carry anything: its corrected data is masked whole
        assertThat(transactions.get(0).attributes()).containsEntry(AchAttributes.CORRECTED_DATA, "****4433");
    }

    @Test
    void aDishonoredReturnHasTheOriginalsDirectionAndAContestedOneTheReturns() throws IOException {
        ValidationReport report = parse(AchSamples.all().get("dishonored-returns.ach"));

        assertThat(report.valid()).as(messages(report.errors()).toString()).isTrue();
        Transaction dishonored = transactions.get(0);
        assertThat(dishonored.attributes()).containsEntry(AchAttributes.ENTRY_KIND, "DISHONORED_RETURN")
                .containsEntry(AchAttributes.RETURN_REASON_CODE, "R69")
                .containsEntry(AchAttributes.RETURN_TRACE, "021000020000001")
                .containsEntry(AchAttributes.RETURN_SETTLEMENT_DAY, "062")
                .containsEntry(AchAttributes.ORIGINAL_RETURN_REASON_CODE, "R01")
                .containsEntry(AchAttributes.RETURN_ADDENDA_INFORMATION, "FIELD ERROR");
        // code 26 (return of a debit): the dishonor takes the collected money again, as the original debit did
        assertThat(dishonored.direction()).isEqualTo(Direction.CREDIT);
        Transaction contested = transactions.get(1);
        assertThat(contested.attributes()).containsEntry(AchAttributes.ENTRY_KIND, "CONTESTED_RETURN")
                .containsEntry(AchAttributes.DATE_ORIGINAL_ENTRY_RETURNED, "2026-03-01")
                .containsEntry(AchAttributes.ORIGINAL_SETTLEMENT_DAY, "061")
                .containsEntry(AchAttributes.DISHONORED_RETURN_TRACE, "121000350000011")
                .containsEntry(AchAttributes.DISHONORED_RETURN_REASON_CODE, "R69");
        // code 21 (return of a credit): contesting the dishonor returns the credit again
        assertThat(contested.direction()).isEqualTo(Direction.CREDIT);
    }

    @Test
    void returnReasonCodesOutsideTheRulesTablesNeedTheirOption() throws IOException {
        List<String> records = AchSamples.returns().records();
        records.set(3, patch(records.get(3), 4, "R48"));
        assertThat(messages(parse(String.join("\n", records)).errors())).singleElement().asString()
                .startsWith("line 4 [Return Reason Code] R48 is not a return reason code of the Rules");

        records.set(3, patch(records.get(3), 4, "RXX"));
        assertThat(messages(parse(String.join("\n", records), NachaLeniency.CUSTOM_REASON_CODES).errors()))
                .containsExactly("line 4 [Return Reason Code] must be R followed by two digits");
    }

    @Test
    void enrollmentsOnPrenotificationCodesAreNonMonetaryTransactions() throws IOException {
        ValidationReport report = parse(AchSamples.all().get("enr-prenote-code.ach"));

        assertThat(report.valid()).isTrue();
        assertThat(transactions).singleElement().satisfies(t -> {
            assertThat(t.attributes()).containsEntry(AchAttributes.ENTRY_KIND, "NON_MONETARY");
            assertThat(t.remittanceInfo()).contains("****4322", "****7778").doesNotContain("123987654322", "777777778");
        });
    }

    @Test
    void aBlankTelOrWebPaymentTypeCodeIsASingleEntryButAnyOtherValueAnError() throws IOException {
        String blank = new NachaFileBuilder().batch("TEL", 225)
                .standard(27, CHASE, "321321321", 15000, "CALL 99001", "FRANK BROWN", "").add().end().build();
        ValidationReport report = parse(blank);
        assertThat(report.valid()).isTrue();
        assertThat(messages(report.warnings())).containsExactly("line 3 [Payment Type Code] is blank, read as S (single "
                + "entry) for a TEL debit (option STRICT_PAYMENT_TYPE_CODE rejects this)");
        assertThat(transactions.get(0).attributes()).doesNotContainKey(AchAttributes.PAYMENT_TYPE_CODE);

        String other = new NachaFileBuilder().batch("TEL", 225)
                .standard(27, CHASE, "321321321", 15000, "CALL 99001", "FRANK BROWN", "X").add().end().build();
        assertThat(messages(parse(other).errors()))
                .containsExactly("line 3 [Payment Type Code] must be R (recurring) or S (single) for TEL debits");
    }

    @Test
    void crCrLfLineEndsAreOneLineEndReportedOnceAndABlankCrLfLineIsStillABlankLine() throws IOException {
        String file = AchSamples.multiBatch().build().replace("\n", "\r\r\n");

        ValidationReport report = parse(file, NachaLeniency.LINE_ENDS);

        assertThat(report.valid()).isTrue();
        assertThat(report.warnings()).hasSize(1);
        assertThat(transactions).extracting(Transaction::sourceLocator).containsExactly("line 3", "line 4", "line 8");

        String blankLine = AchSamples.multiBatch().build().replace("\n", "\r\n").replaceFirst("\r\n", "\r\n\r\n");
        assertThat(messages(parse(blankLine, NachaLeniency.LINE_ENDS).errors()))
                .containsExactly("line 2 [] blank line (option BLANK_LINES accepts this)");
    }

    @Test
    void lowerCaseCodesAreReadAsCapitalsUnderTheirOption() throws IOException {
        List<String> records = AchSamples.ppdPayroll().records();
        records.set(1, patch(records.get(1), 51, "ppd"));

        assertThat(messages(parse(String.join("\n", records)).errors())).containsExactly("line 2 [Standard Entry Class Code] "
                + "has lower-case letters (the Rules' codes are capitals); read as PPD (option LOWER_CASE accepts this)");
        ValidationReport lenient = parse(String.join("\n", records), NachaLeniency.LOWER_CASE);
        assertThat(lenient.valid()).isTrue();
        assertThat(transactions).hasSize(2).allSatisfy(t -> assertThat(t.paymentType()).isEqualTo("PPD"));
    }

    @Test
    void anIatNotificationOfChangeIsACorBatchInTheIatLayout() throws IOException {
        NachaFileBuilder f = new NachaFileBuilder();
        NachaFileBuilder.Batch b = f.batch("COR", 220).iatIndicator("IATCOR").company("", "1234567890").description("NOC")
                .iat("FF", "3", "", "CA", "USD", "CAD");
        NachaFileBuilder.Entry e = AchSamples.iatEntryWithAddenda(b, 21, "121000358", "CA000123456789", 0, 0, true, false);
        e.addenda98("C01", "121000350000001", "12100035", "CA000123456780");
        String file = e.add().end().build();

        ValidationReport report = parse(file);

        assertThat(report.errors()).isEmpty();
        assertThat(transactions).singleElement().satisfies(t -> {
            assertThat(t.paymentType()).isEqualTo("COR");
            assertThat(t.creditorName()).isEqualTo("MARIE CURIE");
            assertThat(t.attributes()).containsEntry(AchAttributes.ENTRY_KIND, "NOC")
                    .containsEntry(AchAttributes.CHANGE_CODE, "C01")
                    .containsEntry(AchAttributes.CORRECTED_DATA, "****6780")
                    .containsEntry(AchAttributes.DESTINATION_CURRENCY, "CAD");
        });
    }

    @Test
    void blankLinesAfterTheLastRecordAreIgnoredButNotBetweenRecords() throws IOException {
        String file = AchSamples.ppdPayroll().build();

        ValidationReport trailing = parse(file + "\n\n");
        assertThat(trailing.valid()).isTrue();
        assertThat(messages(trailing.warnings())).containsExactly("line 11 [] 2 blank lines at the end of the file ignored");

        String between = file.replaceFirst("\n", "\n\n\n");
        assertThat(messages(parse(between).errors())).containsExactly("line 2 [] blank line (option BLANK_LINES accepts this)",
                "line 3 [] blank line (option BLANK_LINES accepts this)");
    }

    @Test
    void aBatchControlCompanyIdentificationPaddedOnTheOtherSideIsTheSameIdentifier() throws IOException {
        List<String> records = AchSamples.ppdPayroll().records();
        records.set(4, patch(records.get(4), 45, " 123456789"));
        records.set(1, patch(records.get(1), 41, "123456789 "));

        ValidationReport report = parse(String.join("\n", records));

        assertThat(report.valid()).isTrue();
        assertThat(messages(report.warnings())).containsExactly("line 5 [Company Identification] \"123456789\" is aligned "
                + "differently from the batch header's (blanks on the other side)");
        records.set(4, patch(records.get(4), 45, " 987654321"));
        assertThat(messages(parse(String.join("\n", records)).errors()))
                .containsExactly("line 5 [Company Identification] differs from the batch header's");
    }

    @Test
    void aShrCardExpirationThatIsNotADateIsKeptWithAWarning() throws IOException {
        String file = new String(AchSamples.all().get("shr.ach"), StandardCharsets.US_ASCII).replace("1228DOC", "0000DOC");

        ValidationReport report = parse(file);

        assertThat(report.valid()).isTrue();
        assertThat(messages(report.warnings()))
                .containsExactly("line 3 [Card Expiration Date] is 0000, not an MMYY date; kept as it is");
    }

    @Test
    void everyNamedLeniencyHasASampleThatItTurnsValid() {
        assertThat(Set.copyOf(AchSamples.leniencies().values()))
                .containsAll(NachaLeniency.names());
        assertThat(NachaLeniency.all().keySet()).allMatch(NachaLeniency::known);
    }
}
