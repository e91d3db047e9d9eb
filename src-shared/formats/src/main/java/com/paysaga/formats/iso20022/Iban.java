package com.paysaga.formats.iso20022;

/** Structural checks of account and bank identifiers that banks reject files for. */
public final class Iban {

    private Iban() {
    }

    /** ISO 13616: 2 letters, 2 check digits, up to 30 alphanumerics, and mod 97 of the rearranged number is 1. */
    public static boolean valid(String iban) {
        int len = iban.length();
        if (len < 15 || len > 34) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            char c = iban.charAt(i);
            boolean ok = i < 2 ? c >= 'A' && c <= 'Z'
                    : i < 4 ? c >= '0' && c <= '9'
                    : (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
            if (!ok) {
                return false;
            }
        }
        int remainder = 0;
        for (int i = 0; i < len; i++) {
            char c = iban.charAt((i + 4) % len);
            if (c >= '0' && c <= '9') {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            }
        }
        return remainder == 1;
    }

    /** ISO 9362: 4 letters institution, 2 letters country, 2 alphanumerics location, optional 3 branch. */
    public static boolean validBic(String bic) {
        int len = bic.length();
        if (len != 8 && len != 11) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            char c = bic.charAt(i);
            boolean letter = c >= 'A' && c <= 'Z';
            boolean digit = c >= '0' && c <= '9';
            if (i < 6 ? !letter : !(letter || digit)) {
                return false;
            }
        }
        return true;
    }
}
