package com.paysaga.formats.ach;

import static com.paysaga.formats.ach.NachaFields.blank;
import static com.paysaga.formats.ach.NachaFields.text;

import com.paysaga.formats.domain.Transaction.Attributes;

/**
 * The check entry layouts: ARC, BOC and RCK (40–54 Check Serial Number, 55–76 Individual Name),
 * POP (40–48 Check Serial Number, 49–52 Terminal City, 53–54 Terminal State, 55–76 Individual
 * Name), XCK and TRC (40–54 Check Serial Number, 55–60 Process Control Field, 61–76 Item
 * Research Number; TRC's 77–78 is an Item Type Indicator). Every one of them names the check it
 * converts, so the serial number is required.
 */
final class CheckEntries implements EntryLayout {

    static final CheckEntries INSTANCE = new CheckEntries();

    private CheckEntries() {
    }

    @Override
    public long read(byte[] r, PendingEntry e, NachaIssues issues) {
        return EntryLayout.domesticAccountAndAmount(r, issues);
    }

    @Override
    public void forwardRules(PendingEntry e, SecCode s, NachaIssues issues) {
        byte[] r = e.record;
        if (s.layout == SecCode.Layout.POP ? blank(r, 40, 9) : blank(r, 40, 15)) {
            issues.entryError(e, "Check Serial Number", "is blank");
        }
        if (s.layout == SecCode.Layout.XCK) {
            // how the destroyed or truncated item is found again: both are required
            if (blank(r, 55, 6)) {
                issues.entryError(e, "Process Control Field", "is blank");
            }
            if (blank(r, 61, 16)) {
                issues.entryError(e, "Item Research Number", "is blank");
            }
        }
    }

    @Override
    public void describe(PendingEntry e, SecCode s, NachaBatch batch, EntryParties p, Attributes.Builder a,
            NachaIssues issues) {
        byte[] r = e.record;
        p.account = text(r, 13, 17);
        switch (s.layout) {
            case POP -> {
                a.put(AchAttributes.CHECK_SERIAL_NUMBER, text(r, 40, 9));
                a.put(AchAttributes.TERMINAL_CITY, text(r, 49, 4));
                a.put(AchAttributes.TERMINAL_STATE, text(r, 53, 2));
                p.receiverName = text(r, 55, 22);
            }
            case XCK -> {
                a.put(AchAttributes.CHECK_SERIAL_NUMBER, text(r, 40, 15));
                a.put(AchAttributes.PROCESS_CONTROL_FIELD, text(r, 55, 6));
                a.put(AchAttributes.ITEM_RESEARCH_NUMBER, text(r, 61, 16));
                if (s == SecCode.TRC) {
                    a.put(AchAttributes.ITEM_TYPE_INDICATOR, text(r, 77, 2));
                    return;
                }
            }
            default -> {
                a.put(AchAttributes.CHECK_SERIAL_NUMBER, text(r, 40, 15));
                p.receiverName = text(r, 55, 22);
            }
        }
        a.put(AchAttributes.DISCRETIONARY_DATA, text(r, 77, 2));
    }
}
