package com.paysaga.formats.ach;

import java.util.Set;
import java.util.TreeSet;

import com.paysaga.formats.ach.AchAttributes.EntryKind;

/**
 * The rules an entry is judged by once its addenda are complete: the addenda it announced, the
 * transaction codes, amounts and addenda its SEC code allows (Operating Rules, Appendix Three
 * and the SEC code's own rules), and what it is — a payment, a zero-dollar or non-monetary
 * entry, a return, a notification of change, or a prenotification, which is not emitted.
 */
final class EntryRules {

    private final NachaIssues issues;

    EntryRules(NachaIssues issues) {
        this.issues = issues;
    }

    /** The kind of transaction the entry becomes, or null when it becomes none. */
    EntryKind complete(PendingEntry e, NachaBatch b) {
        SecCode s = e.sec;
        if (e.indicator == '1' && e.addenda == 0) {
            issues.entryError(e, "Addenda Record Indicator", "is 1 but no addenda record follows");
        } else if (e.indicator == '0' && e.addenda > 0) {
            issues.entryError(e, "Addenda Record Indicator", "is 0 but " + e.addenda + " addenda record"
                    + (e.addenda == 1 ? " follows" : "s follow"));
        }
        if (e.declaredAddenda >= 0 && e.declaredAddenda != e.addenda) {
            if (e.iat() && e.declaredAddenda == 7 && e.iatNext > 16) {
                // The field counts all addenda, but widely used generators write 0007 (the
                // mandatory 10-16) whatever follows; the records themselves are complete.
                issues.entryWarning(e, "Number of Addenda Records", "says 7 (the mandatory IAT addenda), but "
                        + e.addenda + " addenda records follow");
            } else {
                issues.entryError(e, "Number of Addenda Records", "says " + e.declaredAddenda + ", but " + e.addenda
                        + " addenda record" + (e.addenda == 1 ? " follows" : "s follow"));
            }
        }
        if (s == null || e.code < 0 || e.amount < 0) {
            return null;
        }
        int code = e.code;
        EntryKind kind;
        switch (e.category) {
            case RETURN, DISHONORED_RETURN, CONTESTED_RETURN -> {
                kind = e.category == PendingEntry.Category.RETURN ? EntryKind.RETURN
                        : e.category == PendingEntry.Category.DISHONORED_RETURN ? EntryKind.DISHONORED_RETURN
                        : EntryKind.CONTESTED_RETURN;
                if (!TransactionCodes.returnOrNoc(code)) {
                    issues.entryError(e, "Transaction Code", "a return (addenda 99) must use a return code such as 21 or 26, not "
                            + code);
                }
            }
            case NOC -> {
                kind = EntryKind.NOC;
                if (!TransactionCodes.returnOrNoc(code)) {
                    issues.entryError(e, "Transaction Code", "a notification of change must use a code such as 21 or 26, not "
                            + code);
                }
                if (e.amount != 0) {
                    issues.entryError(e, "Amount", "a notification of change must have amount zero");
                }
            }
            default -> kind = forward(e, s);
        }
        return kind == null || !e.ok ? null : kind;
    }

    /** Rules for forward entries; the kind to emit, or null for a prenotification (not emitted). */
    private EntryKind forward(PendingEntry e, SecCode s) {
        int code = e.code;
        if (TransactionCodes.returnOrNoc(code)) {
            issues.entryError(e, "Transaction Code", code + " is for returns and notifications of change, but the entry has no addenda 98/99");
        }
        if (s == SecCode.COR) {
            issues.entryError(e, "Addenda Type Code", "a COR entry needs an addenda 98");
        }
        if (e.addenda < s.minAddenda) {
            issues.entryError(e, "Addenda Record Indicator", s + " entries need " + (s == SecCode.IAT ? "the addenda 10-16"
                    : s.minAddenda == 1 ? "an addenda record" : "at least " + s.minAddenda + " addenda records"));
        } else if (s == SecCode.IAT && e.iatNext <= 16) {
            issues.entryError(e, "Addenda Type Code", "IAT entry without its mandatory addenda " + e.iatNext + "-16");
        }
        Set<Integer> only = s.onlyCodes();
        if (only != null && !only.contains(code)) {
            issues.entryError(e, "Transaction Code", s + " entries use transaction codes " + new TreeSet<>(only) + ", not " + code);
        }
        if (s.flow == SecCode.Flow.DEBITS && e.credit && !TransactionCodes.returnOrNoc(code)) {
            issues.entryError(e, "Transaction Code", s + " entries are debits only");
        } else if (s.flow == SecCode.Flow.CREDITS && !e.credit) {
            issues.entryError(e, "Transaction Code", s + " entries are credits only");
        }
        if (s.maxAmount > 0 && e.amount > s.maxAmount) {
            issues.entryError(e, "Amount", s + " entries are limited to " + NachaIssues.dollars(s.maxAmount));
        }
        e.layout.forwardRules(e, s, issues);

        if (TransactionCodes.prenote(code)) {
            if (e.amount != 0) {
                issues.entryError(e, "Amount", "a prenotification (code " + code + ") must have amount zero");
            }
            // DNE and ENR are carried on prenotification codes by rule but are a notice and an
            // enrolment, not a prenote.
            return s == SecCode.DNE || s == SecCode.ENR ? EntryKind.NON_MONETARY : null;
        }
        if (TransactionCodes.zeroDollar(code)) {
            if (!s.zeroDollar) {
                issues.entryError(e, "Transaction Code", "zero-dollar code " + code + " is only allowed for CCD, CTX, IAT, ACK and ATX");
            }
            if (e.amount != 0) {
                issues.entryError(e, "Amount", "a zero-dollar entry (code " + code + ") must have amount zero");
            }
            return EntryKind.ZERO_DOLLAR;
        }
        if (s.zeroAmountOnly()) {
            if (e.amount != 0) {
                issues.entryError(e, "Amount", s + " entries must have amount zero");
            }
            return EntryKind.NON_MONETARY;
        }
        if (e.amount == 0) {
            issues.entryError(e, "Amount", "is zero for a live entry (code " + code + "); use a prenotification or zero-dollar code");
        }
        return EntryKind.LIVE;
    }
}
