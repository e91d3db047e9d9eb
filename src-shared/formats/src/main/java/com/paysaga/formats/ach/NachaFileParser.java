package com.paysaga.formats.ach;

import static com.paysaga.formats.ach.NachaFields.blank;
import static com.paysaga.formats.ach.NachaFields.checkDigit;
import static com.paysaga.formats.ach.NachaFields.digits;
import static com.paysaga.formats.ach.NachaFields.is;
import static com.paysaga.formats.ach.NachaFields.raw;
import static com.paysaga.formats.ach.NachaFields.routing9;
import static com.paysaga.formats.ach.NachaFields.text;
import static com.paysaga.formats.ach.NachaFields.yymmdd;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

import com.paysaga.formats.domain.Direction;
import com.paysaga.formats.domain.SensitiveValue;
import com.paysaga.formats.domain.Transaction;
import com.paysaga.formats.domain.Transaction.Attributes;
import com.paysaga.formats.domain.TransactionIds;
import com.paysaga.formats.Format;
import com.paysaga.formats.ParseOptions;
import com.paysaga.formats.TransactionSink;
import com.paysaga.formats.ValidationReport;
import com.paysaga.formats.ach.AchAttributes.EntryKind;
import com.paysaga.formats.ach.PendingEntry.Category;

/**
 * One pass over one NACHA file: record structure, field formats, control totals and SEC rules,
 * emitting a transaction per entry as soon as its addenda are complete. State is per file; the
 * memory used does not depend on the file's size (the largest buffer is one CTX entry's
 * remittance, at most 9,999 addenda of 80 characters).
 */
final class NachaFileParser {

    static final String FORMAT_NAME = Format.NACHA.name();
    private static final String USD = "USD";
    private static final long HASH_MODULUS = 10_000_000_000L;
    private static final long SEVEN_DIGITS = 10_000_000L;
    private static final String END_OF_FILE = "end of file";
    private static final int MAX_TEXT_ADDENDA = 9999;

    private enum State { START, FILE, BATCH, AFTER_FILE_CONTROL }

    private final NachaRecordReader reader;
    private final ParseOptions options;
    private final TransactionSink sink;
    private final boolean build;
    private final ValidationReport report;
    private final TransactionIds.Generator ids;
    private final String[] codeTexts = new String[100];
    /** Routing number + 1 (0: empty) and its text, per slot of {@link #routing}'s cache. */
    private final long[] routingKeys = new long[256];
    private final String[] routingTexts = new String[256];
    private Set<String> isoCountries;

    private State state = State.START;
    private boolean fileHeaderSeen;
    private boolean fileControlSeen;
    private boolean advFile;
    private boolean otherFile;
    private boolean mixReported;
    private boolean secondFile;

    private long records;
    private long fillers;
    private long batches;
    private long entries;
    private long addenda;
    private long fileEntryAddenda;
    private long fileHash;
    private long fileDebit;
    private long fileCredit;
    private long emitted;

    private final byte[] batchHeader = new byte[NachaRecordReader.RECORD_LENGTH];
    private SecCode sec;
    private int serviceClass;
    private long odfi;
    private String odfiRouting;
    private long batchNumber;
    private long lastBatchNumber = -1;
    private LocalDate effectiveDate;
    private LocalDate settlementDate;
    private String companyName;
    private String companyId;
    private String entryDescription;
    private String companyDiscretionary;
    private String descriptiveDate;
    private String batchNumberText;
    private String serviceClassText;
    private long batchEntryAddenda;
    private long batchEntries;
    private long batchHash;
    private long batchDebit;
    private long batchCredit;
    private long lastTrace;
    private boolean batchTotalsUnknown;
    private String invalidEffectiveDateAt;
    private long batchForwardEntries;
    private boolean fileTotalsUnknown;
    private String iatOriginatingCurrency;
    private String iatDestinationCurrency;
    private String iatDestinationCountry;
    private String iatFxIndicator;
    private String iatFxReferenceIndicator;
    private String iatFxReference;

    private final PendingEntry entry = new PendingEntry();
    private boolean entryOpen;
    private final Attributes.Builder attributes = Attributes.builder();
    private Attributes batchAttributes;

    NachaFileParser(InputStream in, ParseOptions options, TransactionSink sink, int bufferSize) {
        this.reader = new NachaRecordReader(in, bufferSize);
        this.options = options;
        this.sink = sink;
        this.build = sink != TransactionSink.DISCARD;
        this.report = new ValidationReport(Format.NACHA, options.maxIssues());
        this.ids = TransactionIds.forFile(options.fileId());
    }

    ValidationReport parse() throws IOException {
        report.counter("batches", 0);
        report.counter("entries", 0);
        report.counter("addenda", 0);
        boolean stopped = false;
        try {
            while (!secondFile && reader.next()) {
                if (reader.bomSkipped && reader.number == 1) {
                    report.warning(reader.location(), "", "UTF-8 byte-order mark before the first record ignored");
                }
                if (report.errorLimitReached()) {
                    stopped = true;
                    break;
                }
                record();
            }
            if (!stopped) {
                finish();
            }
        } catch (RuntimeException e) {
            // The contract is a report, never an exception, for any content; a defect here must
            // still reject the file rather than take the job down without saying where.
            report.error(reader.location(), "", "the NACHA parser failed on this record ("
                    + e.getClass().getSimpleName() + "); the file cannot be validated");
        }
        report.counter("batches", batches);
        report.counter("entries", entries);
        report.counter("addenda", addenda);
        return report;
    }

    private void record() throws IOException {
        byte[] r = reader.record;
        long length = reader.length;
        if (reader.lineMode()) {
            if (length == 0 || (!reader.extraNonBlank && blank(r, 1, NachaRecordReader.RECORD_LENGTH))) {
                lenient(NachaLeniency.BLANK_LINES, reader.location(), "", "blank line");
                return;
            }
            if (length < NachaRecordReader.RECORD_LENGTH) {
                report.warning(reader.location(), "", "record is " + length + " characters; trailing blanks restored");
            } else if (length > NachaRecordReader.RECORD_LENGTH) {
                if (reader.extraNonBlank) {
                    error("", "record is " + length + " characters (expected 94)");
                } else {
                    lenient(NachaLeniency.LONG_RECORDS, reader.location(), "",
                            "record is " + length + " characters; the characters after position 94 are blanks");
                }
            }
        } else if (length < NachaRecordReader.RECORD_LENGTH) {
            error("", "the file ends inside a record: only " + length + " of 94 characters (truncated)");
            return;
        }
        if (!reader.clean) {
            checkCharacters(r);
        }

        if (state == State.AFTER_FILE_CONTROL) {
            if (allNines(r)) {
                fillers++;
            } else if (r[0] == '1') {
                error("Record Type Code", "a second file header: one NACHA file per upload (files concatenated?); "
                        + "the rest is not read");
                secondFile = true;
            } else {
                error("Record Type Code", "record after the file control record (only 9-filler records may follow it)");
            }
            return;
        }
        if (!fileHeaderSeen && r[0] != '1') {
            fileHeaderSeen = true;
            state = State.FILE;
            error("Record Type Code", "the first record is not a file header record (record type 1)");
        }
        switch (r[0]) {
            case '1' -> fileHeader(r);
            case '5' -> batchHeader(r);
            case '6' -> entryDetail(r);
            case '7' -> addendaRecord(r);
            case '8' -> batchControl(r);
            case '9' -> nine(r);
            default -> {
                records++;
                error("Record Type Code", "unknown record type code " + describeByte(r[0]));
            }
        }
    }

