package com.paysaga.formats.ach;

import static com.paysaga.formats.ach.NachaFields.blank;
import static com.paysaga.formats.ach.NachaFields.digits;

import com.paysaga.formats.domain.Transaction.Attributes;

/**
 * What an entry detail record means beyond its common fields, for one family of SEC codes that
 * share an entry layout (Operating Rules, Appendix Three, which gives one entry detail record
 * format per SEC code): which positions hold the account, the amount and the receiver, which
 * fields the rules require, and what is kept as attributes. The families are named after the
 * layouts of {@link SecCode.Layout}.
 */
interface EntryLayout {

    /**
     * Checks the layout's own fields of positions 13–78 (account, amount, counted addenda) and
     * returns the amount in cents, or -1 when it is not numeric.
     */
    long read(byte[] r, PendingEntry e, NachaIssues issues);

    /** The rules of the Operating Rules for forward entries of this layout's SEC codes. */
    void forwardRules(PendingEntry e, SecCode s, NachaIssues issues);

    /** The receiver's side of the transaction, and the layout's attributes. */
    void describe(PendingEntry e, SecCode s, NachaBatch batch, EntryParties parties, Attributes.Builder a,
            NachaIssues issues);

    /** The family of a SEC code; the domestic standard one when the SEC code is unknown. */
    static EntryLayout of(SecCode s) {
        if (s == null) {
            return StandardEntries.INSTANCE;
        }
        return switch (s.layout) {
            case STANDARD, CIE -> StandardEntries.INSTANCE;
            case CORPORATE, ATX, ACK -> CorporateEntries.INSTANCE;
            case CHECK, POP, XCK -> CheckEntries.INSTANCE;
            case CARD, SHR -> CardEntries.INSTANCE;
            case IAT -> IatEntries.INSTANCE;
            case ADV -> AdvEntries.INSTANCE;
        };
    }

    /** Positions 13–29 DFI Account Number and 30–39 Amount, as every domestic layout but ADV has them. */
    static long domesticAccountAndAmount(byte[] r, NachaIssues issues) {
        if (blank(r, 13, 17)) {
            issues.error("DFI Account Number", "is blank");
        }
        return digits(r, 30, 10);
    }
}
