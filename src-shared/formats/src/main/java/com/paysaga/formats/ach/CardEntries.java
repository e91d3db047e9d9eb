package com.paysaga.formats.ach;

import static com.paysaga.formats.ach.NachaFields.digits;
import static com.paysaga.formats.ach.NachaFields.text;

import com.paysaga.formats.domain.Transaction.Attributes;

/**
 * The card entry layouts, whose terminal data follows in an addenda 02: POS (40–54 Individual
 * Identification Number, 55–76 Individual Name) and SHR (40–43 Card Expiration Date, 44–54
 * Document Reference Number, 55–76 Individual Card Account Number); 77–78 Card Transaction
 * Type Code in both.
 */
final class CardEntries implements EntryLayout {

    static final CardEntries INSTANCE = new CardEntries();

    private CardEntries() {
    }

    @Override
    public long read(byte[] r, PendingEntry e, NachaIssues issues) {
        return EntryLayout.domesticAccountAndAmount(r, issues);
    }

    @Override
    public void forwardRules(PendingEntry e, SecCode s, NachaIssues issues) {
        if (s == SecCode.SHR) {
            long mmyy = digits(e.record, 40, 4);
            if (mmyy < 0 || mmyy / 100 < 1 || mmyy / 100 > 12) {
                // The card is verified by its network before the entry exists; card processors
                // zero-fill the field when they do not pass the expiry on.
                issues.entryWarning(e, "Card Expiration Date", "is " + NachaIssues.printable(NachaFields.raw(e.record, 40, 4))
                        + ", not an MMYY date; kept as it is");
            }
        }
    }

    @Override
    public void describe(PendingEntry e, SecCode s, NachaBatch batch, EntryParties p, Attributes.Builder a,
            NachaIssues issues) {
        byte[] r = e.record;
        p.account = text(r, 13, 17);
        if (s.layout == SecCode.Layout.SHR) {
            a.put(AchAttributes.CARD_EXPIRATION_MMYY, text(r, 40, 4));
            a.put(AchAttributes.DOCUMENT_REFERENCE, text(r, 44, 11));
            String card = text(r, 55, 22);
            if (card != null) {
                // The card number is a PAN (PCI DSS): only its last four survive parsing.
                a.put(AchAttributes.CARD_LAST4, card.length() <= 4 ? card : card.substring(card.length() - 4));
            }
        } else {
            a.put(AchAttributes.INDIVIDUAL_ID, text(r, 40, 15));
            p.receiverName = text(r, 55, 22);
        }
        a.put(AchAttributes.CARD_TRANSACTION_TYPE, text(r, 77, 2));
    }
}
