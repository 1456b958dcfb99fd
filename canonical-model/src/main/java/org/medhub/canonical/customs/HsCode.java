package org.medhub.canonical.customs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

/**
 * A Harmonized System commodity code: 6 digits agreed internationally (WCO HS: chapter, heading, subheading),
 * optionally extended nationally to 8 to 13 digits. China declares a 10-digit commodity code (CodeTS) and, since
 * 2018, 3 more inspection and quarantine (CIQ) digits, 13 in all.
 *
 * @param digits the code without separators, e.g. {@code 9018390000}
 */
public record HsCode(String digits) {

    public static final String ENTITY = "HS code";

    /**
     * The chapters and headings where medical devices are classified, for a sanity check of a declared code
     * (from the HS 2022 nomenclature; descriptions shortened).
     */
    static final Map<String, String> MEDICAL_DEVICE_CLASSIFICATIONS = Map.ofEntries(
            Map.entry("3005", "Wadding, gauze, bandages, dressings for medical, surgical or veterinary use"),
            Map.entry("3006", "Pharmaceutical goods of note 4 to chapter 30: sterile sutures, blood-grouping reagents,"
                    + " dental cements, ostomy appliances"),
            Map.entry("3822", "Diagnostic or laboratory reagents, including kits; certified reference materials"),
            Map.entry("4014", "Hygienic or pharmaceutical articles of vulcanised rubber"),
            Map.entry("4015", "Apparel and gloves of vulcanised rubber"),
            Map.entry("841920", "Medical, surgical or laboratory sterilisers"),
            Map.entry("9018", "Instruments and appliances used in medical, surgical, dental or veterinary sciences"),
            Map.entry("9019", "Mechano-therapy and massage apparatus; oxygen, aerosol and respiration therapy apparatus"),
            Map.entry("9020", "Other breathing appliances and gas masks"),
            Map.entry("9021", "Orthopaedic appliances, splints, artificial parts of the body, hearing aids, pacemakers"),
            Map.entry("9022", "Apparatus based on X-rays or other ionising radiation"),
            Map.entry("9025", "Thermometers, hydrometers, hygrometers"),
            Map.entry("9027", "Instruments and apparatus for physical or chemical analysis"),
            Map.entry("9402", "Medical, surgical, dental or veterinary furniture"));

    public HsCode {
        List<Violation> violations = check("hsCode", digits);
        if (violations.isEmpty() && !digits.equals(strip(digits))) {
            violations = List.of(new Violation("hsCode", "separators", digits,
                    "hsCode digits must be stored without dots or spaces; parse() removes them"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRecordException(ENTITY, violations);
        }
    }

    /** Reads a code written with or without the usual dots and spaces: {@code 9018.39}, {@code 9018 39 00 00}. */
    public static HsCode parse(String code) {
        List<Violation> violations = check("hsCode", code);
        if (!violations.isEmpty()) {
            throw new InvalidRecordException(ENTITY, violations);
        }
        return new HsCode(strip(code));
    }

    /** As {@link #parse(String)}, and refuses what a Chinese declaration cannot carry: 10 digits (CodeTS) or 13 (with CIQ). */
    public static HsCode parseChinaCodeTs(String code) {
        HsCode hs = parse(code);
        if (hs.digits().length() != 10 && hs.digits().length() != 13) {
            throw new InvalidRecordException(ENTITY, List.of(new Violation("hsCode", "china-codets-length", code,
                    "a Chinese declaration needs the 10-digit commodity code (CodeTS), or 13 digits with the CIQ code,"
                            + " not " + hs.digits().length())));
        }
        return hs;
    }

    /**
     * Every broken rule: {@code required}, {@code non-digit-character}, {@code length} (not 6 or 8 to 13 digits),
     * {@code unknown-chapter} (not 01 to 97, 77 being reserved; 98 and 99 only in national codes) and
     * {@code invalid-heading} (heading 00).
     */
    public static List<Violation> check(String field, String code) {
        List<Violation> violations = new ArrayList<>();
        if (code == null || code.isBlank()) {
            violations.add(Violation.required(field));
            return violations;
        }
        String digits = strip(code);
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                violations.add(new Violation(field, "non-digit-character", code, field + " '" + code
                        + "' has '" + digits.charAt(i) + "'; an HS code is digits, with optional dots or spaces"));
                return violations;
            }
        }
        int length = digits.length();
        if (length != 6 && (length < 8 || length > 13)) {
            violations.add(new Violation(field, "length", code, field + " '" + code + "' has " + length
                    + " digits; an HS code has 6 international digits, or 8 to 13 with a national extension"));
            return violations;
        }
        int chapter = Integer.parseInt(digits.substring(0, 2));
        boolean national = length > 6 && (chapter == 98 || chapter == 99);
        if (!national && (chapter < 1 || chapter > 97 || chapter == 77)) {
            violations.add(new Violation(field, "unknown-chapter", code, field + " '" + code + "' is in chapter "
                    + digits.substring(0, 2) + ", which the HS does not have (01 to 97, 77 reserved"
                    + (length > 6 ? ")" : "; 98 and 99 are for national codes)")));
        }
        if (digits.startsWith("00", 2)) {
            violations.add(new Violation(field, "invalid-heading", code, field + " '" + code
                    + "' has heading 00; headings within a chapter start at 01"));
        }
        return violations;
    }

    public String chapter() {
        return digits.substring(0, 2);
    }

    public String heading() {
        return digits.substring(0, 4);
    }

    /** The internationally agreed 6 digits. */
    public String subheading() {
        return digits.substring(0, 6);
    }

    public boolean isInternational() {
        return digits.length() == 6;
    }

    /** The national digits after the first 6. */
    public Optional<String> nationalExtension() {
        return isInternational() ? Optional.empty() : Optional.of(digits.substring(6));
    }

    /** The Chinese 10-digit commodity code, when the code has at least 10 digits. */
    public Optional<String> codeTs() {
        return digits.length() >= 10 ? Optional.of(digits.substring(0, 10)) : Optional.empty();
    }

    /** The 3 CIQ digits of a 13-digit Chinese code. */
    public Optional<String> ciqCode() {
        return digits.length() == 13 ? Optional.of(digits.substring(10)) : Optional.empty();
    }

    /** What the code's heading (or, for sterilisers, subheading) holds, when it is one where medical devices go. */
    public Optional<String> medicalDeviceClassification() {
        return Optional.ofNullable(MEDICAL_DEVICE_CLASSIFICATIONS.get(subheading()))
                .or(() -> Optional.ofNullable(MEDICAL_DEVICE_CLASSIFICATIONS.get(heading())));
    }

    /** {@code 9018.39} for the 6 international digits, then the national extension: {@code 9018.39.0000}. */
    public String formatted() {
        String international = heading() + "." + digits.substring(4, 6);
        return nationalExtension().map(extension -> international + "." + extension).orElse(international);
    }

    private static String strip(String code) {
        return code.strip().replace(".", "").replace(" ", "");
    }
}