    private void checkCharacters(byte[] r) {
        int bad = NachaFields.firstNonPrintable(r);
        if (bad < 0) {
            return;
        }
        int b = r[bad] & 0xFF;
        String where = "byte 0x" + hex(b) + " at position " + (bad + 1);
        if (b >= 0x80) {
            lenient(NachaLeniency.NON_ASCII_TEXT, reader.location(), "",
                    where + " is not ASCII (NACHA records are ASCII)");
        } else {
            error("", where + " is a control character (NACHA records are printable ASCII)");
        }
    }

    private void fileHeader(byte[] r) {
        records++;
        if (fileHeaderSeen) {
            error("Record Type Code", "a second file header record: one file per upload");
            return;
        }
        fileHeaderSeen = true;
        state = State.FILE;
        if (!is(r, 2, "01")) {
            error("Priority Code", "must be 01");
        }
        String destination = text(r, 4, 10);
        if (destination == null) {
            error("Immediate Destination", "is blank");
        } else if (destination.length() == 9 && digits(r, 5, 9) >= 0 && r[3] == ' ') {
            long routing8 = digits(r, 5, 8);
            int check = r[12] - '0';
            if (checkDigit(routing8) != check) {
                lenient(NachaLeniency.CHECK_DIGIT, reader.location(), "Immediate Destination",
                        "routing number " + routing9(routing8, check) + " has check digit " + check + ", expected "
                                + checkDigit(routing8));
            }
        } else if (digits(r, 4, 10) < 0) {
            error("Immediate Destination", "must be a blank followed by a 9-digit routing number");
        }
        if (blank(r, 14, 10)) {
            error("Immediate Origin", "is blank");
        }
        if (yymmdd(r, 24) == null) {
            error("File Creation Date", "is not a valid YYMMDD date");
        }
        if (!blank(r, 30, 4)) {
            long hhmm = digits(r, 30, 4);
            if (hhmm < 0 || hhmm / 100 > 23 || hhmm % 100 > 59) {
                error("File Creation Time", "is not a valid HHMM time");
            }
        }
        byte modifier = r[33];
        if (!((modifier >= 'A' && modifier <= 'Z') || (modifier >= '0' && modifier <= '9'))) {
            error("File ID Modifier", "must be A-Z or 0-9");
        }
        if (!is(r, 35, "094")) {
            error("Record Size", "must be 094");
        }
        if (!is(r, 38, "10")) {
            error("Blocking Factor", "must be 10");
        }
        if (r[39] != '1') {
            error("Format Code", "must be 1");
        }
    }

    private void batchHeader(byte[] r) throws IOException {
        records++;
        if (state == State.START) {
            state = State.FILE;
        }
        if (state == State.BATCH) {
            error("", "batch header record before the batch control record of batch " + batchNumberText);
            closeBatch();
        }
        state = State.BATCH;
        batches++;
        System.arraycopy(r, 0, batchHeader, 0, batchHeader.length);
        batchAttributes = null;
        batchTotalsUnknown = false;
        batchForwardEntries = 0;
        batchEntryAddenda = 0;
        batchEntries = 0;
        batchHash = 0;
        batchDebit = 0;
        batchCredit = 0;
        lastTrace = -1;

        serviceClass = (int) digits(r, 2, 3);
        serviceClassText = raw(r, 2, 3);
        sec = SecCode.of(r, 51);
        if (sec == null) {
            error("Standard Entry Class Code", "unknown SEC code \"" + printable(raw(r, 51, 3)) + "\"");
        }
        if (sec == SecCode.ADV) {
            advFile = true;
            if (serviceClass != 280) {
                error("Service Class Code", "ADV batches use service class 280");
            }
        } else {
            otherFile = true;
            if (serviceClass != 200 && serviceClass != 220 && serviceClass != 225) {
                error("Service Class Code", "must be 200 (mixed), 220 (credits only) or 225 (debits only)");
            }
        }
        if (advFile && otherFile && !mixReported) {
            mixReported = true;
            error("Standard Entry Class Code", "ADV batches cannot share a file with other batches");
        }

        if (sec == SecCode.IAT) {
            iatBatchHeader(r);
        } else {
            companyName = text(r, 5, 16);
            if (companyName == null) {
                error("Company Name", "is blank");
            }
            companyDiscretionary = text(r, 21, 20);
            companyId = text(r, 41, 10);
            if (companyId == null) {
                error("Company Identification", "is blank");
            }
            descriptiveDate = text(r, 64, 6);
        }
        entryDescription = text(r, 54, 10);
        if (entryDescription == null) {
            error("Company Entry Description", "is blank");
        } else if (sec == SecCode.ENR && !entryDescription.equals("AUTOENROLL")) {
            error("Company Entry Description", "ENR batches must say AUTOENROLL");
        }
        effectiveDate = yymmdd(r, 70);
        // Judged when the batch closes: return and NOC batches often carry 000000 here, and
        // those entries settle on the dates of the entries they refer to.
        invalidEffectiveDateAt = effectiveDate == null ? reader.location() : null;
        settlementDate = null;
        if (!blank(r, 76, 3)) {
            long julian = digits(r, 76, 3);
            if (julian < 1 || julian > 366) {
                error("Settlement Date", "must be blank or a Julian day 001-366");
            } else if (effectiveDate != null) {
                settlementDate = julianNear(effectiveDate, (int) julian);
            }
        }
        byte status = r[78];
        if (status != '0' && status != '1' && status != '2') {
            error("Originator Status Code", "must be 0, 1 or 2");
        }
        odfi = digits(r, 80, 8);
        if (odfi < 0) {
            error("Originating DFI Identification", "must be 8 digits");
            odfiRouting = null;
        } else {
            odfiRouting = routing9(odfi, checkDigit(odfi));
        }
        batchNumber = digits(r, 88, 7);
        batchNumberText = batchNumber < 0 ? printable(raw(r, 88, 7)) : Long.toString(batchNumber);
        if (batchNumber < 0) {
            error("Batch Number", "must be 7 digits");
        } else {
            if (lastBatchNumber >= 0 && batchNumber <= lastBatchNumber) {
                lenient(NachaLeniency.BATCH_NUMBERS, reader.location(), "Batch Number",
                        "batch number " + batchNumber + " is not greater than the previous batch's " + lastBatchNumber);
            }
            lastBatchNumber = batchNumber;
        }
    }

    private void iatBatchHeader(byte[] r) {
        companyName = null;
        companyDiscretionary = null;
        descriptiveDate = null;
        iatFxIndicator = raw(r, 21, 2);
        if (!iatFxIndicator.equals("FV") && !iatFxIndicator.equals("VF") && !iatFxIndicator.equals("FF")) {
            error("Foreign Exchange Indicator", "must be FV, VF or FF");
        }
        iatFxReferenceIndicator = raw(r, 23, 1);
        byte refIndicator = r[22];
        if (refIndicator != '1' && refIndicator != '2' && refIndicator != '3') {
            error("Foreign Exchange Reference Indicator", "must be 1 (rate), 2 (reference number) or 3 (blank)");
        }
        iatFxReference = text(r, 24, 15);
        iatDestinationCountry = raw(r, 39, 2);
        if (isoCountries == null) {
            isoCountries = Set.of(Locale.getISOCountries());
        }
        if (!isoCountries.contains(iatDestinationCountry)) {
            error("ISO Destination Country Code", "is not an ISO 3166 country code");
        }
        companyId = text(r, 41, 10);
        if (companyId == null) {
            error("Originator Identification", "is blank");
        }
        iatOriginatingCurrency = currency(r, 64, "ISO Originating Currency Code");
        iatDestinationCurrency = currency(r, 67, "ISO Destination Currency Code");
        if (iatFxIndicator.equals("FF") && iatOriginatingCurrency != null && iatDestinationCurrency != null
                && !iatOriginatingCurrency.equals(iatDestinationCurrency)) {
            report.warning(reader.location(), "Foreign Exchange Indicator",
                    "FF (fixed-to-fixed, no conversion) but the originating and destination currencies differ");
        }
    }

