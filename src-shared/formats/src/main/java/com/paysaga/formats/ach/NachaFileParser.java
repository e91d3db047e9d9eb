package com.paysaga.formats.ach;

import static com.paysaga.formats.ach.NachaFields.blank;
import static com.paysaga.formats.ach.NachaIssues.describeByte;
import static com.paysaga.formats.ach.NachaIssues.hex;

import java.io.IOException;
import java.io.InputStream;

import com.paysaga.formats.Format;
import com.paysaga.formats.ParseOptions;
import com.paysaga.formats.TransactionSink;
import com.paysaga.formats.ValidationReport;
import com.paysaga.formats.ach.AchAttributes.EntryKind;
import com.paysaga.formats.domain.Direction;

/**
 * One pass over one NACHA file: the loop that puts its records in order — file header, then
 * batches of a batch header, entries with their addenda and a batch control, then the file
 * control and 9-filler — and hands each to the reader of its record type. An entry becomes a
 * transaction as soon as its addenda are complete. State is per file; the memory used does not
 * depend on the file's size (the largest buffer is one CTX entry's remittance, at most 9,999
 * addenda of 80 characters).
 */
final class NachaFileParser {

    private static final String END_OF_FILE = "end of file";
    private static final byte CTRL_Z = 0x1A;
    /** {@link ValidationReport#totalsDirection()}: see {@link com.paysaga.formats.domain.Direction}. */
    static final String TOTALS_OF_ORIGINATOR = "ORIGINATOR_ACCOUNT";
    static final String TOTALS_OF_ADVICE_RECIPIENT = "ADVICE_RECIPIENT_ACCOUNT";

    private enum State { START, FILE, BATCH, AFTER_FILE_CONTROL }

    private final NachaRecordReader reader;
    private final TransactionSink sink;
    private final boolean build;
    private final ValidationReport report;
    private final NachaIssues issues;
    private final BatchHeaderRecord batchHeaders;
    private final EntryDetailRecord entryDetails;
    private final AddendaRecord addendaRecords;
    private final EntryRules entryRules;
    private final NachaTransactions transactions;

    private State state = State.START;
    private boolean fileHeaderSeen;
    private boolean fileControlSeen;
    private boolean secondFile;
    private final FileTotals file = new FileTotals();
    private long emitted;

    private final NachaBatch batch = new NachaBatch();
    private final PendingEntry entry = new PendingEntry();
    private boolean entryOpen;
    /** Blank lines not yet followed by a record: after the last record they are harmless. */
    private long blankLines;
    private long firstBlankLine;

    NachaFileParser(InputStream in, ParseOptions options, TransactionSink sink, int bufferSize) {
        this.reader = new NachaRecordReader(in, bufferSize);
        this.sink = sink;
        this.build = sink != TransactionSink.DISCARD;
        this.report = new ValidationReport(Format.NACHA, options.maxIssues());
        this.issues = new NachaIssues(report, reader, options);
        this.batchHeaders = new BatchHeaderRecord(issues);
        this.entryDetails = new EntryDetailRecord(issues);
        this.addendaRecords = new AddendaRecord(issues);
        this.entryRules = new EntryRules(issues);
        this.transactions = new NachaTransactions(options, issues);
    }

