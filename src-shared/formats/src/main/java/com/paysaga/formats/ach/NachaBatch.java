package com.paysaga.formats.ach;

import java.time.LocalDate;

import com.paysaga.formats.domain.Transaction.Attributes;

/**
 * The batch being read: what its batch header said, and the totals its entries add up to so
 * far, which its batch control record must state. One instance per file, reset at each batch
 * header.
 */
final class NachaBatch {

    /** The batch header record as read, for the batch control's field-by-field comparison. */
    final byte[] header = new byte[NachaRecordReader.RECORD_LENGTH];
    SecCode sec;
    /** The entry layout of the batch: its SEC code's, or IAT's for an IAT notification of change. */
    EntryLayout layout;
    int serviceClass;
    String serviceClassText;
    long odfi;
    String odfiRouting;
    long number;
    String numberText;
    LocalDate effectiveDate;
    LocalDate settlementDate;
    String companyName;
    String companyId;
    String entryDescription;
    String companyDiscretionary;
    String descriptiveDate;

    String iatOriginatingCurrency;
    String iatDestinationCurrency;
    String iatDestinationCountry;
    String iatFxIndicator;
    String iatFxReferenceIndicator;
    String iatFxReference;

    long entryAddenda;
    long entries;
    long hash;
    long debit;
    long credit;
    /** An entry's amount was not numeric: the dollar totals can no longer be verified. */
    boolean totalsUnknown;
    long lastTrace;

    private Attributes attributes;

    /** Starts a batch at its header record. */
    void start(byte[] headerRecord) {
        System.arraycopy(headerRecord, 0, header, 0, header.length);
        attributes = null;
        totalsUnknown = false;
        entryAddenda = 0;
        entries = 0;
        hash = 0;
        debit = 0;
        credit = 0;
        lastTrace = -1;
    }

    /** Adds an entry's amount to the control total its transaction code counts in. */
    void addAmount(boolean credit, long amount) {
        if (credit) {
            this.credit += amount;
        } else {
            this.debit += amount;
        }
    }

    /** The batch header's attributes, built once and copied into every transaction of the batch. */
    Attributes attributes() {
        if (attributes == null) {
            attributes = Attributes.builder()
                    .put(AchAttributes.BATCH_NUMBER, numberText)
                    .put(AchAttributes.SERVICE_CLASS_CODE, serviceClassText)
                    .put(AchAttributes.COMPANY_ID, companyId)
                    .put(AchAttributes.COMPANY_ENTRY_DESCRIPTION, entryDescription)
                    .put(AchAttributes.COMPANY_DISCRETIONARY_DATA, companyDiscretionary)
                    .put(AchAttributes.COMPANY_DESCRIPTIVE_DATE, descriptiveDate)
                    .build();
        }
        return attributes;
    }
}
