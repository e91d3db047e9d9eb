package com.paysaga.formats.ach;

import static com.paysaga.formats.ach.NachaFields.digits;
import static com.paysaga.formats.ach.NachaFields.raw;
import static com.paysaga.formats.ach.NachaFields.text;
import static com.paysaga.formats.ach.NachaIssues.printable;

/**
 * Addenda Records (record type 7; Operating Rules, Appendix Three, record formats) by their
 * Addenda Type Code: 02 terminal data of card entries (MTE, POS, SHR), 05 payment-related
 * information, 98 notifications of change and 99 returns ({@link ReturnAddenda}), 10–18 the
 * IAT addenda ({@link IatAddenda}). Each is added to the entry it follows.
 */
final class AddendaRecord {

    private static final long SEVEN_DIGITS = 10_000_000L;
    private static final int MAX_TEXT_ADDENDA = 9999;

    private final NachaIssues issues;
    private final ReturnAddenda returns;
    private final IatAddenda iat;

    AddendaRecord(NachaIssues issues) {
        this.issues = issues;
        this.returns = new ReturnAddenda(issues);
        this.iat = new IatAddenda(issues);
    }

    void read(byte[] r, PendingEntry e) {
        e.addenda++;
        int type = (int) digits(r, 2, 2);
        SecCode s = e.sec;
        switch (type) {
            case 2 -> {
                if (s != null && s.addenda != SecCode.AddendaKind.A02) {
                    issues.error("Addenda Type Code", "addenda 02 is only used by MTE, POS and SHR entries");
                }
                addenda02(r, e);
            }
            case 5 -> {
                if (s != null && s.addenda != SecCode.AddendaKind.A05) {
                    issues.error("Addenda Type Code", "addenda 05 is not used by " + s + " entries");
                }
                addenda05(r, e);
            }
            case 98 -> returns.addenda98(r, e);
            case 99 -> returns.addenda99(r, e);
            case 10, 11, 12, 13, 14, 15, 16, 17, 18 -> {
                if (!e.iat()) {
                    issues.error("Addenda Type Code", "addenda " + type + " is only used by IAT entries");
                    return;
                }
                iat.read(r, e, type);
            }
            default -> issues.error("Addenda Type Code", type < 0 ? "is not numeric" : "unknown addenda type " + raw(r, 2, 2));
        }
    }

    /** Addenda 02: 4–10 Reference Information #1, 11–13 #2, 14–19 Terminal Identification Code, … */
    private void addenda02(byte[] r, PendingEntry e) {
        if (e.special) {
            issues.error("Addenda Type Code", "only one addenda 02 per entry");
            return;
        }
        e.special = true;
        e.refInfo1 = text(r, 4, 7);
        e.refInfo2 = text(r, 11, 3);
        e.terminalId = text(r, 14, 6);
        e.transactionSerial = text(r, 20, 6);
        e.transactionDate = text(r, 26, 4);
        long mmdd = digits(r, 26, 4);
        if (mmdd < 0 || mmdd / 100 < 1 || mmdd / 100 > 12 || mmdd % 100 < 1 || mmdd % 100 > 31) {
            issues.error("Transaction Date", "must be a valid MMDD date");
        }
        e.authorizationCode = text(r, 30, 6);
        e.terminalLocation = text(r, 36, 27);
        e.terminalCity = text(r, 63, 15);
        e.terminalState = text(r, 78, 2);
        addendaTrace(r, e, issues);
    }

    /** Addenda 05: 4–83 Payment Related Information, 84–87 Addenda Sequence Number, 88–94 Entry Detail Sequence Number. */
    private void addenda05(byte[] r, PendingEntry e) {
        SecCode sec = e.sec;
        e.count05++;
        long seq = digits(r, 84, 4);
        if (seq != e.count05) {
            issues.error("Addenda Sequence Number", "is " + printable(raw(r, 84, 4)) + ", expected " + e.count05);
        }
        entryDetailSequence(r, e, issues);
        if (sec != null && e.count05 > sec.maxAddenda) {
            issues.error("Addenda Type Code", sec + " entries carry at most " + sec.maxAddenda + " addenda 05 record"
                    + (sec.maxAddenda == 1 ? "" : "s"));
            return;
        }
        if (e.count05 <= MAX_TEXT_ADDENDA) {
            if (sec != null && sec.countsAddenda()) {
                // CTX/ATX/ENR/TRX: an X12 (or rule-defined) payload cut into 80-character pieces;
                // blanks inside belong to it, so pieces are joined as they are.
                e.remittance.append(raw(r, 4, 80));
            } else {
                appendText(e.remittance, text(r, 4, 80));
            }
        }
    }

    /** Free-text pieces of one entry's remittance, joined by a blank. */
    static void appendText(StringBuilder remittance, String info) {
        if (info != null) {
            if (!remittance.isEmpty()) {
                remittance.append(' ');
            }
            remittance.append(info);
        }
    }

    /** An addenda's own Trace Number (02, 98, 99: positions 80–94) repeats its entry's. */
    static void addendaTrace(byte[] r, PendingEntry e, NachaIssues issues) {
        long trace = digits(r, 80, 15);
        if (e.trace >= 0 && trace != e.trace) {
            issues.lenient(NachaLeniency.TRACE_NUMBERS, "Trace Number",
                    "differs from the trace number of its entry detail record");
        }
    }

    /** Positions 88–94 of addenda 05 and IAT addenda: the last seven digits of the entry's trace number. */
    static void entryDetailSequence(byte[] r, PendingEntry e, NachaIssues issues) {
        long seq = digits(r, 88, 7);
        if (e.trace >= 0 && seq != e.trace % SEVEN_DIGITS) {
            issues.error("Entry Detail Sequence Number", "must be the last seven digits of the entry's trace number");
        }
    }
}
