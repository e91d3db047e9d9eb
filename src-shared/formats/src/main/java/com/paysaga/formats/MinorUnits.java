package com.paysaga.formats;

import java.util.Currency;

/**
 * Decimal amount text to integer minor units of an ISO 4217 currency. Shared by the text and
 * XML formats, which all write amounts as decimals whose scale must not exceed the currency's
 * exponent (JPY 0, EUR 2, BHD 3): a bank file with "100.005 EUR" is wrong, not roundable.
 */
public final class MinorUnits {

    /** 18 digits keep every value inside a long (ISO 20022 amounts allow 18 total digits). */
    private static final int MAX_DIGITS = 18;

    private MinorUnits() {
    }

    /** Thrown for amount text that is not a valid amount of the currency; the message says why. */
    public static final class AmountException extends Exception {
        public AmountException(String message) {
            super(message, null, false, false);
        }
    }

    /** ISO 4217 exponent of an active currency code, or -1 for an unknown code or one without minor units (XAU, XXX). */
    public static int exponent(String currency) {
        if (currency == null || currency.length() != 3) {
            return -1;
        }
        for (int i = 0; i < 3; i++) {
            char c = currency.charAt(i);
            if (c < 'A' || c > 'Z') {
                return -1;
            }
        }
        try {
            return Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException unknown) {
            return -1;
        }
    }

    /**
     * Parses {@code [sign]digits[sep digits]} into minor units. The separator may be the last
     * character ("100," in SWIFT's 15d). Fewer decimals than the exponent are padded.
     *
     * @param allowSign whether a leading '-' or '+' is accepted (never in ISO 20022 or SWIFT amounts)
     */
    public static long parse(CharSequence text, char decimalSeparator, int exponent, boolean allowSign) throws AmountException {
        int len = text.length();
        if (len == 0) {
            throw new AmountException("amount is empty");
        }
        int i = 0;
        boolean negative = false;
        char first = text.charAt(0);
        if (first == '-' || first == '+') {
            if (!allowSign) {
                throw new AmountException("amount must not carry a sign");
            }
            negative = first == '-';
            i = 1;
        }
        long value = 0;
        int digits = 0;
        int decimals = -1;
        for (; i < len; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > MAX_DIGITS) {
                    throw new AmountException("amount has more than " + MAX_DIGITS + " digits");
                }
                value = value * 10 + (c - '0');
                if (decimals >= 0) {
                    decimals++;
                }
            } else if (c == decimalSeparator && decimals < 0) {
                decimals = 0;
            } else {
                throw new AmountException("amount is not a decimal number (unexpected " + describe(c) + " at position " + (i + 1) + ")");
            }
        }
        if (digits == 0) {
            throw new AmountException("amount has no digits");
        }
        int scale = Math.max(decimals, 0);
        if (scale > exponent) {
            throw new AmountException("amount has " + scale + (scale == 1 ? " decimal place" : " decimal places")
                    + " but the currency allows " + exponent);
        }
        for (int s = scale; s < exponent; s++) {
            if (value > Long.MAX_VALUE / 10) {
                throw new AmountException("amount is too large");
            }
            value *= 10;
        }
        return negative ? -value : value;
    }

    /** The amount text itself is never quoted: a misaligned column could hold a PAN or account number. */
    private static String describe(char c) {
        return c >= 0x20 && c < 0x7f && (c < '0' || c > '9') ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
