package com.paysaga.formats.iso20022;

/** Named partner-profile options that relax one strict ISO 20022 rule each (ParseOptions.leniencies). */
public final class Iso20022Leniency {

    /**
     * The TxDtls of a batch-booked entry need not add up to the entry amount: some banks report
     * only part of a batch, or net charges into the entry. The mismatch becomes a warning.
     */
    public static final String ENTRY_DETAILS_SUM = "ISO20022_ENTRY_DETAILS_SUM";

    private Iso20022Leniency() {
    }
}
