package com.paysaga.formats.ach;

import static com.paysaga.formats.ach.NachaFields.checkDigit;
import static com.paysaga.formats.ach.NachaFields.digits;
import static com.paysaga.formats.ach.NachaFields.raw;
import static com.paysaga.formats.ach.NachaFields.routing9;

/**
 * The fields every Entry Detail Record (record type 6; Operating Rules, Appendix Three,
 * record formats) has in the same place — 2–3 Transaction Code, 4–11 Receiving DFI
 * Identification, 12 Check Digit, 79 Addenda Record Indicator, 80–94 Trace Number — and what
 * the batch's totals take from each entry. The rest of the record is read by the
 * {@link EntryLayout} of the batch's SEC code.
 */
final class EntryDetailRecord {

    private static final long SEVEN_DIGITS = 10_000_000L;

    private final NachaIssues issues;

    EntryDetailRecord(NachaIssues issues) {
        this.issues = issues;
    }

    /** Reads the entry into {@code e} and adds it to the batch's hash and totals. */
    void read(byte[] r, long number, NachaBatch b, PendingEntry e) {
        SecCode s = b.sec;
        e.start(r, s, b.layout, number, null);
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
            issues.error("Transaction Code", (code < 0 ? "is not numeric" : code + " is not a valid transaction code")
                    + (adv ? " for ADV (81-88)" : ""));
            e.ok = false;
        } else {
            e.code = code;
        }
        long rdfi = digits(r, 4, 8);
        e.rdfi = rdfi;
        if (rdfi < 0) {
            issues.error("Receiving DFI Identification", "must be 8 digits");
            e.ok = false;
        } else {
            b.hash += rdfi;
        }
        int check = r[11] - '0';
        if (check < 0 || check > 9) {
            issues.error("Check Digit", "must be a digit");
            e.ok = false;
        } else {
            e.checkDigit = check;
            if (rdfi >= 0 && checkDigit(rdfi) != check) {
                issues.lenient(NachaLeniency.CHECK_DIGIT, "Check Digit", "routing number "
                        + routing9(rdfi, check) + " has check digit " + check + ", expected " + checkDigit(rdfi));
            }
        }

        long amount = b.layout.read(r, e, issues);
        if (amount < 0) {
            issues.error("Amount", "must be numeric");
            e.ok = false;
            // The batch's and the file's dollar totals can no longer be verified: one error, not three.
            b.totalsUnknown = true;
        } else {
            e.amount = amount;
            if (code >= 0) {
                b.addAmount(e.credit, amount);
            }
        }

        byte indicator = r[78];
        e.indicator = indicator;
        if (indicator != '0' && indicator != '1') {
            issues.error("Addenda Record Indicator", "must be 0 or 1");
        }
        trace(r, b, e, adv);

        if (e.code >= 0 && !adv) {
            if (b.serviceClass == 220 && !e.credit) {
                issues.lenient(NachaLeniency.SERVICE_CLASS_MISMATCH, "Transaction Code",
                        "debit entry in a credits-only batch (service class 220)");
            } else if (b.serviceClass == 225 && e.credit) {
                issues.lenient(NachaLeniency.SERVICE_CLASS_MISMATCH, "Transaction Code",
                        "credit entry in a debits-only batch (service class 225)");
            }
        }
    }

    /** Trace numbers ascend within a batch and start with the ODFI's routing number (not ADV's). */
    private void trace(byte[] r, NachaBatch b, PendingEntry e, boolean adv) {
        long trace = digits(r, 80, 15);
        if (trace < 0) {
            issues.error("Trace Number", "must be 15 digits");
            e.ok = false;
            return;
        }
        e.trace = trace;
        if (b.lastTrace >= 0 && trace <= b.lastTrace) {
            issues.lenient(NachaLeniency.TRACE_NUMBERS, "Trace Number",
                    "trace number " + raw(r, 80, 15) + " is not greater than the previous entry's");
        }
        if (!adv && b.odfi >= 0 && trace / SEVEN_DIGITS != b.odfi) {
            issues.lenient(NachaLeniency.TRACE_NUMBERS, "Trace Number",
                    "trace number does not start with the batch's ODFI identification " + raw(b.header, 80, 8));
        }
        b.lastTrace = trace;
    }
}