    ValidationReport parse() throws IOException {
        report.counter("batches", 0);
        report.counter("entries", 0);
        report.counter("addenda", 0);
        boolean stopped = false;
        try {
            while (!secondFile && reader.next()) {
                if (reader.bomSkipped && reader.number == 1) {
                    issues.warning("", "UTF-8 byte-order mark before the first record ignored");
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
            issues.error("", "the NACHA parser failed on this record ("
                    + e.getClass().getSimpleName() + "); the file cannot be validated");
        }
        report.counter("batches", file.batches);
        report.counter("entries", file.entries);
        report.counter("addenda", file.addenda);
        // The canonical totals are the originator's account (a payroll file's credit entries are
        // its debit), the file control's NACHA's own; ADV advices speak for the recipient's account.
        report.totalsDirection(batchHeaders.advOnly() ? TOTALS_OF_ADVICE_RECIPIENT : TOTALS_OF_ORIGINATOR);
        return report;
    }

    private void record() throws IOException {
        byte[] r = reader.record;
        if (!physicalRecord(r)) {
            return;
        }
        if (state == State.AFTER_FILE_CONTROL) {
            afterFileControl(r);
            return;
        }
        if (!fileHeaderSeen && r[0] != '1') {
            fileHeaderSeen = true;
            state = State.FILE;
            issues.error("Record Type Code", "the first record is not a file header record (record type 1)");
        }
        switch (r[0]) {
            case '1' -> fileHeader(r);
            case '5' -> batchHeader(r);
            case '6' -> entryDetail(r);
            case '7' -> addenda(r);
            case '8' -> batchControl(r);
            case '9' -> nine(r);
            default -> {
                file.records++;
                issues.error("Record Type Code", "unknown record type code " + describeByte(r[0]));
            }
        }
    }

    /** Length and characters of the record as read; false for a line that is skipped. */
    private boolean physicalRecord(byte[] r) throws IOException {
        long length = reader.length;
        if (reader.oddLineEnd != null) {
            issues.lenientOnce(reader.oddLineEnd, NachaLeniency.LINE_ENDS, issues.locationOf(reader.number - 1), "",
                    "the line ends with " + reader.oddLineEnd + " (converted twice in transfer?), read as one line end");
        }
        if (length == 1 && r[0] == CTRL_Z && reader.atEnd()) {
            issues.lenientOnce("Ctrl-Z", NachaLeniency.LINE_ENDS, issues.location(), "",
                    "a DOS end-of-file mark (Ctrl-Z) after the last record");
            return false;
        }
        if (reader.lineMode()) {
            if (length == 0 || (!reader.extraNonBlank && blank(r, 1, NachaRecordReader.RECORD_LENGTH))) {
                if (blankLines++ == 0) {
                    firstBlankLine = reader.number;
                }
                return false;
            }
            if (blankLines > 0) {
                for (long line = firstBlankLine; line < firstBlankLine + blankLines; line++) {
                    issues.lenient(NachaLeniency.BLANK_LINES, issues.locationOf(line), "", "blank line");
                }
                blankLines = 0;
            }
            if (length < NachaRecordReader.RECORD_LENGTH) {
                issues.warning("", "record is " + length + " characters; trailing blanks restored");
            } else if (length > NachaRecordReader.RECORD_LENGTH) {
                if (reader.extraNonBlank) {
                    issues.error("", "record is " + length + " characters (expected 94)");
                } else {
                    issues.lenient(NachaLeniency.LONG_RECORDS, "",
                            "record is " + length + " characters; the characters after position 94 are blanks");
                }
            }
        } else if (length < NachaRecordReader.RECORD_LENGTH) {
            issues.error("", "the file ends inside a record: only " + length + " of 94 characters (truncated)");
            return false;
        }
        if (!reader.clean) {
            checkCharacters(r);
        }
        return true;
    }

    private void checkCharacters(byte[] r) {
        int bad = NachaFields.firstNonPrintable(r);
        if (bad < 0) {
            return;
        }
        int b = r[bad] & 0xFF;
        String where = "byte 0x" + hex(b) + " at position " + (bad + 1);
        if (b >= 0x80) {
            issues.lenient(NachaLeniency.NON_ASCII_TEXT, "", where + " is not ASCII (NACHA records are ASCII)");
        } else {
            issues.error("", where + " is a control character (NACHA records are printable ASCII)");
        }
    }

    private void afterFileControl(byte[] r) {
        if (allNines(r)) {
            file.fillers++;
        } else if (r[0] == '1') {
            issues.error("Record Type Code", "a second file header: one NACHA file per upload (files concatenated?); "
                    + "the rest is not read");
            secondFile = true;
        } else {
            issues.error("Record Type Code", "record after the file control record (only 9-filler records may follow it)");
        }
    }

    private void fileHeader(byte[] r) {
        file.records++;
        if (fileHeaderSeen) {
            issues.error("Record Type Code", "a second file header record: one file per upload");
            return;
        }
        fileHeaderSeen = true;
        state = State.FILE;
        batchHeaders.fileCreated(FileHeaderRecord.check(r, issues));
    }

    private void batchHeader(byte[] r) throws IOException {
        file.records++;
        if (state == State.START) {
            state = State.FILE;
        }
        if (state == State.BATCH) {
            issues.error("", "batch header record before the batch control record of batch " + batch.numberText);
            closeBatch();
        }
        state = State.BATCH;
        file.batches++;
        batchHeaders.read(r, batch);
    }

    private void entryDetail(byte[] r) throws IOException {
        file.records++;
        if (state != State.BATCH) {
            issues.error("Record Type Code", "entry detail record outside a batch");
            return;
        }
        finishEntry();
        file.entries++;
        batch.entries++;
        batch.entryAddenda++;
        entryOpen = true;
        entryDetails.read(r, reader.number, batch, entry);
    }

    private void addenda(byte[] r) {
        file.records++;
        if (state != State.BATCH) {
            issues.error("Record Type Code", "addenda record outside a batch");
            return;
        }
        file.addenda++;
        batch.entryAddenda++;
        if (!entryOpen) {
            issues.error("Record Type Code", "addenda record without a preceding entry detail record");
            return;
        }
        addendaRecords.read(r, entry);
    }

    private void finishEntry() throws IOException {
        if (!entryOpen) {
            return;
        }
        entryOpen = false;
        PendingEntry e = entry;
        EntryKind kind = entryRules.complete(e, batch);
        if (kind == null) {
            return;
        }
        // A return reverses its original and a contested dishonor is a return again; a dishonored
        // return reverses the return. ADV codes speak for the advice recipient's own account.
        Direction direction;
        if (e.sec == SecCode.ADV || kind == EntryKind.RETURN || kind == EntryKind.CONTESTED_RETURN) {
            direction = e.credit ? Direction.CREDIT : Direction.DEBIT;
        } else {
            direction = e.credit ? Direction.DEBIT : Direction.CREDIT;
        }
        emitted++;
        report.countTransaction(direction, NachaTransactions.USD, e.amount);
        if (build) {
            sink.accept(transactions.build(e, batch, kind, direction, emitted));
        }
    }

    private void batchControl(byte[] r) throws IOException {
        file.records++;
        if (state != State.BATCH) {
            issues.error("Record Type Code", "batch control record without a batch header record");
            return;
        }
        finishEntry();
        state = State.FILE;
        BatchControlRecord.check(r, batch, issues);
        addBatchToFile();
    }

    private void closeBatch() throws IOException {
        finishEntry();
        addBatchToFile();
        state = State.FILE;
    }

    private void addBatchToFile() {
        file.add(batch);
    }

    private void nine(byte[] r) throws IOException {
        if (allNines(r)) {
            file.fillers++;
            issues.error("Record Type Code", "9-filler record before the file control record (file control missing?)");
            return;
        }
        file.records++;
        if (state == State.BATCH) {
            issues.error("", "file control record before the batch control record of batch " + batch.numberText);
            closeBatch();
        }
        fileControlSeen = true;
        state = State.AFTER_FILE_CONTROL;
        FileControlRecord.check(r, file, batchHeaders.advOnly(), issues);
    }

    private void finish() throws IOException {
        if (blankLines > 0) {
            // a line end too many at the end of a file (an editor's or a transfer's), no record lost
            issues.warningAt(issues.locationOf(firstBlankLine), "", blankLines == 1 ? "blank line at the end of the file ignored"
                    : blankLines + " blank lines at the end of the file ignored");
        }
        if (!fileHeaderSeen) {
            issues.errorAt(END_OF_FILE, "", file.records + file.fillers == 0 ? "the file has no records" : "no file header record");
            return;
        }
        if (state == State.BATCH) {
            issues.errorAt(END_OF_FILE, "", "the file ends inside batch " + batch.numberText
                    + " without its batch control record (truncated?)");
            closeBatch();
        }
        if (!fileControlSeen) {
            issues.errorAt(END_OF_FILE, "", "no file control record: the file is truncated or incomplete");
            return;
        }
        long total = file.records + file.fillers;
        if (secondFile) {
            return;
        }
        if (total % 10 != 0) {
            long missing = 10 - total % 10;
            issues.lenient(NachaLeniency.MISSING_BLOCK_FILLER, END_OF_FILE, "", "the file has " + total
                    + " records, not a multiple of the blocking factor 10 (" + missing + " 9-filler record"
                    + (missing == 1 ? "" : "s") + " missing)");
        } else if (file.fillers >= 10) {
            issues.errorAt(END_OF_FILE, "", file.fillers + " 9-filler records: more than needed to complete the last block");
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
}
