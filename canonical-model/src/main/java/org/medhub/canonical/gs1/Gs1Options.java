package org.medhub.canonical.gs1;

/**
 * Tolerances for GS1 data that the standard leaves to the application. The defaults are strict.
 *
 * @param permitUnknownAis          accept AIs the dictionary does not know (as CSET 82 data), e.g. newer AIs in
 *                                  bracketed data; never as Digital Link query parameters, and never in unbracketed
 *                                  data unless their two-digit prefix tells their length
 * @param permitZeroSuppressedGtin  accept a GTIN-8, -12 or -13 for (01) in a Digital Link URI and pad it to 14 digits,
 *                                  as early Digital Link URIs did
 */
public record Gs1Options(boolean permitUnknownAis, boolean permitZeroSuppressedGtin) {

    public static final Gs1Options STRICT = new Gs1Options(false, false);

    public Gs1Options withUnknownAis() {
        return new Gs1Options(true, permitZeroSuppressedGtin);
    }

    public Gs1Options withZeroSuppressedGtin() {
        return new Gs1Options(permitUnknownAis, true);
    }
}
