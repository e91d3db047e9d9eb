package com.paysaga.formats.ach;

import java.util.Set;

/**
 * The Standard Entry Class codes of the NACHA Operating Rules, with what the rules say about
 * each: the layout of entry positions 40–78, which addenda a forward entry may carry, which
 * transaction codes and amounts are allowed.
 */
enum SecCode {
    /** Prearranged Payment and Deposit: consumer payroll, bill payment; PPD+ carries one addenda 05. */
    PPD(Layout.STANDARD, AddendaKind.A05, 0, 1, Flow.BOTH, 0, false),
    /** Corporate Credit or Debit; CCD+ carries one addenda 05; zero-dollar remittance allowed. */
    CCD(Layout.STANDARD, AddendaKind.A05, 0, 1, Flow.BOTH, 0, true),
    /** Corporate Trade Exchange: up to 9,999 addenda 05 carrying an X12 payment order, counted in the entry. */
    CTX(Layout.CORPORATE, AddendaKind.A05, 0, 9999, Flow.BOTH, 0, true),
    /** Internet-initiated/mobile entry; positions 77–78 hold the Payment Type Code (R recurring, S single). */
    WEB(Layout.STANDARD, AddendaKind.A05, 0, 1, Flow.BOTH, 0, false),
    /** Telephone-initiated entry: consumer debits only, no addenda. */
    TEL(Layout.STANDARD, AddendaKind.NONE, 0, 0, Flow.DEBITS, 0, false),
    /** International ACH Transaction: addenda 10–16 mandatory, up to two 17 and five 18; zero-dollar codes allowed. */
    IAT(Layout.IAT, AddendaKind.IAT, 7, 14, Flow.BOTH, 0, true),
    /** Accounts Receivable check conversion: debits only, check serial number, at most $25,000. */
    ARC(Layout.CHECK, AddendaKind.NONE, 0, 0, Flow.DEBITS, 2_500_000L, false),
    /** Back Office Conversion: debits only, check serial number, at most $25,000. */
    BOC(Layout.CHECK, AddendaKind.NONE, 0, 0, Flow.DEBITS, 2_500_000L, false),
    /** Point-of-Purchase check conversion: debits only, serial + terminal city/state, at most $25,000. */
    POP(Layout.POP, AddendaKind.NONE, 0, 0, Flow.DEBITS, 2_500_000L, false),
    /** Point-of-Sale card entry: one addenda 02 with terminal data. */
    POS(Layout.CARD, AddendaKind.A02, 1, 1, Flow.BOTH, 0, false),
    /** Re-presented Check: debits only, at most $2,500. */
    RCK(Layout.CHECK, AddendaKind.NONE, 0, 0, Flow.DEBITS, 250_000L, false),
    /** Shared Network card entry: card number and expiry in the entry, one addenda 02. */
    SHR(Layout.SHR, AddendaKind.A02, 1, 1, Flow.BOTH, 0, false),
    /** Machine Transfer Entry (ATM): one addenda 02. */
    MTE(Layout.STANDARD, AddendaKind.A02, 1, 1, Flow.BOTH, 0, false),
    /** Automated Accounting Advice from an ACH operator: its own entry and control layouts. */
    ADV(Layout.ADV, AddendaKind.NONE, 0, 0, Flow.BOTH, 0, false),
    /** Notification of Change: zero-amount entries with one addenda 98. */
    COR(Layout.STANDARD, AddendaKind.A98, 1, 1, Flow.BOTH, 0, false),
    /**
     * Automated Enrollment Entry to a federal agency: zero amount, addenda 05 counted in the entry;
     * prenotification credit codes 23/33 as the Rules give them, or 22/27/32/37 as enrolment
     * software also writes them.
     */
    ENR(Layout.CORPORATE, AddendaKind.A05, 1, 9999, Flow.BOTH, 0, false),
    /**
     * Check Truncation Entries Exchange: debits of truncated checks, addenda 05 counted in the
     * entry, 77–78 Item Type Indicator.
     */
    TRX(Layout.CORPORATE, AddendaKind.A05, 0, 9999, Flow.DEBITS, 0, false),
    /**
     * Truncated Entry: a debit for a truncated check; check serial number, process control field
     * and item research number as XCK, 77–78 Item Type Indicator; no addenda.
     */
    TRC(Layout.XCK, AddendaKind.NONE, 0, 0, Flow.DEBITS, 0, false),
    /** Destroyed Check Entry: debits only, at most $2,500, process control field and item research number. */
    XCK(Layout.XCK, AddendaKind.NONE, 0, 0, Flow.DEBITS, 250_000L, false),
    /** Death Notification Entry from a federal agency: zero amount, codes 23/33, one addenda 05. */
    DNE(Layout.STANDARD, AddendaKind.A05, 1, 1, Flow.BOTH, 0, false),
    /** Customer-Initiated Entry (bill payment through a bank): credits only, name and id swapped. */
    CIE(Layout.CIE, AddendaKind.A05, 0, 1, Flow.CREDITS, 0, false),
    /** Acknowledgment of a CCD: zero-dollar codes 24/34, original trace in positions 40–54. */
    ACK(Layout.ACK, AddendaKind.A05, 0, 1, Flow.BOTH, 0, true),
    /** Acknowledgment of a CTX: zero-dollar codes 24/34, original trace, counted addenda 05. */
    ATX(Layout.ATX, AddendaKind.A05, 0, 9999, Flow.BOTH, 0, true);

