package org.medhub.canonical.gs1;

import java.util.ArrayList;
import java.util.List;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

/**
 * What a barcode scanner transmits: a symbology identifier ({@code ]d2}, {@code ]C1}, {@code ]Q1}…) then the data,
 * GS (0x1D) standing for FNC1. GS1 AI data, EAN/UPC primary data with an optional composite ({@code |]e0…}) and
 * plain text (including a GS1 Digital Link URI in a plain QR code or DataMatrix) are understood.
 *
 * @param symbology  the symbology the identifier names; {@code ]e0} is shared by all GS1 DataBar symbols and
 *                   composites and reads as {@link Symbology#DATABAR_EXPANDED}, {@code ]E0} as {@link Symbology#EAN13}
 * @param text       the plain data, or null for GS1 AI data
 * @param elements   the GS1 AI data (also for an EAN/UPC, as its GTIN-14, and for a Digital Link URI); null for other
 *                   plain data
 */
public record ScanData(String symbologyIdentifier, Symbology symbology, String text, ElementString elements) {

    public static final String ENTITY = "GS1 scan data";

    public boolean isGs1() {
        return elements != null;
    }

    public static ScanData parse(String scan) {
        return parse(scan, Gs1Options.STRICT);
    }

    public static ScanData parse(String scan, Gs1Options options) {
        if (scan.length() < 3 || scan.charAt(0) != ']') {
            throw invalid("missing-symbology-identifier", scan, "scan data must start with a symbology identifier"
                    + " such as ]d2, ]C1 or ]Q1");
        }
        String identifier = scan.substring(1, 3);
        String data = scan.substring(3);
        switch (identifier) {
            case "E0", "E4" -> {
                return primary(identifier, data, options);
            }
            case "C1", "e0", "d2", "Q3", "J1" -> {
                return new ScanData(identifier, symbologyOf(identifier), null,
                        ElementString.parseSeparated(data, ElementString.GS, options));
            }
            case "d1", "Q1", "J0" -> {
                ElementString link = DigitalLink.looksLikeDigitalLink(data) ? DigitalLink.parse(data, options) : null;
                return new ScanData(identifier, symbologyOf(identifier), data, link);
            }
            default -> throw invalid("unsupported-symbology-identifier", scan,
                    "]" + identifier + " is not a symbology identifier of a GS1 symbology");
        }
    }

    /** The scan data a scanner sends for GS1 AI data in {@code symbology}. */
    public static String format(Symbology symbology, ElementString data) {
        return format(symbology, data, null);
    }

    /**
     * As {@link #format(Symbology, ElementString)}, with a composite component (2D part of a composite symbol).
     * EAN/UPC and DataBar other than Expanded carry exactly one (01) in their linear part.
     */
    public static String format(Symbology symbology, ElementString linear, ElementString composite) {
        switch (symbology) {
            case DATA_MATRIX, QR_CODE, DOT_CODE -> {
                if (composite != null) {
                    throw invalid("composite-not-supported", composite.bracketed(), symbology + " has no composite component");
                }
                return "]" + symbology.gs1Identifier() + linear.unbracketed();
            }
            case GS1_128, DATABAR_EXPANDED -> {
                if (composite == null) {
                    return "]" + symbology.gs1Identifier() + linear.unbracketed();
                }
                List<ElementString.Entry> linearEntries = linear.entries();
                boolean separator = !linearEntries.isEmpty()
                        && linearEntries.get(linearEntries.size() - 1).definition().fnc1Required();
                return "]e0" + linear.unbracketed() + (separator ? String.valueOf(ElementString.GS) : "")
                        + composite.unbracketed();
            }
            default -> {
                return formatGtin(symbology, printedGtin(symbology, linear), composite);
            }
        }
    }