    private String currency(byte[] r, int from, String field) {
        String code = raw(r, from, 3);
        try {
            Currency.getInstance(code);
            return code;
        } catch (IllegalArgumentException e) {
            error(field, "is not an ISO 4217 currency code");
            return null;
        }
    }

    /** The Julian day nearest to the effective entry date: settlement is never months away from it. */
    private static LocalDate julianNear(LocalDate effective, int julian) {
        int year = effective.getYear();
        LocalDate best = null;
        for (int y = year - 1; y <= year + 1; y++) {
            if (julian > java.time.Year.of(y).length()) {
                continue;
            }
            LocalDate candidate = LocalDate.ofYearDay(y, julian);
            if (best == null || Math.abs(candidate.toEpochDay() - effective.toEpochDay())
                    < Math.abs(best.toEpochDay() - effective.toEpochDay())) {
                best = candidate;
            }
        }
        return best;
    }

    private void entryDetail(byte[] r) throws IOException {
        records++;
        if (state != State.BATCH) {
            error("Record Type Code", "entry detail record outside a batch");
            return;
        }
        finishEntry();
        entries++;
        batchEntries++;
        batchEntryAddenda++;
        entryOpen = true;
        PendingEntry e = entry;
        e.start(r, reader.number, null);
        SecCode s = sec;
        if (s == null) {
            e.ok = false;
        }

        int code = (int) digits(r, 2, 2);
        boolean adv = s == SecCode.ADV;
        if (code >= 0) {
            // Even an invalid code is totalled by its second digit, as the originator's software
            // did: the file then shows one error for the code, not a second for the totals.
            e.credit = TransactionCodes.credit(code);
        }
        if (code < 0 || (adv ? !TransactionCodes.validAdv(code) : !TransactionCodes.valid(code))) {
            error("Transaction Code", (code < 0 ? "is not numeric" : code + " is not a valid transaction code")
                    + (adv ? " for ADV (81-88)" : ""));
            e.ok = false;
        } else {
            e.code = code;
        }
        long rdfi = digits(r, 4, 8);
        e.rdfi = rdfi;
        if (rdfi < 0) {
            error("Receiving DFI Identification", "must be 8 digits");
            e.ok = false;
        } else {
            batchHash += rdfi;
        }
        int check = r[11] - '0';
        if (check < 0 || check > 9) {
            error("Check Digit", "must be a digit");
            e.ok = false;
        } else {
            e.checkDigit = check;
            if (rdfi >= 0 && checkDigit(rdfi) != check) {
                lenient(NachaLeniency.CHECK_DIGIT, reader.location(), "Check Digit", "routing number "
                        + routing9(rdfi, check) + " has check digit " + check + ", expected " + checkDigit(rdfi));
            }
        }

        long amount;
        if (adv) {
            if (blank(r, 13, 15)) {
                error("DFI Account Number", "is blank");
            }
            amount = digits(r, 28, 12);
            if (digits(r, 40, 9) < 0) {
                error("Advice Routing Number", "must be 9 digits");
            }
        } else if (s == SecCode.IAT) {
            e.declaredAddenda = digits(r, 13, 4);
            if (e.declaredAddenda < 0) {
                error("Number of Addenda Records", "must be 4 digits");
            }
            amount = digits(r, 30, 10);
            if (blank(r, 40, 35)) {
                error("Foreign Receiver's Account Number", "is blank");
            }
            if (!ofacIndicator(r[76]) || !ofacIndicator(r[77])) {
                error("OFAC Screening Indicator", "must be blank, 0 or 1");
            }
        } else {
            if (blank(r, 13, 17)) {
                error("DFI Account Number", "is blank");
            }
            amount = digits(r, 30, 10);
            if (s != null && (s.layout == SecCode.Layout.CORPORATE || s.layout == SecCode.Layout.ATX)) {
                e.declaredAddenda = digits(r, 55, 4);
                if (e.declaredAddenda < 0) {
                    error("Number of Addenda Records", "must be 4 digits");
                }
            }
        }
        if (amount < 0) {
            error("Amount", "must be numeric");
            e.ok = false;
            // The batch's and the file's dollar totals can no longer be verified: one error, not three.
            batchTotalsUnknown = true;
            fileTotalsUnknown = true;
        } else {
            e.amount = amount;
            if (code >= 0) {
                if (e.credit) {
                    batchCredit += amount;
                } else {
                    batchDebit += amount;
                }
            }
        }

        byte indicator = r[78];
        e.indicator = indicator;
        if (indicator != '0' && indicator != '1') {
            error("Addenda Record Indicator", "must be 0 or 1");
        }
        long trace = digits(r, 80, 15);
        if (trace < 0) {
            error("Trace Number", "must be 15 digits");
            e.ok = false;
        } else {
            e.trace = trace;
            if (lastTrace >= 0 && trace <= lastTrace) {
                lenient(NachaLeniency.TRACE_NUMBERS, reader.location(), "Trace Number",
                        "trace number " + raw(r, 80, 15) + " is not greater than the previous entry's");
            }
            if (!adv && odfi >= 0 && trace / SEVEN_DIGITS != odfi) {
                lenient(NachaLeniency.TRACE_NUMBERS, reader.location(), "Trace Number",
                        "trace number does not start with the batch's ODFI identification " + raw(batchHeader, 80, 8));
            }
            lastTrace = trace;
        }

        if (e.code >= 0 && !adv) {
            if (serviceClass == 220 && !e.credit) {
                lenient(NachaLeniency.SERVICE_CLASS_MISMATCH, reader.location(), "Transaction Code",
                        "debit entry in a credits-only batch (service class 220)");
            } else if (serviceClass == 225 && e.credit) {
                lenient(NachaLeniency.SERVICE_CLASS_MISMATCH, reader.location(), "Transaction Code",
                        "credit entry in a debits-only batch (service class 225)");
            }
        }
    }

    private static boolean ofacIndicator(byte b) {
        return b == ' ' || b == '0' || b == '1';
    }

    private void addendaRecord(byte[] r) {
        records++;
        if (state != State.BATCH) {
            error("Record Type Code", "addenda record outside a batch");
            return;
        }
        addenda++;
        batchEntryAddenda++;
        if (!entryOpen) {
            error("Record Type Code", "addenda record without a preceding entry detail record");
            return;
        }
        PendingEntry e = entry;
        e.addenda++;
        int type = (int) digits(r, 2, 2);
        SecCode s = sec;
        switch (type) {
            case 2 -> {
                if (s != null && s.addenda != SecCode.AddendaKind.A02) {
                    error("Addenda Type Code", "addenda 02 is only used by MTE, POS and SHR entries");
                }
                addenda02(r, e);
            }
            case 5 -> {
                if (s != null && s.addenda != SecCode.AddendaKind.A05) {
                    error("Addenda Type Code", "addenda 05 is not used by " + s + " entries");
                }
                addenda05(r, e);
            }
            case 98 -> addenda98(r, e);
            case 99 -> addenda99(r, e);
            case 10, 11, 12, 13, 14, 15, 16, 17, 18 -> {
                if (s != SecCode.IAT) {
                    error("Addenda Type Code", "addenda " + type + " is only used by IAT entries");
                    return;
                }
                iatAddenda(r, e, type);
            }
            default -> error("Addenda Type Code", type < 0 ? "is not numeric" : "unknown addenda type " + raw(r, 2, 2));
        }
    }