    /** How entry positions 40–78 are used. */
    enum Layout {
        /** 40–54 identification number, 55–76 individual / receiving company name, 77–78 discretionary. */
        STANDARD,
        /** 40–54 identification, 55–58 number of addenda, 59–74 receiving company, 75–76 reserved. */
        CORPORATE,
        /** 40–54 original entry trace, 55–58 number of addenda, 59–74 receiving company. */
        ATX,
        /** 40–54 original entry trace, 55–76 receiving company name. */
        ACK,
        /** 40–54 individual name, 55–76 individual identification number. */
        CIE,
        /** 40–54 check serial number, 55–76 individual name. */
        CHECK,
        /** 40–48 check serial number, 49–52 terminal city, 53–54 terminal state, 55–76 individual name. */
        POP,
        /** 40–54 check serial number, 55–60 process control field, 61–76 item research number (XCK, TRC). */
        XCK,
        /** 40–54 individual identification, 55–76 individual name, 77–78 card transaction type. */
        CARD,
        /** 40–43 card expiration MMYY, 44–54 document reference, 55–76 card account number, 77–78 card transaction type. */
        SHR,
        /** Positions 13–78 differ entirely; see the IAT entry layout. */
        IAT,
        /** Positions 13–94 differ entirely; see the ADV entry layout. */
        ADV
    }

    enum AddendaKind { NONE, A02, A05, A98, IAT }

    enum Flow { BOTH, CREDITS, DEBITS }

    final Layout layout;
    final AddendaKind addenda;
    final int minAddenda;
    final int maxAddenda;
    final Flow flow;
    /** Largest allowed amount in cents, 0 when the rules set none. */
    final long maxAmount;
    /** Whether zero-dollar remittance codes (24/29/34/39/44/49/54) are allowed. */
    final boolean zeroDollar;
    private final Set<Integer> onlyCodes;

    SecCode(Layout layout, AddendaKind addenda, int minAddenda, int maxAddenda, Flow flow, long maxAmount,
            boolean zeroDollar) {
        this.layout = layout;
        this.addenda = addenda;
        this.minAddenda = minAddenda;
        this.maxAddenda = maxAddenda;
        this.flow = flow;
        this.maxAmount = maxAmount;
        this.zeroDollar = zeroDollar;
        this.onlyCodes = restrictedCodes(name());
    }

    /** Entries whose positions 55–58 count the addenda records. */
    boolean countsAddenda() {
        return layout == Layout.CORPORATE || layout == Layout.ATX || layout == Layout.IAT;
    }

    /** Codes the rules restrict this SEC code's forward entries to, or null when the general rules apply. */
    Set<Integer> onlyCodes() {
        return onlyCodes;
    }

    private static Set<Integer> restrictedCodes(String sec) {
        return switch (sec) {
            case "ENR" -> Set.of(22, 23, 27, 32, 33, 37);
            case "DNE" -> Set.of(23, 33);
            case "ACK", "ATX" -> Set.of(24, 34);
            default -> null;
        };
    }

    /** Non-monetary SEC codes: the rules require amount zero for every entry. */
    boolean zeroAmountOnly() {
        return this == ENR || this == DNE || this == ACK || this == ATX || this == COR;
    }

    /** The SEC code in positions 51–53 of a batch header, or null. */
    static SecCode of(byte[] r, int from) {
        int a = r[from - 1];
        int b = r[from];
        int c = r[from + 1];
        for (SecCode s : VALUES) {
            String n = s.name();
            if (n.charAt(0) == a && n.charAt(1) == b && n.charAt(2) == c) {
                return s;
            }
        }
        return null;
    }

    private static final SecCode[] VALUES = values();
}
