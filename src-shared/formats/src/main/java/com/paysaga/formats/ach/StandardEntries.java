package com.paysaga.formats.ach;

import static com.paysaga.formats.ach.NachaFields.text;

import com.paysaga.formats.domain.Transaction.Attributes;

/**
 * The standard entry layout — 13–29 DFI Account Number, 30–39 Amount, 40–54 Identification
 * Number, 55–76 Individual or Receiving Company Name, 77–78 Discretionary Data — of PPD, CCD,
 * WEB, TEL, MTE, COR and DNE, and CIE's variant of it, which swaps the name (40–54) and the
 * identification number (55–76).
 */
final class StandardEntries implements EntryLayout {

    static final StandardEntries INSTANCE = new StandardEntries();

    private StandardEntries() {
    }

    @Override
    public long read(byte[] r, PendingEntry e, NachaIssues issues) {
        if (e.sec == SecCode.WEB || e.sec == SecCode.TEL) {
            issues.upperCase(e.record, 77, 2, "Payment Type Code");
        }
        return EntryLayout.domesticAccountAndAmount(r, issues);
    }

    /**
     * TEL and WEB debits: 77–78 Payment Type Code, R (recurring) or S (single entry). A blank
     * one is read as a single entry (Appendix Three, Payment Type Code), so it is a warning.
     */
    @Override
    public void forwardRules(PendingEntry e, SecCode s, NachaIssues issues) {
        byte[] r = e.record;
        if ((s == SecCode.WEB || s == SecCode.TEL) && !e.credit) {
            if (NachaFields.blank(r, 77, 2)) {
                issues.permitted(NachaStrictness.STRICT_PAYMENT_TYPE_CODE, issues.entryLocation(e), "Payment Type Code",
                        "is blank, read as S (single entry) for a " + s + " debit");
            } else if (r[76] != 'R' && r[76] != 'S') {
                issues.entryError(e, "Payment Type Code", "must be R (recurring) or S (single) for " + s + " debits");
            }
        }
    }

    @Override
    public void describe(PendingEntry e, SecCode s, NachaBatch batch, EntryParties p, Attributes.Builder a,
            NachaIssues issues) {
        byte[] r = e.record;
        p.account = text(r, 13, 17);
        if (s.layout == SecCode.Layout.CIE) {
            a.put(AchAttributes.INDIVIDUAL_ID, text(r, 55, 22));
            p.receiverName = text(r, 40, 15);
        } else {
            if (s != SecCode.DNE) {
                // DNE positions 40-54 carry the deceased's SSN: never kept in clear.
                a.put(AchAttributes.INDIVIDUAL_ID, text(r, 40, 15));
            }
            p.receiverName = text(r, 55, 22);
        }
        String discretionary = text(r, 77, 2);
        if (s == SecCode.WEB || s == SecCode.TEL) {
            a.put(AchAttributes.PAYMENT_TYPE_CODE, discretionary);
        } else {
            a.put(AchAttributes.DISCRETIONARY_DATA, discretionary);
        }
    }
}
