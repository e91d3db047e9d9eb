package com.paysaga.formats.ach;

import static com.paysaga.formats.ach.NachaFields.blank;
import static com.paysaga.formats.ach.NachaFields.checkDigit;
import static com.paysaga.formats.ach.NachaFields.digits;
import static com.paysaga.formats.ach.NachaFields.is;
import static com.paysaga.formats.ach.NachaFields.raw;
import static com.paysaga.formats.ach.NachaFields.routing9;
import static com.paysaga.formats.ach.NachaFields.text;
import static com.paysaga.formats.ach.NachaFields.yymmdd;
import static com.paysaga.formats.ach.NachaIssues.printable;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/**
 * Company/Batch Header Records (record type 5; Operating Rules, Appendix Three, record formats),
 * in both layouts: the domestic one and the IAT one, whose positions 5–50 and 64–69 carry the
 * foreign exchange terms, the destination country and the two currencies instead of the
 * company name and descriptive data. Also the rules that span the batches of a file: ascending
 * batch numbers, and ADV batches never sharing a file with others.
 */
final class BatchHeaderRecord {

    private final NachaIssues issues;
    private long lastBatchNumber = -1;
    private boolean advFile;
    private boolean otherFile;
    private boolean mixReported;
    private Set<String> isoCountries;
    private LocalDate fileCreated;

    BatchHeaderRecord(NachaIssues issues) {
        this.issues = issues;
    }

    /** The file header's File Creation Date (null if unusable): an effective date before it is in the past. */
    void fileCreated(LocalDate date) {
        this.fileCreated = date;
    }

    /** Whether every batch so far is an ADV batch, whose controls have 20-digit totals. */
    boolean advOnly() {
        return advFile && !otherFile;
    }

    void read(byte[] r, NachaBatch b) {
        issues.upperCase(r, 51, 3, "Standard Entry Class Code");
        b.start(r);
        b.serviceClass = (int) digits(r, 2, 3);
        b.serviceClassText = raw(r, 2, 3);
        b.sec = SecCode.of(r, 51);
        if (b.sec == null) {
            issues.error("Standard Entry Class Code", "unknown SEC code \"" + printable(raw(r, 51, 3)) + "\"");
        }
        if (b.sec == SecCode.ADV) {
            advFile = true;
            if (b.serviceClass != 280) {
                issues.error("Service Class Code", "ADV batches use service class 280");
            }
        } else {
            otherFile = true;
            if (b.serviceClass != 200 && b.serviceClass != 220 && b.serviceClass != 225) {
                issues.error("Service Class Code", "must be 200 (mixed), 220 (credits only) or 225 (debits only)");
            }
        }
        if (advFile && otherFile && !mixReported) {
            mixReported = true;
            issues.error("Standard Entry Class Code", "ADV batches cannot share a file with other batches");
        }

        // An IAT notification of change is a COR batch in the IAT layout, marked IATCOR in 5-20
        // (the IAT Indicator); its entries carry the IAT addenda before their addenda 98.
        boolean iatLayout = b.sec == SecCode.IAT || (b.sec == SecCode.COR && "IATCOR".equals(text(r, 5, 16)));
        b.layout = iatLayout ? IatEntries.INSTANCE : EntryLayout.of(b.sec);
        if (iatLayout) {
            iat(r, b);
        } else {
            b.companyName = text(r, 5, 16);
            if (b.companyName == null) {
                issues.error("Company Name", "is blank");
            }
            b.companyDiscretionary = text(r, 21, 20);
            b.companyId = text(r, 41, 10);
            if (b.companyId == null) {
                issues.error("Company Identification", "is blank");
            }
            b.descriptiveDate = text(r, 64, 6);
        }
        if (b.sec == SecCode.ENR) {
            issues.upperCase(r, 54, 10, "Company Entry Description");
        }
        b.entryDescription = text(r, 54, 10);
        if (b.entryDescription == null) {
            issues.error("Company Entry Description", "is blank");
        } else if (b.sec == SecCode.ENR && !b.entryDescription.equals("AUTOENROLL")) {
            issues.error("Company Entry Description", "ENR batches must say AUTOENROLL");
        }
        effectiveDate(r, b);
        settlementDate(r, b);
        byte status = r[78];
        if (status != '0' && status != '1' && status != '2') {
            issues.error("Originator Status Code", "must be 0, 1 or 2");
        }
        b.odfi = digits(r, 80, 8);
        if (b.odfi < 0) {
            issues.error("Originating DFI Identification", "must be 8 digits");
            b.odfiRouting = null;
        } else {
            b.odfiRouting = routing9(b.odfi, checkDigit(b.odfi));
        }
        b.number = digits(r, 88, 7);
        b.numberText = b.number < 0 ? printable(raw(r, 88, 7)) : Long.toString(b.number);
        if (b.number < 0) {
            issues.error("Batch Number", "must be 7 digits");
        } else {
            if (lastBatchNumber >= 0 && b.number <= lastBatchNumber) {
                issues.lenient(NachaLeniency.BATCH_NUMBERS, "Batch Number",
                        "batch number " + b.number + " is not greater than the previous batch's " + lastBatchNumber);
            }
            lastBatchNumber = b.number;
        }
    }