    /**
     * The scan data of an EAN/UPC or GS1 DataBar (not Expanded) symbol printing {@code gtin} as that symbology does:
     * 13 digits for EAN-13, 12 for UPC-A and UPC-E (in UPC-A form), 8 for EAN-8, 14 for DataBar.
     */
    public static String formatGtin(Symbology symbology, String gtin, ElementString composite) {
        int length = switch (symbology) {
            case EAN13 -> 13;
            case UPC_A, UPC_E -> 12;
            case EAN8 -> 8;
            case DATABAR, DATABAR_LIMITED -> 14;
            default -> throw invalid("not-a-gtin-symbology", gtin, symbology + " does not carry a bare GTIN");
        };
        if (gtin.length() != length) {
            throw invalid("primary-length", gtin, symbology + " carries " + length + " digits, not " + gtin.length());
        }
        Gs1CheckDigit.check("gtin", gtin).ifPresent(v -> {
            throw new InvalidRecordException(ENTITY, List.of(v));
        });
        if (symbology == Symbology.DATABAR_LIMITED && gtin.charAt(0) > '1') {
            throw invalid("primary-too-large", gtin, "GS1 DataBar Limited only carries GTINs below 20000000000000");
        }
        String ccPart = composite == null ? "" : composite.unbracketed();
        return switch (symbology) {
            case DATABAR, DATABAR_LIMITED -> "]e001" + gtin + ccPart;
            default -> "]" + symbology.gs1Identifier() + (length == 12 ? "0" : "") + gtin
                    + (composite == null ? "" : "|]e0" + ccPart);
        };
    }

    /** Plain (non-GS1) data in a 2D symbol, e.g. a Digital Link URI in a QR code. */
    public static String formatText(Symbology symbology, String text) {
        if (!symbology.is2d()) {
            throw invalid("plain-data-not-supported", text, symbology + " only carries GS1 data");
        }
        return "]" + symbology.plainIdentifier() + text;
    }

    private static ScanData primary(String identifier, String data, Gs1Options options) {
        int length = identifier.equals("E0") ? 13 : 8;
        if (data.length() < length) {
            throw invalid("primary-too-short", data, "]" + identifier + " carries " + length + " digits");
        }
        String composite = null;
        if (data.startsWith("|]e0", length)) {
            composite = data.substring(length + 4);
        } else if (data.length() > length) {
            throw invalid("primary-too-long", data, "]" + identifier + " carries " + length + " digits");
        }
        String digits = data.substring(0, length);
        Gs1CheckDigit.check("gtin", digits).ifPresent(v -> {
            throw new InvalidRecordException(ENTITY, List.of(v));
        });
        List<ElementString.Entry> entries = new ArrayList<>();
        entries.add(new ElementString.Entry(AiTable.standard().lookup("01").orElseThrow(), Gtin.toGtin14(digits)));
        if (composite != null) {
            entries.addAll(ElementString.parseSeparated(composite, ElementString.GS, options).entries());
        }
        return new ScanData(identifier, symbologyOf(identifier), null, new ElementString(entries));
    }

    private static String printedGtin(Symbology symbology, ElementString linear) {
        List<AiElement> elements = linear.elements();
        if (elements.size() != 1 || !elements.get(0).ai().equals("01")) {
            throw invalid("primary-must-be-gtin", linear.bracketed(), symbology + " carries exactly one (01) GTIN");
        }
        String gtin = elements.get(0).value();
        int zeros = switch (symbology) {
            case EAN13 -> 1;
            case UPC_A, UPC_E -> 2;
            case EAN8 -> 6;
            default -> 0;
        };
        if (!gtin.startsWith("0".repeat(zeros))) {
            throw invalid("gtin-does-not-fit", gtin, "(01) " + gtin + " does not start with " + zeros
                    + " zeros, so " + symbology + " cannot carry it");
        }
        return gtin.substring(zeros);
    }

    private static Symbology symbologyOf(String identifier) {
        return switch (identifier) {
            case "C1" -> Symbology.GS1_128;
            case "e0" -> Symbology.DATABAR_EXPANDED;
            case "E0" -> Symbology.EAN13;
            case "E4" -> Symbology.EAN8;
            case "d1", "d2" -> Symbology.DATA_MATRIX;
            case "Q1", "Q3" -> Symbology.QR_CODE;
            default -> Symbology.DOT_CODE;
        };
    }

    private static InvalidRecordException invalid(String rule, String value, String message) {
        return new InvalidRecordException(ENTITY, List.of(new Violation("scan data", rule, value, message)));
    }
}