    private void addenda02(byte[] r, PendingEntry e) {
        if (e.special) {
            error("Addenda Type Code", "only one addenda 02 per entry");
            return;
        }
        e.special = true;
        e.refInfo1 = text(r, 4, 7);
        e.refInfo2 = text(r, 11, 3);
        e.terminalId = text(r, 14, 6);
        e.transactionSerial = text(r, 20, 6);
        e.transactionDate = text(r, 26, 4);
        long mmdd = digits(r, 26, 4);
        if (mmdd < 0 || mmdd / 100 < 1 || mmdd / 100 > 12 || mmdd % 100 < 1 || mmdd % 100 > 31) {
            error("Transaction Date", "must be a valid MMDD date");
        }
        e.authorizationCode = text(r, 30, 6);
        e.terminalLocation = text(r, 36, 27);
        e.terminalCity = text(r, 63, 15);
        e.terminalState = text(r, 78, 2);
        addendaTrace(r, e);
    }

    private void addenda05(byte[] r, PendingEntry e) {
        e.count05++;
        long seq = digits(r, 84, 4);
        if (seq != e.count05) {
            error("Addenda Sequence Number", "is " + printable(raw(r, 84, 4)) + ", expected " + e.count05);
        }
        entryDetailSequence(r, e);
        if (sec != null && e.count05 > sec.maxAddenda) {
            error("Addenda Type Code", sec + " entries carry at most " + sec.maxAddenda + " addenda 05 record"
                    + (sec.maxAddenda == 1 ? "" : "s"));
            return;
        }
        if (e.count05 <= MAX_TEXT_ADDENDA) {
            if (sec != null && sec.countsAddenda()) {
                // CTX/ATX/ENR/TRX: an X12 (or rule-defined) payload cut into 80-character pieces;
                // blanks inside belong to it, so pieces are joined as they are.
                e.remittance.append(raw(r, 4, 80));
            } else {
                String info = text(r, 4, 80);
                if (info != null) {
                    if (!e.remittance.isEmpty()) {
                        e.remittance.append(' ');
                    }
                    e.remittance.append(info);
                }
            }
        }
    }

    private void addenda98(byte[] r, PendingEntry e) {
        if (sec != SecCode.COR) {
            error("Addenda Type Code", "addenda 98 (notification of change) belongs in a COR batch");
        }
        if (!firstSpecial(e, Category.NOC)) {
            return;
        }
        String change = raw(r, 4, 3);
        if (change.charAt(0) != 'C' || digits(r, 5, 2) < 0) {
            error("Change Code", "must be C followed by two digits");
        }
        e.reasonCode = printable(change);
        returnCommon(r, e);
        e.correctedData = maskCorrectedData(change, raw(r, 36, 29));
        addendaTrace(r, e);
    }

    private void addenda99(byte[] r, PendingEntry e) {
        if (sec == SecCode.COR || sec == SecCode.ADV) {
            error("Addenda Type Code", "returns (addenda 99) cannot be in a " + sec + " batch");
        }
        if (!firstSpecial(e, Category.RETURN)) {
            return;
        }
        String reason = raw(r, 4, 3);
        if (reason.charAt(0) != 'R' || digits(r, 5, 2) < 0) {
            error("Return Reason Code", "must be R followed by two digits");
        }
        e.reasonCode = printable(reason);
        returnCommon(r, e);
        if (!blank(r, 22, 6)) {
            e.dateOfDeath = yymmdd(r, 22);
            if (e.dateOfDeath == null) {
                error("Date of Death", "must be blank or a valid YYMMDD date");
            }
        }
        e.returnInformation = text(r, 36, 44);
        addendaTrace(r, e);
    }

    private boolean firstSpecial(PendingEntry e, Category category) {
        if (e.category != Category.FORWARD) {
            error("Addenda Type Code", "only one addenda 98/99 per entry");
            return false;
        }
        e.category = category;
        return true;
    }

    private void returnCommon(byte[] r, PendingEntry e) {
        if (digits(r, 7, 15) < 0) {
            error("Original Entry Trace Number", "must be 15 digits");
        }
        e.originalTrace = text(r, 7, 15);
        long originalRdfi = digits(r, 28, 8);
        if (originalRdfi < 0) {
            error("Original Receiving DFI Identification", "must be 8 digits");
        }
        e.originalRdfi = text(r, 28, 8);
    }

    private void addendaTrace(byte[] r, PendingEntry e) {
        long trace = digits(r, 80, 15);
        if (e.trace >= 0 && trace != e.trace) {
            lenient(NachaLeniency.TRACE_NUMBERS, reader.location(), "Trace Number",
                    "differs from the trace number of its entry detail record");
        }
    }

    private void entryDetailSequence(byte[] r, PendingEntry e) {
        long seq = digits(r, 88, 7);
        if (e.trace >= 0 && seq != e.trace % SEVEN_DIGITS) {
            error("Entry Detail Sequence Number", "must be the last seven digits of the entry's trace number");
        }
    }

    private void iatAddenda(byte[] r, PendingEntry e, int type) {
        if (type == 17 || type == 18) {
            if (e.iatNext < 17) {
                error("Addenda Type Code", "IAT addenda " + type + " before the mandatory addenda " + e.iatNext);
            }
            int seq = type == 17 ? ++e.count17 : ++e.count18;
            int max = type == 17 ? 2 : 5;
            if (seq > max) {
                error("Addenda Type Code", "an IAT entry carries at most " + max + " addenda " + type);
                return;
            }
            if (type == 18) {
                e.iatNext = 19;
            } else if (e.iatNext > 17) {
                error("Addenda Type Code", "IAT addenda 17 after addenda 18");
            } else {
                e.iatNext = 17;
            }
            if (digits(r, 84, 4) != seq) {
                error("Addenda Sequence Number", "is " + printable(raw(r, 84, 4)) + ", expected " + seq);
            }
            entryDetailSequence(r, e);
            if (type == 17) {
                String info = text(r, 4, 80);
                if (info != null) {
                    if (!e.remittance.isEmpty()) {
                        e.remittance.append(' ');
                    }
                    e.remittance.append(info);
                }
            } else {
                if (!e.correspondents.isEmpty()) {
                    e.correspondents.append("; ");
                }
                e.correspondents.append(join(text(r, 4, 35), text(r, 41, 34), text(r, 75, 3)));
            }
            return;
        }
        if (type != e.iatNext) {
            error("Addenda Type Code", "IAT addenda " + type + " out of order: expected "
                    + (e.iatNext <= 16 ? "addenda " + e.iatNext : "17, 18 or none"));
        }
        e.iatNext = Math.max(e.iatNext, type + 1);
        entryDetailSequence(r, e);
        switch (type) {
            case 10 -> {
                e.iatTypeCode = text(r, 4, 3);
                if (e.iatTypeCode == null) {
                    error("Transaction Type Code", "is blank");
                }
                e.foreignPaymentAmount = NachaFields.digitsOrBlank(r, 7, 18);
                if (e.foreignPaymentAmount < 0) {
                    error("Foreign Payment Amount", "must be numeric");
                }
                e.foreignTrace = text(r, 25, 22);
                e.receiverName = text(r, 47, 35);
                if (e.receiverName == null) {
                    error("Receiving Company Name/Individual Name", "is blank");
                }
            }
            case 11 -> {
                e.originatorName = text(r, 4, 35);
                if (e.originatorName == null) {
                    error("Originator Name", "is blank");
                }
                e.originatorAddress = text(r, 39, 35);
            }
            case 12 -> e.originatorAddress = join(e.originatorAddress, text(r, 4, 35), text(r, 39, 35));
            case 13 -> {
                e.odfiName = text(r, 4, 35);
                e.odfiId = text(r, 41, 34);
                e.odfiCountry = text(r, 75, 3);
                qualifier(r, "Originating DFI Identification Number Qualifier");
            }
            case 14 -> {
                e.rdfiName = text(r, 4, 35);
                e.rdfiId = text(r, 41, 34);
                e.rdfiCountry = text(r, 75, 3);
                qualifier(r, "Receiving DFI Identification Number Qualifier");
            }
            case 15 -> {
                e.receiverIdNumber = text(r, 4, 15);
                e.receiverAddress = text(r, 19, 35);
            }
            case 16 -> e.receiverAddress = join(e.receiverAddress, text(r, 4, 35), text(r, 39, 35));
            default -> {
                // 17 and 18 handled above
            }
        }
    }

