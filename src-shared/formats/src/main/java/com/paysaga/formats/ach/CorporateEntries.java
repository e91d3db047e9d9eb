package com.paysaga.formats.ach;

import static com.paysaga.formats.ach.NachaFields.digits;
import static com.paysaga.formats.ach.NachaFields.text;

import com.paysaga.formats.domain.Transaction.Attributes;

/**
 * The corporate entry layouts, whose addenda may be many: CTX, ENR and TRX (40–54
 * Identification Number, 55–58 Number of Addenda Records, 59–74 Receiving Company Name,
 * 75–76 reserved), ATX (the same with the Original Entry Trace Number in 40–54) and ACK (40–54
 * Original Entry Trace Number, 55–76 Receiving Company Name, a single optional addenda).
 */
final class CorporateEntries implements EntryLayout {

    static final CorporateEntries INSTANCE = new CorporateEntries();

    private CorporateEntries() {
    }

    @Override
    public long read(byte[] r, PendingEntry e, NachaIssues issues) {
        long amount = EntryLayout.domesticAccountAndAmount(r, issues);
        SecCode.Layout layout = e.sec == null ? null : e.sec.layout;
        if (layout == SecCode.Layout.CORPORATE || layout == SecCode.Layout.ATX) {
            e.declaredAddenda = digits(r, 55, 4);
            if (e.declaredAddenda < 0) {
                issues.error("Number of Addenda Records", "must be 4 digits");
            }
        }
        return amount;
    }

    @Override
    public void forwardRules(PendingEntry e, SecCode s, NachaIssues issues) {
        if ((s == SecCode.ACK || s == SecCode.ATX) && digits(e.record, 40, 15) < 0) {
            issues.entryError(e, "Original Entry Trace Number", "must be 15 digits");
        }
    }

    @Override
    public void describe(PendingEntry e, SecCode s, NachaBatch batch, EntryParties p, Attributes.Builder a,
            NachaIssues issues) {
        byte[] r = e.record;
        p.account = text(r, 13, 17);
        if (s.layout == SecCode.Layout.CORPORATE) {
            if (s != SecCode.ENR) {
                a.put(AchAttributes.INDIVIDUAL_ID, text(r, 40, 15));
            }
        } else {
            a.put(AchAttributes.ORIGINAL_TRACE, text(r, 40, 15));
        }
        p.receiverName = s.layout == SecCode.Layout.ACK ? text(r, 55, 22) : text(r, 59, 16);
        String discretionary = text(r, 77, 2);
        a.put(s == SecCode.TRX ? AchAttributes.ITEM_TYPE_INDICATOR : AchAttributes.DISCRETIONARY_DATA, discretionary);
    }
}
