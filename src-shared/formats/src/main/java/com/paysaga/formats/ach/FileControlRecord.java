package com.paysaga.formats.ach;

import static com.paysaga.formats.ach.BatchControlRecord.HASH_MODULUS;
import static com.paysaga.formats.ach.NachaFields.digits;
import static com.paysaga.formats.ach.NachaFields.raw;
import static com.paysaga.formats.ach.NachaIssues.amountField;
import static com.paysaga.formats.ach.NachaIssues.dollars;
import static com.paysaga.formats.ach.NachaIssues.pad;
import static com.paysaga.formats.ach.NachaIssues.printable;

/**
 * The File Control Record (record type 9; Operating Rules, Appendix Three, Subpart 3.2.1):
 * batch count, block count, entry/addenda count, entry hash and the file's debit and credit
 * totals, against what the file's records add up to. A file of only ADV batches has 20-digit
 * totals (32–51 and 52–71).
 */
final class FileControlRecord {

    private FileControlRecord() {
    }

    static void check(byte[] r, FileTotals f, boolean advOnly, NachaIssues issues) {
        long batchCount = digits(r, 2, 6);
        if (batchCount != f.batches) {
            issues.error("Batch Count", "is " + printable(raw(r, 2, 6)) + ", the file has " + f.batches + " batch"
                    + (f.batches == 1 ? "" : "es"));
        }
        long expectedBlocks = (f.records + 9) / 10;
        long blocks = digits(r, 8, 6);
        if (blocks != expectedBlocks) {
            issues.lenient(NachaLeniency.BLOCK_COUNT, "Block Count", "is " + printable(raw(r, 8, 6))
                    + ", the file's " + f.records + " records fill " + expectedBlocks + " block"
                    + (expectedBlocks == 1 ? "" : "s") + " of 10");
        }
        long count = digits(r, 14, 8);
        if (count != f.entryAddenda) {
            issues.error("Entry/Addenda Count", "is " + printable(raw(r, 14, 8)) + ", the file has " + f.entryAddenda
                    + " entry and addenda records");
        }
        long hash = digits(r, 22, 10);
        if (hash != f.hash % HASH_MODULUS) {
            issues.error("Entry Hash", "is " + printable(raw(r, 22, 10)) + ", computed " + pad(f.hash % HASH_MODULUS, 10)
                    + " (sum of all 8-digit RDFI routing numbers, low 10 digits)");
        }
        int width = advOnly ? 20 : 12;
        long debit = f.totalsUnknown ? f.debit : digits(r, 32, width);
        long credit = f.totalsUnknown ? f.credit : digits(r, 32 + width, width);
        if (debit != f.debit) {
            issues.error("Total Debit Entry Dollar Amount in File", "is " + amountField(r, 32, width)
                    + ", the entries add up to " + dollars(f.debit));
        }
        if (credit != f.credit) {
            issues.error("Total Credit Entry Dollar Amount in File", "is " + amountField(r, 32 + width, width)
                    + ", the entries add up to " + dollars(f.credit));
        }
    }
}
