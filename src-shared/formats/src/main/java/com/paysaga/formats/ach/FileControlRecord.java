package com.paysaga.formats.ach;

import static com.paysaga.formats.ach.BatchControlRecord.HASH_MODULUS;
import static com.paysaga.formats.ach.NachaFields.digits;
import static com.paysaga.formats.ach.NachaFields.raw;
import static com.paysaga.formats.ach.NachaIssues.amountField;
import static com.paysaga.formats.ach.NachaIssues.dollars;
import static com.paysaga.formats.ach.NachaIssues.pad;
import static com.paysaga.formats.ach.NachaIssues.printable;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The File Control Record (record type 9; Operating Rules, Appendix Three, record formats):
 * batch count, block count, entry/addenda count, entry hash and the file's debit and credit
 * totals, against what the file's records add up to. A file of only ADV batches has 20-digit
 * totals (32–51 and 52–71).
 */
final class FileControlRecord {

    private FileControlRecord() {
    }

    private static final String RECORD = "; file control record";

    /**
     * Checks the record against the file's totals and puts its own figures into the report as
     * {@code fileControl}: every field as the file states it (null where it is not a number),
     * and the number of entry detail records.
     */
    static void check(byte[] r, FileTotals f, boolean advOnly, NachaIssues issues) {
        int width = advOnly ? 20 : 12;
        Map<String, Long> stated = new LinkedHashMap<>();
        stated.put("batchCount", number(digits(r, 2, 6)));
        stated.put("blockCount", number(digits(r, 8, 6)));
        stated.put("entryAddendaCount", number(digits(r, 14, 8)));
        stated.put("entryHash", number(digits(r, 22, 10)));
        stated.put("debit", number(digits(r, 32, width)));
        stated.put("credit", number(digits(r, 32 + width, width)));
        stated.put("entries", f.entries);
        issues.report().statedControl("fileControl", stated);

        long batchCount = digits(r, 2, 6);
        if (batchCount != f.batches) {
            issues.error("Batch Count", "is " + printable(raw(r, 2, 6)) + ", the file has " + f.batches + " batch"
                    + (f.batches == 1 ? "" : "es") + RECORD);
        }
        long expectedBlocks = (f.records + 9) / 10;
        long blocks = digits(r, 8, 6);
        if (blocks != expectedBlocks) {
            issues.lenient(NachaLeniency.BLOCK_COUNT, "Block Count", "is " + printable(raw(r, 8, 6))
                    + ", the file's " + f.records + " records fill " + expectedBlocks + " block"
                    + (expectedBlocks == 1 ? "" : "s") + " of 10" + RECORD);
        }
        long count = digits(r, 14, 8);
        if (count != f.entryAddenda) {
            issues.error("Entry/Addenda Count", "is " + printable(raw(r, 14, 8)) + ", the file has " + f.entryAddenda
                    + " entry and addenda records" + RECORD);
        }
        long hash = digits(r, 22, 10);
        if (hash != f.hash % HASH_MODULUS) {
            issues.error("Entry Hash", "is " + printable(raw(r, 22, 10)) + ", computed " + pad(f.hash % HASH_MODULUS, 10)
                    + " (sum of all 8-digit RDFI routing numbers, low 10 digits)" + RECORD);
        }
        long debit = f.totalsUnknown ? f.debit : digits(r, 32, width);
        long credit = f.totalsUnknown ? f.credit : digits(r, 32 + width, width);
        if (debit != f.debit) {
            issues.error("Total Debit Entry Dollar Amount in File", "is " + amountField(r, 32, width)
                    + ", the file's debit entries add up to " + dollars(f.debit) + RECORD);
        }
        if (credit != f.credit) {
            issues.error("Total Credit Entry Dollar Amount in File", "is " + amountField(r, 32 + width, width)
                    + ", the file's credit entries add up to " + dollars(f.credit) + RECORD);
        }
    }

    private static Long number(long digits) {
        return digits < 0 ? null : digits;
    }
}
