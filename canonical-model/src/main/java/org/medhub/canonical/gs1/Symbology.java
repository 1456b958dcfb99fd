package org.medhub.canonical.gs1;

/**
 * Barcode symbologies that carry GS1 data, with their ISO/IEC 15424 symbology identifiers as a scanner transmits
 * them before the data (e.g. {@code ]d2} for GS1 DataMatrix).
 */
public enum Symbology {
    GS1_128("C1", null),
    DATABAR_EXPANDED("e0", null),
    /** GS1 DataBar Omnidirectional, Truncated, Stacked and Stacked Omnidirectional: all carry a GTIN-14. */
    DATABAR("e0", null),
    DATABAR_LIMITED("e0", null),
    EAN13("E0", "E0"),
    UPC_A("E0", "E0"),
    UPC_E("E0", "E0"),
    EAN8("E4", "E4"),
    DATA_MATRIX("d2", "d1"),
    QR_CODE("Q3", "Q1"),
    DOT_CODE("J1", "J0");

    private final String gs1Identifier;
    private final String plainIdentifier;

    Symbology(String gs1Identifier, String plainIdentifier) {
        this.gs1Identifier = gs1Identifier;
        this.plainIdentifier = plainIdentifier;
    }

    /** The identifier, without its {@code ]}, sent when the symbol carries GS1 AI data. */
    public String gs1Identifier() {
        return gs1Identifier;
    }

    boolean is2d() {
        return this == DATA_MATRIX || this == QR_CODE || this == DOT_CODE;
    }

    String plainIdentifier() {
        return plainIdentifier;
    }
}
