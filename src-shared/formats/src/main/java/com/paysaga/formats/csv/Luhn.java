package com.paysaga.formats.csv;

/** The Luhn (mod 10) check digit of ISO/IEC 7812-1 card numbers. */
public final class Luhn {

    private Luhn() {
    }

    public static boolean valid(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }
}
