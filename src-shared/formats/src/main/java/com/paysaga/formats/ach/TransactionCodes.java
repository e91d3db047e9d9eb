package com.paysaga.formats.ach;

/**
 * NACHA transaction codes (entry positions 2–3). The first digit is the account type
 * (2 checking, 3 savings, 4 general ledger, 5 loan); the second what the entry does, from the
 * receiver's side: 1 return/NOC of a credit, 2 credit, 3 credit prenotification, 4 zero-dollar
 * credit with remittance data; 6 return/NOC of a debit, 7 debit, 8 debit prenotification,
 * 9 zero-dollar debit with remittance data; 5 only as 55, loan debit (reversals only).
 * ADV advices use 81–88: odd codes credit, even codes debit the receiving institution.
 */
final class TransactionCodes {

    private TransactionCodes() {
    }

    static boolean valid(int code) {
        int account = code / 10;
        int kind = code % 10;
        return switch (account) {
            case 2, 3, 4 -> kind != 0 && kind != 5;
            case 5 -> kind >= 1 && kind <= 6;
            default -> false;
        };
    }

    static boolean validAdv(int code) {
        return code >= 81 && code <= 88;
    }

    /** Which control total the entry counts in: credit for x1–x4, debit for x5–x9 (ADV: odd codes). */
    static boolean credit(int code) {
        if (code >= 80) {
            return code % 2 == 1;
        }
        return code % 10 <= 4;
    }

    static boolean returnOrNoc(int code) {
        int kind = code % 10;
        return code < 80 && (kind == 1 || kind == 6);
    }

    static boolean prenote(int code) {
        int kind = code % 10;
        return code < 80 && (kind == 3 || kind == 8);
    }

    static boolean zeroDollar(int code) {
        int kind = code % 10;
        return code < 80 && (kind == 4 || kind == 9);
    }

    static boolean live(int code) {
        int kind = code % 10;
        return code >= 80 || kind == 2 || kind == 7 || code == 55;
    }

    static String describe(int code) {
        if (code >= 80) {
            return "ADV " + (credit(code) ? "credit" : "debit");
        }
        String account = switch (code / 10) {
            case 2 -> "checking";
            case 3 -> "savings";
            case 4 -> "general ledger";
            case 5 -> "loan";
            default -> "unknown account type";
        };
        String kind = switch (code % 10) {
            case 1 -> "return/NOC of a credit";
            case 2 -> "credit";
            case 3 -> "credit prenotification";
            case 4 -> "zero-dollar credit";
            case 5 -> "debit (reversal)";
            case 6 -> "return/NOC of a debit";
            case 7 -> "debit";
            case 8 -> "debit prenotification";
            case 9 -> "zero-dollar debit";
            default -> "unknown";
        };
        return account + " " + kind;
    }
}