    private void qualifier(byte[] r, String field) {
        if (!is(r, 39, "01") && !is(r, 39, "02") && !is(r, 39, "03")) {
            error(field, "must be 01 (national clearing system), 02 (BIC) or 03 (IBAN)");
        }
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p != null) {
                if (!b.isEmpty()) {
                    b.append(", ");
                }
                b.append(p);
            }
        }
        return b.isEmpty() ? null : b.toString();
    }

    private void finishEntry() throws IOException {
        if (!entryOpen) {
            return;
        }
        entryOpen = false;
        PendingEntry e = entry;
        SecCode s = sec;
        if (e.indicator == '1' && e.addenda == 0) {
            entryError(e, "Addenda Record Indicator", "is 1 but no addenda record follows");
        } else if (e.indicator == '0' && e.addenda > 0) {
            entryError(e, "Addenda Record Indicator", "is 0 but " + e.addenda + " addenda record"
                    + (e.addenda == 1 ? " follows" : "s follow"));
        }
        if (e.declaredAddenda >= 0 && e.declaredAddenda != e.addenda) {
            if (s == SecCode.IAT && e.declaredAddenda == 7 && e.iatNext > 16) {
                // The field counts all addenda, but widely used generators write 0007 (the
                // mandatory 10-16) whatever follows; the records themselves are complete.
                report.warning(entryLocation(e), "Number of Addenda Records", "says 7 (the mandatory IAT addenda), but "
                        + e.addenda + " addenda records follow");
            } else {
                entryError(e, "Number of Addenda Records", "says " + e.declaredAddenda + ", but " + e.addenda
                        + " addenda record" + (e.addenda == 1 ? " follows" : "s follow"));
            }
        }
        if (s == null || e.code < 0 || e.amount < 0) {
            return;
        }
        int code = e.code;
        EntryKind kind;
        switch (e.category) {
            case RETURN -> {
                kind = EntryKind.RETURN;
                if (!TransactionCodes.returnOrNoc(code)) {
                    entryError(e, "Transaction Code", "a return (addenda 99) must use a return code such as 21 or 26, not "
                            + code);
                }
            }
            case NOC -> {
                kind = EntryKind.NOC;
                if (!TransactionCodes.returnOrNoc(code)) {
                    entryError(e, "Transaction Code", "a notification of change must use a code such as 21 or 26, not "
                            + code);
                }
                if (e.amount != 0) {
                    entryError(e, "Amount", "a notification of change must have amount zero");
                }
            }
            default -> {
                batchForwardEntries++;
                kind = forwardRules(e, s);
            }
        }
        if (kind == null || !e.ok) {
            return;
        }
        Direction direction;
        if (s == SecCode.ADV || kind == EntryKind.RETURN) {
            direction = e.credit ? Direction.CREDIT : Direction.DEBIT;
        } else {
            direction = e.credit ? Direction.DEBIT : Direction.CREDIT;
        }
        emitted++;
        report.countTransaction(direction, USD, e.amount);
        if (build) {
            sink.accept(transaction(e, s, kind, direction));
        }
    }

    /** An error located at the entry detail record (its location string is built only here). */
    private void entryError(PendingEntry e, String field, String message) {
        report.error(entryLocation(e), field, message);
    }

    /** Rules for forward entries; the kind to emit, or null for a prenotification (not emitted). */
    private EntryKind forwardRules(PendingEntry e, SecCode s) {
        int code = e.code;
        if (TransactionCodes.returnOrNoc(code)) {
            entryError(e, "Transaction Code", code + " is for returns and notifications of change, but the entry has no addenda 98/99");
        }
        if (s == SecCode.COR) {
            entryError(e, "Addenda Type Code", "a COR entry needs an addenda 98");
        }
        if (e.addenda < s.minAddenda) {
            entryError(e, "Addenda Record Indicator", s + " entries need " + (s == SecCode.IAT ? "the addenda 10-16"
                    : s.minAddenda == 1 ? "an addenda record" : "at least " + s.minAddenda + " addenda records"));
        } else if (s == SecCode.IAT && e.iatNext <= 16) {
            entryError(e, "Addenda Type Code", "IAT entry without its mandatory addenda " + e.iatNext + "-16");
        }
        Set<Integer> only = s.onlyCodes();
        if (only != null && !only.contains(code)) {
            entryError(e, "Transaction Code", s + " entries use transaction codes " + new java.util.TreeSet<>(only) + ", not " + code);
        }
        if (s.flow == SecCode.Flow.DEBITS && e.credit && !TransactionCodes.returnOrNoc(code)) {
            entryError(e, "Transaction Code", s + " entries are debits only");
        } else if (s.flow == SecCode.Flow.CREDITS && !e.credit) {
            entryError(e, "Transaction Code", s + " entries are credits only");
        }
        if (s.maxAmount > 0 && e.amount > s.maxAmount) {
            entryError(e, "Amount", s + " entries are limited to " + dollars(s.maxAmount));
        }
        byte[] r = e.record;
        if ((s == SecCode.WEB || s == SecCode.TEL) && !e.credit && r[76] != 'R' && r[76] != 'S') {
            entryError(e, "Payment Type Code", "must be R (recurring) or S (single) for " + s + " debits");
        }
        if ((s.layout == SecCode.Layout.CHECK || s.layout == SecCode.Layout.XCK) && blank(r, 40, 15)) {
            entryError(e, "Check Serial Number", "is blank");
        }
        if (s == SecCode.POP && blank(r, 40, 9)) {
            entryError(e, "Check Serial Number", "is blank");
        }
        if ((s == SecCode.ACK || s == SecCode.ATX) && digits(r, 40, 15) < 0) {
            entryError(e, "Original Entry Trace Number", "must be 15 digits");
        }
        if (s == SecCode.SHR) {
            long mmyy = digits(r, 40, 4);
            if (mmyy < 0 || mmyy / 100 < 1 || mmyy / 100 > 12) {
                entryError(e, "Card Expiration Date", "must be MMYY");
            }
        }

        if (TransactionCodes.prenote(code)) {
            if (e.amount != 0) {
                entryError(e, "Amount", "a prenotification (code " + code + ") must have amount zero");
            }
            // DNE is carried on prenotification codes by rule but is a notice, not a prenote.
            return s == SecCode.DNE ? EntryKind.NON_MONETARY : null;
        }
        if (TransactionCodes.zeroDollar(code)) {
            if (!s.zeroDollar) {
                entryError(e, "Transaction Code", "zero-dollar code " + code + " is only allowed for CCD, CTX, IAT, ACK and ATX");
            }
            if (e.amount != 0) {
                entryError(e, "Amount", "a zero-dollar entry (code " + code + ") must have amount zero");
            }
            return EntryKind.ZERO_DOLLAR;
        }
        if (s.zeroAmountOnly()) {
            if (e.amount != 0) {
                entryError(e, "Amount", s + " entries must have amount zero");
            }
            return EntryKind.NON_MONETARY;
        }
        if (e.amount == 0) {
            entryError(e, "Amount", "is zero for a live entry (code " + code + "); use a prenotification or zero-dollar code");
        }
        return EntryKind.LIVE;
    }

    private Transaction transaction(PendingEntry e, SecCode s, EntryKind kind, Direction direction) {
        byte[] r = e.record;
        String locator = entryLocation(e);
        Attributes.Builder a = attributes.clear();
        a.put(AchAttributes.TRANSACTION_CODE, codeText(e.code));
        a.put(AchAttributes.ACH_ENTRY_TYPE, e.credit ? "CREDIT" : "DEBIT");
        a.put(AchAttributes.ENTRY_KIND, kind.name());
        a.putAll(batchAttributes());
        if (e.addenda > 0) {
            a.put(AchAttributes.ADDENDA_COUNT, Integer.toString(e.addenda));
        }

        String receiverName = null;
        String account;
        SensitiveValue.Kind accountKind = SensitiveValue.Kind.ACCOUNT_NUMBER;
        String receiverAgent = routing(e.rdfi, e.checkDigit);
        String originatorName = companyName;
        String originatorAgent = odfiRouting;
        String remittance = e.remittance.isEmpty() ? null : e.remittance.toString().stripTrailing();

        switch (s.layout) {
            case ADV -> {
                account = text(r, 13, 15);
                receiverName = text(r, 55, 22);
                put(a, AchAttributes.ADV_ROUTING_NUMBER, text(r, 40, 9));
                put(a, AchAttributes.ADV_FILE_IDENTIFICATION, text(r, 49, 5));
                put(a, AchAttributes.DISCRETIONARY_DATA, text(r, 77, 2));
            }
            case IAT -> {
                account = text(r, 40, 35);
                if (account != null && account.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")) {
                    accountKind = SensitiveValue.Kind.IBAN;
                }
                receiverName = e.receiverName;
                originatorName = e.originatorName;
                if (e.odfiId != null) {
                    originatorAgent = e.odfiId;
                }
                if (e.rdfiId != null) {
                    receiverAgent = e.rdfiId;
                }
                iatAttributes(a, e, r);
            }
            default -> {
                account = text(r, 13, 17);
                standardLayout(a, s, r);
                receiverName = receiverName(s, r);
            }
        }
        if (e.special) {
            put(a, AchAttributes.TERMINAL_ID, e.terminalId);
            put(a, AchAttributes.TRANSACTION_SERIAL_NUMBER, e.transactionSerial);
            put(a, AchAttributes.TRANSACTION_DATE_MMDD, e.transactionDate);
            put(a, AchAttributes.AUTHORIZATION_CODE, e.authorizationCode);
            put(a, AchAttributes.TERMINAL_LOCATION, e.terminalLocation);
            put(a, AchAttributes.TERMINAL_CITY, e.terminalCity);
            put(a, AchAttributes.TERMINAL_STATE, e.terminalState);
        }
        if (kind == EntryKind.RETURN || kind == EntryKind.NOC) {
            put(a, kind == EntryKind.RETURN ? AchAttributes.RETURN_REASON_CODE : AchAttributes.CHANGE_CODE, e.reasonCode);
            put(a, AchAttributes.ORIGINAL_TRACE, e.originalTrace);
            put(a, AchAttributes.ORIGINAL_RDFI, e.originalRdfi);
            put(a, AchAttributes.CORRECTED_DATA, e.correctedData);
            put(a, AchAttributes.RETURN_ADDENDA_INFORMATION, e.returnInformation);
            if (e.dateOfDeath != null) {
                a.put(AchAttributes.DATE_OF_DEATH, e.dateOfDeath.toString());
            }
        }
        if (remittance != null && (s == SecCode.ENR || s == SecCode.DNE)) {
            remittance = maskEnrollmentData(s, remittance);
        }

        SensitiveValue receiverAccount = SensitiveValue.of(accountKind, account);
        boolean receiverPaid = direction == Direction.DEBIT;
        if (s == SecCode.ADV) {
            receiverPaid = direction == Direction.CREDIT;
        }
        String debtorName = receiverPaid ? originatorName : receiverName;
        SensitiveValue debtorAccount = receiverPaid ? null : receiverAccount;
        String debtorAgent = receiverPaid ? originatorAgent : receiverAgent;
        String creditorName = receiverPaid ? receiverName : originatorName;
        SensitiveValue creditorAccount = receiverPaid ? receiverAccount : null;
        String creditorAgent = receiverPaid ? receiverAgent : originatorAgent;

        return new Transaction(ids.of(locator), options.fileId(), emitted, locator, FORMAT_NAME, s.name(), direction,
                e.amount, USD, settlementDate != null ? settlementDate : effectiveDate, effectiveDate,
                debtorName, debtorAccount, debtorAgent, creditorName, creditorAccount, creditorAgent,
                raw(r, 80, 15), null, null, remittance, a.build());
    }

    private static String receiverName(SecCode s, byte[] r) {
        return switch (s.layout) {
            case CORPORATE, ATX -> text(r, 59, 16);
            case CIE -> text(r, 40, 15);
            case XCK, SHR -> null;
            default -> text(r, 55, 22);
        };
    }

    private static void standardLayout(Attributes.Builder a, SecCode s, byte[] r) {
        switch (s.layout) {
            case STANDARD, CARD -> {
                if (s != SecCode.DNE) {
                    // DNE positions 40-54 carry the deceased's SSN: never kept in clear.
                    put(a, AchAttributes.INDIVIDUAL_ID, text(r, 40, 15));
                }
            }
            case CORPORATE -> {
                if (s != SecCode.ENR) {
                    put(a, AchAttributes.INDIVIDUAL_ID, text(r, 40, 15));
                }
            }
            case ATX, ACK -> put(a, AchAttributes.ORIGINAL_TRACE, text(r, 40, 15));
            case CIE -> put(a, AchAttributes.INDIVIDUAL_ID, text(r, 55, 22));
            case CHECK -> put(a, AchAttributes.CHECK_SERIAL_NUMBER, text(r, 40, 15));
            case POP -> {
                put(a, AchAttributes.CHECK_SERIAL_NUMBER, text(r, 40, 9));
                put(a, AchAttributes.TERMINAL_CITY, text(r, 49, 4));
                put(a, AchAttributes.TERMINAL_STATE, text(r, 53, 2));
            }
            case XCK -> {
                put(a, AchAttributes.CHECK_SERIAL_NUMBER, text(r, 40, 15));
                put(a, AchAttributes.PROCESS_CONTROL_FIELD, text(r, 55, 6));
                put(a, AchAttributes.ITEM_RESEARCH_NUMBER, text(r, 61, 16));
            }
            case SHR -> {
                put(a, AchAttributes.CARD_EXPIRATION_MMYY, text(r, 40, 4));
                put(a, AchAttributes.DOCUMENT_REFERENCE, text(r, 44, 11));
                String card = text(r, 55, 22);
                if (card != null) {
                    // The card number is a PAN (PCI DSS): only its last four survive parsing.
                    a.put(AchAttributes.CARD_LAST4, card.length() <= 4 ? card : card.substring(card.length() - 4));
                }
            }
            default -> {
                // IAT and ADV have their own layouts
            }
        }
        String discretionary = text(r, 77, 2);
        if (s == SecCode.WEB || s == SecCode.TEL) {
            put(a, AchAttributes.PAYMENT_TYPE_CODE, discretionary);
        } else if (s.layout == SecCode.Layout.CARD || s.layout == SecCode.Layout.SHR) {
            put(a, AchAttributes.CARD_TRANSACTION_TYPE, discretionary);
        } else if (s == SecCode.TRX) {
            put(a, AchAttributes.ITEM_TYPE_INDICATOR, discretionary);
        } else {
            put(a, AchAttributes.DISCRETIONARY_DATA, discretionary);
        }
    }

    private void iatAttributes(Attributes.Builder a, PendingEntry e, byte[] r) {
        put(a, AchAttributes.IAT_TRANSACTION_TYPE_CODE, e.iatTypeCode);
        put(a, AchAttributes.ORIGINATING_CURRENCY, iatOriginatingCurrency);
        put(a, AchAttributes.DESTINATION_CURRENCY, iatDestinationCurrency);
        put(a, AchAttributes.DESTINATION_COUNTRY, iatDestinationCountry);
        put(a, AchAttributes.FOREIGN_EXCHANGE_INDICATOR, iatFxIndicator);
        put(a, AchAttributes.FOREIGN_EXCHANGE_REFERENCE_INDICATOR, iatFxReferenceIndicator);
        put(a, AchAttributes.FOREIGN_EXCHANGE_REFERENCE, iatFxReference);
        put(a, AchAttributes.FOREIGN_TRACE_NUMBER, e.foreignTrace);
        put(a, AchAttributes.ORIGINATOR_ADDRESS, e.originatorAddress);
        put(a, AchAttributes.RECEIVER_ADDRESS, e.receiverAddress);
        put(a, AchAttributes.RECEIVER_ID_NUMBER, e.receiverIdNumber);
        put(a, AchAttributes.ORIGINATING_BANK_NAME, e.odfiName);
        put(a, AchAttributes.ORIGINATING_BANK_COUNTRY, e.odfiCountry);
        put(a, AchAttributes.RECEIVING_BANK_NAME, e.rdfiName);
        put(a, AchAttributes.RECEIVING_BANK_COUNTRY, e.rdfiCountry);
        if (!e.correspondents.isEmpty()) {
            a.put(AchAttributes.FOREIGN_CORRESPONDENT_BANKS, e.correspondents.toString());
        }
        String ofac = text(r, 77, 2);
        put(a, AchAttributes.OFAC_SCREENING, ofac);
        if (e.foreignPaymentAmount > 0 && iatDestinationCurrency != null) {
            Long minor = foreignMinorUnits(e.foreignPaymentAmount, iatDestinationCurrency);
            if (minor == null) {
                report.warning(entryLocation(e), "Foreign Payment Amount", "has cents that "
                        + iatDestinationCurrency + " does not have; not converted to minor units");
            } else {
                a.put(AchAttributes.FOREIGN_PAYMENT_AMOUNT_MINOR, Long.toString(minor));
            }
        }
    }

    /**
     * The Foreign Payment Amount field always has two implied decimals ($$$$$$$$$$$$$$$$¢¢);
     * the destination currency may have 0, 2 or 3 (JPY, EUR, BHD).
     */
    static Long foreignMinorUnits(long twoDecimals, String currency) {
        int digits;
        try {
            digits = Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (digits < 0 || digits == 2) {
            return twoDecimals;
        }
        if (digits > 2) {
            return Math.multiplyExact(twoDecimals, (long) Math.pow(10, digits - 2));
        }
        long divisor = (long) Math.pow(10, 2 - digits);
        return twoDecimals % divisor == 0 ? twoDecimals / divisor : null;
    }

    /**
     * NOC corrected data (addenda 98 positions 36–64) for change codes that carry an account
     * number: C01 account; C03 routing(9) + 3 blanks + account; C06 account + 3 blanks + code;
     * C07 routing(9) + account(17) + code. The account part keeps its last four only; codes
     * with other sensitive identifiers (C09 individual id) are masked whole.
     */
    static String maskCorrectedData(String changeCode, String data) {
        String d = data.stripTrailing();
        return switch (changeCode) {
            case "C01" -> maskedOrNull(d.strip());
            case "C03" -> d.length() <= 12 ? d.strip() : d.substring(0, 9) + " " + maskedOrNull(d.substring(12).strip());
            case "C06" -> {
                String account = d.length() >= 17 ? d.substring(0, 17) : d;
                String rest = d.length() > 20 ? d.substring(20).strip() : "";
                yield maskedOrNull(account.strip()) + (rest.isEmpty() ? "" : " " + rest);
            }
            case "C07" -> {
                String routing = d.length() >= 9 ? d.substring(0, 9) : d;
                String account = d.length() > 9 ? d.substring(9, Math.min(26, d.length())).strip() : "";
                String rest = d.length() > 26 ? d.substring(26).strip() : "";
                yield routing + " " + maskedOrNull(account) + (rest.isEmpty() ? "" : " " + rest);
            }
            case "C09" -> maskedOrNull(d.strip());
            default -> d.strip().isEmpty() ? null : d.strip();
        };
    }

    private static String maskedOrNull(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return "****" + (value.length() <= 4 ? value : value.substring(value.length() - 4));
    }

    /**
     * ENR and DNE addenda carry an account number and a social security number between
     * asterisks (ENR: code*routing*check*ACCOUNT*SSN*surname*first*class\; DNE: DATE OF
     * DEATH*date*CUSTOMER SSN*SSN*AMOUNT*amount\). Both are masked to the last four.
     */
    static String maskEnrollmentData(SecCode s, String info) {
        String[] parts = info.split("\\*", -1);
        int[] sensitive = s == SecCode.ENR ? new int[] {3, 4} : new int[] {3};
        for (int i : sensitive) {
            if (i < parts.length) {
                parts[i] = maskedOrNull(parts[i].strip());
            }
        }
        return String.join("*", parts);
    }

    private void batchControl(byte[] r) throws IOException {
        records++;
        if (state != State.BATCH) {
            error("Record Type Code", "batch control record without a batch header record");
            return;
        }
        finishEntry();
        state = State.FILE;
        boolean adv = sec == SecCode.ADV;
        if (batchEntries == 0) {
            error("", "batch " + batchNumberText + " has no entry detail records");
        }
        if (digits(r, 2, 3) != serviceClass || serviceClass < 0) {
            error("Service Class Code", "is " + printable(raw(r, 2, 3)) + ", the batch header says "
                    + printable(serviceClassText));
        }
        long count = digits(r, 5, 6);
        if (count != batchEntryAddenda) {
            error("Entry/Addenda Count", "is " + printable(raw(r, 5, 6)) + ", the batch has " + batchEntryAddenda
                    + " entry and addenda records");
        }
        long hash = digits(r, 11, 10);
        if (hash != batchHash % HASH_MODULUS) {
            error("Entry Hash", "is " + printable(raw(r, 11, 10)) + ", computed " + pad(batchHash % HASH_MODULUS, 10)
                    + " (sum of the batch's 8-digit RDFI routing numbers, low 10 digits)");
        }
        int width = adv ? 20 : 12;
        long debit = batchTotalsUnknown ? batchDebit : digits(r, 21, width);
        long credit = batchTotalsUnknown ? batchCredit : digits(r, 21 + width, width);
        if (debit != batchDebit) {
            error("Total Debit Entry Dollar Amount", "is " + amountField(r, 21, width) + ", the entries add up to "
                    + dollars(batchDebit));
        }
        if (credit != batchCredit) {
            error("Total Credit Entry Dollar Amount", "is " + amountField(r, 21 + width, width)
                    + ", the entries add up to " + dollars(batchCredit));
        }
        // IAT batch controls commonly leave the Company Identification blank: the header has
        // an Originator Identification in its place.
        if (!adv && !(sec == SecCode.IAT && blank(r, 45, 10))) {
            boolean same = true;
            for (int i = 0; i < 10; i++) {
                same &= r[44 + i] == batchHeader[40 + i];
            }
            if (!same) {
                error("Company Identification", "differs from the batch header's");
            }
        }
        boolean sameOdfi = true;
        for (int i = 79; i < 87; i++) {
            sameOdfi &= r[i] == batchHeader[i];
        }
        if (!sameOdfi) {
            error("Originating DFI Identification", "differs from the batch header's");
        }
        boolean sameNumber = true;
        for (int i = 87; i < 94; i++) {
            sameNumber &= r[i] == batchHeader[i];
        }
        if (!sameNumber) {
            error("Batch Number", "is " + printable(raw(r, 88, 7)) + ", the batch header says " + batchNumberText);
        }
        addBatchToFile();
    }

    private void closeBatch() throws IOException {
        finishEntry();
        addBatchToFile();
        state = State.FILE;
    }

    private void addBatchToFile() {
        if (invalidEffectiveDateAt != null) {
            if (batchForwardEntries > 0 || sec == null) {
                report.error(invalidEffectiveDateAt, "Effective Entry Date", "is not a valid YYMMDD date");
            } else {
                report.warning(invalidEffectiveDateAt, "Effective Entry Date",
                        "is not a valid YYMMDD date; accepted in a batch of only returns and notifications of change");
            }
            invalidEffectiveDateAt = null;
        }
        fileEntryAddenda += batchEntryAddenda;
        fileHash += batchHash;
        fileDebit += batchDebit;
        fileCredit += batchCredit;
    }

    private void nine(byte[] r) throws IOException {
        if (allNines(r)) {
            fillers++;
            error("Record Type Code", "9-filler record before the file control record (file control missing?)");
            return;
        }
        records++;
        if (state == State.BATCH) {
            error("", "file control record before the batch control record of batch " + batchNumberText);
            closeBatch();
        }
        fileControlSeen = true;
        state = State.AFTER_FILE_CONTROL;
        long batchCount = digits(r, 2, 6);
        if (batchCount != batches) {
            error("Batch Count", "is " + printable(raw(r, 2, 6)) + ", the file has " + batches + " batch"
                    + (batches == 1 ? "" : "es"));
        }
        long expectedBlocks = (records + 9) / 10;
        long blocks = digits(r, 8, 6);
        if (blocks != expectedBlocks) {
            lenient(NachaLeniency.BLOCK_COUNT, reader.location(), "Block Count", "is " + printable(raw(r, 8, 6))
                    + ", the file's " + records + " records fill " + expectedBlocks + " block"
                    + (expectedBlocks == 1 ? "" : "s") + " of 10");
        }
        long count = digits(r, 14, 8);
        if (count != fileEntryAddenda) {
            error("Entry/Addenda Count", "is " + printable(raw(r, 14, 8)) + ", the file has " + fileEntryAddenda
                    + " entry and addenda records");
        }
        long hash = digits(r, 22, 10);
        if (hash != fileHash % HASH_MODULUS) {
            error("Entry Hash", "is " + printable(raw(r, 22, 10)) + ", computed " + pad(fileHash % HASH_MODULUS, 10)
                    + " (sum of all 8-digit RDFI routing numbers, low 10 digits)");
        }
        int width = advFile && !otherFile ? 20 : 12;
        long debit = fileTotalsUnknown ? fileDebit : digits(r, 32, width);
        long credit = fileTotalsUnknown ? fileCredit : digits(r, 32 + width, width);
        if (debit != fileDebit) {
            error("Total Debit Entry Dollar Amount in File", "is " + amountField(r, 32, width)
                    + ", the entries add up to " + dollars(fileDebit));
        }
        if (credit != fileCredit) {
            error("Total Credit Entry Dollar Amount in File", "is " + amountField(r, 32 + width, width)
                    + ", the entries add up to " + dollars(fileCredit));
        }
    }

    private void finish() throws IOException {
        if (!fileHeaderSeen) {
            report.error(END_OF_FILE, "", records + fillers == 0 ? "the file has no records" : "no file header record");
            return;
        }
        if (state == State.BATCH) {
            report.error(END_OF_FILE, "", "the file ends inside batch " + batchNumberText
                    + " without its batch control record (truncated?)");
            closeBatch();
        }
        if (!fileControlSeen) {
            report.error(END_OF_FILE, "", "no file control record: the file is truncated or incomplete");
            return;
        }
        long total = records + fillers;
        if (secondFile) {
            return;
        }
        if (total % 10 != 0) {
            long missing = 10 - total % 10;
            lenient(NachaLeniency.MISSING_BLOCK_FILLER, END_OF_FILE, "", "the file has " + total
                    + " records, not a multiple of the blocking factor 10 (" + missing + " 9-filler record"
                    + (missing == 1 ? "" : "s") + " missing)");
        } else if (fillers >= 10) {
            report.error(END_OF_FILE, "", fillers + " 9-filler records: more than needed to complete the last block");
        }
    }

    private String entryLocation(PendingEntry e) {
        if (e.location == null) {
            e.location = (reader.lineMode() ? "line " : "record ") + e.number;
        }
        return e.location;
    }

    /**
     * The 9-digit routing number text, from a small cache: a file pays into a few hundred banks
     * at most, so most entries repeat a receiving bank already seen.
     */
    private String routing(long routing8, int check) {
        long key = routing8 * 10 + check + 1;
        int home = (int) ((key * 0x9E3779B97F4A7C15L) >>> 56);
        int free = -1;
        for (int probe = 0; probe < 4; probe++) {
            int slot = (home + probe) & 0xFF;
            long k = routingKeys[slot];
            if (k == key) {
                return routingTexts[slot];
            }
            if (k == 0 && free < 0) {
                free = slot;
            }
        }
        String text = routing9(routing8, check);
        // When the four slots are taken (a file with very many banks), the home slot is replaced.
        int slot = free >= 0 ? free : home;
        routingKeys[slot] = key;
        routingTexts[slot] = text;
        return text;
    }

    private String codeText(int code) {
        String t = codeTexts[code];
        if (t == null) {
            t = Integer.toString(code);
            codeTexts[code] = t;
        }
        return t;
    }

    private static void put(Attributes.Builder a, String key, String value) {
        a.put(key, value);
    }

    /** The batch header's attributes, built once and copied into every transaction of the batch. */
    private Attributes batchAttributes() {
        if (batchAttributes == null) {
            batchAttributes = Attributes.builder()
                    .put(AchAttributes.BATCH_NUMBER, batchNumberText)
                    .put(AchAttributes.SERVICE_CLASS_CODE, serviceClassText)
                    .put(AchAttributes.COMPANY_ID, companyId)
                    .put(AchAttributes.COMPANY_ENTRY_DESCRIPTION, entryDescription)
                    .put(AchAttributes.COMPANY_DISCRETIONARY_DATA, companyDiscretionary)
                    .put(AchAttributes.COMPANY_DESCRIPTIVE_DATE, descriptiveDate)
                    .build();
        }
        return batchAttributes;
    }

    private void error(String field, String message) {
        report.error(reader.location(), field, message);
    }

    /** An error, or with the named option a warning that says which option accepted it. */
    private void lenient(String option, String location, String field, String message) {
        if (options.lenient(option)) {
            report.warning(location, field, message + " (accepted: " + option + ")");
        } else {
            report.error(location, field, message + " (option " + option + " accepts this)");
        }
    }

    private static boolean allNines(byte[] r) {
        for (byte b : r) {
            if (b != '9') {
                return false;
            }
        }
        return true;
    }

    private static String dollars(long cents) {
        return "$" + cents / 100 + "." + (cents % 100 < 10 ? "0" : "") + cents % 100;
    }

    private static String amountField(byte[] r, int from, int len) {
        long v = digits(r, from, len);
        return v < 0 ? "not numeric" : dollars(v);
    }

    private static String pad(long v, int width) {
        String s = Long.toString(v);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }

    private static String hex(int b) {
        return (b < 16 ? "0" : "") + Integer.toHexString(b).toUpperCase(Locale.ROOT);
    }

    private static String describeByte(byte b) {
        int v = b & 0xFF;
        return v >= 0x20 && v < 0x7F ? "'" + (char) v + "'" : "0x" + hex(v);
    }

    /** Field values quoted in messages: printable ASCII only, never more than the field. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return b.toString();
    }
}
