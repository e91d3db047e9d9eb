package com.paysaga.formats.ach;

import static com.paysaga.formats.ach.NachaFields.raw;
import static com.paysaga.formats.ach.NachaFields.routing9;

import com.paysaga.formats.Format;
import com.paysaga.formats.ParseOptions;
import com.paysaga.formats.ach.AchAttributes.EntryKind;
import com.paysaga.formats.domain.Direction;
import com.paysaga.formats.domain.SensitiveValue;
import com.paysaga.formats.domain.Transaction;
import com.paysaga.formats.domain.Transaction.Attributes;
import com.paysaga.formats.domain.TransactionIds;

/**
 * Canonical transactions from complete entries: the entry's layout decides who the receiver
 * is, its direction which of receiver and originator is the debtor. Amount in cents of USD, as
 * the ACH network settles every entry (IAT's foreign leg is in the attributes); value date the
 * settlement date the ACH operator inserted, else the effective entry date; reference the trace
 * number. Built only for a sink that wants them.
 */
final class NachaTransactions {

    static final String FORMAT_NAME = Format.NACHA.name();
    static final String USD = "USD";

    private final ParseOptions options;
    private final NachaIssues issues;
    private final TransactionIds.Generator ids;
    private final String[] codeTexts = new String[100];
    /** Routing number + 1 (0: empty) and its text, per slot of {@link #routing}'s cache. */
    private final long[] routingKeys = new long[256];
    private final String[] routingTexts = new String[256];
    private final Attributes.Builder attributes = Attributes.builder();
    private final EntryParties parties = new EntryParties();

    NachaTransactions(ParseOptions options, NachaIssues issues) {
        this.options = options;
        this.issues = issues;
        this.ids = TransactionIds.forFile(options.fileId());
    }

    Transaction build(PendingEntry e, NachaBatch b, EntryKind kind, Direction direction, long seq) {
        SecCode s = e.sec;
        byte[] r = e.record;
        String locator = issues.entryLocation(e);
        Attributes.Builder a = attributes.clear();
        a.put(AchAttributes.TRANSACTION_CODE, codeText(e.code));
        a.put(AchAttributes.ACH_ENTRY_TYPE, e.credit ? "CREDIT" : "DEBIT");
        a.put(AchAttributes.ENTRY_KIND, kind.name());
        a.putAll(b.attributes());
        if (e.addenda > 0) {
            a.put(AchAttributes.ADDENDA_COUNT, Integer.toString(e.addenda));
        }
        String remittance = e.remittance.isEmpty() ? null : e.remittance.toString().stripTrailing();

        EntryParties p = parties;
        p.start(routing(e.rdfi, e.checkDigit), b.companyName, b.odfiRouting);
        e.layout.describe(e, s, b, p, a, issues);
        if (e.special) {
            a.put(AchAttributes.TERMINAL_ID, e.terminalId);
            a.put(AchAttributes.TRANSACTION_SERIAL_NUMBER, e.transactionSerial);
            a.put(AchAttributes.TRANSACTION_DATE_MMDD, e.transactionDate);
            a.put(AchAttributes.AUTHORIZATION_CODE, e.authorizationCode);
            a.put(AchAttributes.TERMINAL_LOCATION, e.terminalLocation);
            a.put(AchAttributes.TERMINAL_CITY, e.terminalCity);
            a.put(AchAttributes.TERMINAL_STATE, e.terminalState);
        }
        if (kind == EntryKind.RETURN || kind == EntryKind.DISHONORED_RETURN || kind == EntryKind.CONTESTED_RETURN
                || kind == EntryKind.NOC) {
            a.put(kind == EntryKind.NOC ? AchAttributes.CHANGE_CODE : AchAttributes.RETURN_REASON_CODE, e.reasonCode);
            a.put(AchAttributes.ORIGINAL_TRACE, e.originalTrace);
            a.put(AchAttributes.ORIGINAL_RDFI, e.originalRdfi);
            a.put(AchAttributes.CORRECTED_DATA, e.correctedData);
            a.put(AchAttributes.RETURN_ADDENDA_INFORMATION, e.returnInformation);
            if (e.dateOfDeath != null) {
                a.put(AchAttributes.DATE_OF_DEATH, e.dateOfDeath.toString());
            }
            for (int i = 0; i < e.extraSize; i += 2) {
                a.put(e.extra[i], e.extra[i + 1]);
            }
        }
        if (remittance != null && (s == SecCode.ENR || s == SecCode.DNE)) {
            remittance = maskEnrollmentData(s, remittance);
        }

        SensitiveValue receiverAccount = SensitiveValue.of(p.accountKind, p.account);
        // ADV codes speak for the receiving institution's account, every other code for the receiver's.
        boolean receiverPaid = s == SecCode.ADV ? direction == Direction.CREDIT : direction == Direction.DEBIT;
        String debtorName = receiverPaid ? p.originatorName : p.receiverName;
        SensitiveValue debtorAccount = receiverPaid ? null : receiverAccount;
        String debtorAgent = receiverPaid ? p.originatorAgent : p.receiverAgent;
        String creditorName = receiverPaid ? p.receiverName : p.originatorName;
        SensitiveValue creditorAccount = receiverPaid ? receiverAccount : null;
        String creditorAgent = receiverPaid ? p.receiverAgent : p.originatorAgent;

        return new Transaction(ids.of(locator), options.fileId(), seq, locator, FORMAT_NAME, s.name(), direction,
                e.amount, USD, b.settlementDate != null ? b.settlementDate : b.effectiveDate, b.effectiveDate,
                debtorName, debtorAccount, debtorAgent, creditorName, creditorAccount, creditorAgent,
                raw(r, 80, 15), null, null, remittance, a.build());
    }

    /**
     * ENR and DNE addenda carry an account number and a social security number between
     * asterisks (ENR: code*routing*check*ACCOUNT*SSN*surname*first*class\; DNE: DATE OF
     * DEATH*date*CUSTOMER SSN*SSN*AMOUNT*amount\). Both are masked to the last four.
     */
    static String maskEnrollmentData(SecCode s, String info) {
        String[] parts = info.split("\\*", -1);
        int[] sensitive = s == SecCode.ENR ? new int[] {3, 4} : new int[] {3};
        for (int i : sensitive) {
            if (i < parts.length) {
                parts[i] = ReturnAddenda.maskedOrNull(parts[i].strip());
            }
        }
        return String.join("*", parts);
    }

    /**
     * The 9-digit routing number text, from a small cache: a file pays into a few hundred banks
     * at most, so most entries repeat a receiving bank already seen.
     */
    private String routing(long routing8, int check) {
        long key = routing8 * 10 + check + 1;
        int home = (int) ((key * 0x9E3779B97F4A7C15L) >>> 56);
        int free = -1;
        for (int probe = 0; probe < 4; probe++) {
            int slot = (home + probe) & 0xFF;
            long k = routingKeys[slot];
            if (k == key) {
                return routingTexts[slot];
            }
            if (k == 0 && free < 0) {
                free = slot;
            }
        }
        String text = routing9(routing8, check);
        // When the four slots are taken (a file with very many banks), the home slot is replaced.
        int slot = free >= 0 ? free : home;
        routingKeys[slot] = key;
        routingTexts[slot] = text;
        return text;
    }

    private String codeText(int code) {
        String t = codeTexts[code];
        if (t == null) {
            t = Integer.toString(code);
            codeTexts[code] = t;
        }
        return t;
    }
}
