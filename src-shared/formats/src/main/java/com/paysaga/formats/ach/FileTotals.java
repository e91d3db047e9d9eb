package com.paysaga.formats.ach;

/**
 * What a file's records add up to, for its File Control Record: records and 9-fillers for the
 * block count, batches, and the sums of its batches' counts, hashes and dollar totals.
 */
final class FileTotals {

    long records;
    long fillers;
    long batches;
    long entries;
    long addenda;
    long entryAddenda;
    long hash;
    long debit;
    long credit;
    /** An entry's amount was not numeric: the dollar totals can no longer be verified. */
    boolean totalsUnknown;

    void add(NachaBatch b) {
        entryAddenda += b.entryAddenda;
        hash += b.hash;
        debit += b.debit;
        credit += b.credit;
        totalsUnknown |= b.totalsUnknown;
    }
}