    /**
     * 70–75 Effective Entry Date. The ACH Operator settles a batch whose date is blank, zero,
     * invalid or already past at its next settlement opportunity (Appendix Three, Effective
     * Entry Date), so none of them is a reason to reject the file.
     */
    private void effectiveDate(byte[] r, NachaBatch b) {
        b.effectiveDate = yymmdd(r, 70);
        String unusable = null;
        if (b.effectiveDate == null) {
            unusable = blank(r, 70, 6) ? "is blank" : is(r, 70, "000000") ? "is 000000"
                    : "is not a valid YYMMDD date (" + printable(raw(r, 70, 6)) + ")";
        } else if (fileCreated != null && b.effectiveDate.isBefore(fileCreated)) {
            unusable = raw(r, 70, 6) + " is before the File Creation Date "
                    + java.time.format.DateTimeFormatter.ofPattern("yyMMdd").format(fileCreated);
        }
        if (unusable != null) {
            issues.permitted(NachaStrictness.STRICT_EFFECTIVE_ENTRY_DATE, issues.location(), "Effective Entry Date",
                    unusable + "; the ACH Operator settles the batch at its next settlement opportunity");
        }
    }

    /**
     * 76–78 Settlement Date (Julian): inserted by the ACH Operator, left blank by the originator
     * (Appendix Three, Settlement Date), so a blank one is what an originated file must have,
     * and a wrong one is replaced by the operator's.
     */
    private void settlementDate(byte[] r, NachaBatch b) {
        b.settlementDate = null;
        if (blank(r, 76, 3)) {
            if (issues.strict(NachaStrictness.STRICT_SETTLEMENT_DATE)) {
                issues.error("Settlement Date", "is blank: the ACH Operator inserts it when it delivers a file (rejected: "
                        + NachaStrictness.STRICT_SETTLEMENT_DATE + ")");
            }
            return;
        }
        long julian = digits(r, 76, 3);
        if (julian < 1 || julian > 366) {
            issues.permitted(NachaStrictness.STRICT_SETTLEMENT_DATE, issues.location(), "Settlement Date",
                    "is " + printable(raw(r, 76, 3)) + ", not a Julian day 001-366; the ACH Operator inserts its own");
            return;
        }
        LocalDate near = b.effectiveDate != null ? b.effectiveDate : fileCreated;
        if (near != null) {
            b.settlementDate = julianNear(near, (int) julian);
        }
    }

    /** The IAT batch header's own positions 5–50 and 64–69. */
    private void iat(byte[] r, NachaBatch b) {
        issues.upperCase(r, 21, 2, "Foreign Exchange Indicator");
        issues.upperCase(r, 39, 2, "ISO Destination Country Code");
        issues.upperCase(r, 64, 6, "ISO Currency Codes");
        b.companyName = null;
        b.companyDiscretionary = null;
        b.descriptiveDate = null;
        b.iatFxIndicator = raw(r, 21, 2);
        if (!b.iatFxIndicator.equals("FV") && !b.iatFxIndicator.equals("VF") && !b.iatFxIndicator.equals("FF")) {
            issues.error("Foreign Exchange Indicator", "must be FV, VF or FF");
        }
        b.iatFxReferenceIndicator = raw(r, 23, 1);
        byte refIndicator = r[22];
        if (refIndicator != '1' && refIndicator != '2' && refIndicator != '3') {
            issues.error("Foreign Exchange Reference Indicator", "must be 1 (rate), 2 (reference number) or 3 (blank)");
        }
        b.iatFxReference = text(r, 24, 15);
        b.iatDestinationCountry = raw(r, 39, 2);
        if (isoCountries == null) {
            isoCountries = Set.of(Locale.getISOCountries());
        }
        if (!isoCountries.contains(b.iatDestinationCountry)) {
            issues.error("ISO Destination Country Code", "is not an ISO 3166 country code");
        }
        b.companyId = text(r, 41, 10);
        if (b.companyId == null) {
            issues.error("Originator Identification", "is blank");
        }
        b.iatOriginatingCurrency = currency(r, 64, "ISO Originating Currency Code");
        b.iatDestinationCurrency = currency(r, 67, "ISO Destination Currency Code");
        if (b.iatFxIndicator.equals("FF") && b.iatOriginatingCurrency != null && b.iatDestinationCurrency != null
                && !b.iatOriginatingCurrency.equals(b.iatDestinationCurrency)) {
            issues.warning("Foreign Exchange Indicator",
                    "FF (fixed-to-fixed, no conversion) but the originating and destination currencies differ");
        }
    }

    private String currency(byte[] r, int from, String field) {
        String code = raw(r, from, 3);
        try {
            Currency.getInstance(code);
            return code;
        } catch (IllegalArgumentException e) {
            issues.error(field, "is not an ISO 4217 currency code");
            return null;
        }
    }

    /** The Julian day nearest to the effective entry date: settlement is never months away from it. */
    static LocalDate julianNear(LocalDate effective, int julian) {
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
}
