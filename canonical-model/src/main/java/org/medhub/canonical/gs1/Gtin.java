package org.medhub.canonical.gs1;

/** GS1 Global Trade Item Number in its 14-digit form (AI 01), with the GS1 mod-10 check digit. */
public final class Gtin {

    private Gtin() {}

    /** True when {@code value} is exactly 14 digits whose last digit is the GS1 check digit of the others. */
    public static boolean isValid(String value) {
        if (value == null || value.length() != 14 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return checkDigit(value.substring(0, 13)) == value.charAt(13) - '0';
    }

    /** The GS1 check digit of a digit string: weights 3,1,3,1… from the right. */
    public static int checkDigit(String digitsWithoutCheck) {
        int sum = 0;
        for (int i = 0; i < digitsWithoutCheck.length(); i++) {
            int digit = digitsWithoutCheck.charAt(digitsWithoutCheck.length() - 1 - i) - '0';
            sum += (i % 2 == 0) ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10;
    }
}
