package com.paysaga.formats.ach;

import static com.paysaga.formats.ach.NachaFields.blank;
import static com.paysaga.formats.ach.NachaFields.digits;
import static com.paysaga.formats.ach.NachaFields.text;

import com.paysaga.formats.domain.Transaction.Attributes;

/**
 * The ADV entry layout of an ACH Operator's Automated Accounting Advice: 13–27 DFI Account
 * Number, 28–39 Amount (twelve digits), 40–48 Advice Routing Number, 49–53 File Identification,
 * 54 ACH Operator Data, 55–76 Individual Name, 77–78 Discretionary Data; the trace number is
 * the operator's routing number, the Julian date and a sequence number.
 */
final class AdvEntries implements EntryLayout {

    static final AdvEntries INSTANCE = new AdvEntries();

    private AdvEntries() {
    }

    @Override
    public long read(byte[] r, PendingEntry e, NachaIssues issues) {
        if (blank(r, 13, 15)) {
            issues.error("DFI Account Number", "is blank");
        }
        long amount = digits(r, 28, 12);
        if (digits(r, 40, 9) < 0) {
            issues.error("Advice Routing Number", "must be 9 digits");
        }
        return amount;
    }

    @Override
    public void forwardRules(PendingEntry e, SecCode s, NachaIssues issues) {
        // an advice has no layout-specific requirements beyond its transaction codes (81-88)
    }

    @Override
    public void describe(PendingEntry e, SecCode s, NachaBatch batch, EntryParties p, Attributes.Builder a,
            NachaIssues issues) {
        byte[] r = e.record;
        p.account = text(r, 13, 15);
        p.receiverName = text(r, 55, 22);
        a.put(AchAttributes.ADV_ROUTING_NUMBER, text(r, 40, 9));
        a.put(AchAttributes.ADV_FILE_IDENTIFICATION, text(r, 49, 5));
        a.put(AchAttributes.DISCRETIONARY_DATA, text(r, 77, 2));
    }
}
