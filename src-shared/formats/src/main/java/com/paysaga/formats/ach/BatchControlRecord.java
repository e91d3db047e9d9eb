package com.paysaga.formats.ach;

import static com.paysaga.formats.ach.NachaFields.blank;
import static com.paysaga.formats.ach.NachaFields.digits;
import static com.paysaga.formats.ach.NachaFields.raw;
import static com.paysaga.formats.ach.NachaFields.text;
import static com.paysaga.formats.ach.NachaIssues.amountField;
import static com.paysaga.formats.ach.NachaIssues.dollars;
import static com.paysaga.formats.ach.NachaIssues.pad;
import static com.paysaga.formats.ach.NachaIssues.printable;

/**
 * The Company/Batch Control Record (record type 8; Operating Rules, Appendix Three,
 * record formats): what the batch states about itself — entry/addenda count, entry hash, debit and
 * credit totals — against what its entries add up to, and the fields it repeats from the batch
 * header. ADV batch controls have 20-digit totals in 21–60 and no company identification.
 */
final class BatchControlRecord {

    static final long HASH_MODULUS = 10_000_000_000L;

    private BatchControlRecord() {
    }

    static void check(byte[] r, NachaBatch b, NachaIssues issues) {
        boolean adv = b.sec == SecCode.ADV;
        String record = "; batch control record of batch " + b.numberText;
        if (b.entries == 0) {
            issues.error("", "batch " + b.numberText + " has no entry detail records");
        }
        if (digits(r, 2, 3) != b.serviceClass || b.serviceClass < 0) {
            issues.error("Service Class Code", "is " + printable(raw(r, 2, 3)) + ", the batch header says "
                    + printable(b.serviceClassText));
        }
        long count = digits(r, 5, 6);
        if (count != b.entryAddenda) {
            issues.error("Entry/Addenda Count", "is " + printable(raw(r, 5, 6)) + ", the batch has " + b.entryAddenda
                    + " entry and addenda records" + record);
        }
        long hash = digits(r, 11, 10);
        if (hash != b.hash % HASH_MODULUS) {
            issues.error("Entry Hash", "is " + printable(raw(r, 11, 10)) + ", computed " + pad(b.hash % HASH_MODULUS, 10)
                    + " (sum of the batch's 8-digit RDFI routing numbers, low 10 digits)" + record);
        }
        int width = adv ? 20 : 12;
        long debit = b.totalsUnknown ? b.debit : digits(r, 21, width);
        long credit = b.totalsUnknown ? b.credit : digits(r, 21 + width, width);
        if (debit != b.debit) {
            issues.error("Total Debit Entry Dollar Amount", "is " + amountField(r, 21, width)
                    + ", the batch's debit entries add up to " + dollars(b.debit) + record);
        }
        if (credit != b.credit) {
            issues.error("Total Credit Entry Dollar Amount", "is " + amountField(r, 21 + width, width)
                    + ", the batch's credit entries add up to " + dollars(b.credit) + record);
        }
        byte[] header = b.header;
        // IAT batch controls commonly leave the Company Identification blank: the header has
        // an Originator Identification in its place.
        if (!adv && !(b.layout == IatEntries.INSTANCE && blank(r, 45, 10)) && !same(r, 44, header, 40, 10)) {
            String stated = text(r, 45, 10);
            if (stated != null && stated.equals(text(header, 41, 10))) {
                // the same identifier, padded on the other side: what the Rules ask is that it is the same
                issues.warning("Company Identification", "\"" + printable(stated) + "\" is aligned differently from the "
                        + "batch header's (blanks on the other side)");
            } else {
                issues.error("Company Identification", "differs from the batch header's");
            }
        }
        if (!same(r, 79, header, 79, 8)) {
            issues.error("Originating DFI Identification", "differs from the batch header's");
        }
        if (!same(r, 87, header, 87, 7)) {
            issues.error("Batch Number", "is " + printable(raw(r, 88, 7)) + ", the batch header says " + b.numberText);
        }
    }

    /** Whether {@code a[from..from+len)} equals {@code b[bFrom..bFrom+len)} (0-based offsets). */
    private static boolean same(byte[] a, int from, byte[] b, int bFrom, int len) {
        for (int i = 0; i < len; i++) {
            if (a[from + i] != b[bFrom + i]) {
                return false;
            }
        }
        return true;
    }
}
