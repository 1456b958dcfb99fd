package org.medhub.routes.customs;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the pre-flight check is told: which of its rules to apply, and the tables the rules read.
 *
 * @param rules the rules applied, by name ({@link Preflight#RULES} by default)
 * @param headings the HS headings (4 digits) or subheadings (6) a declaration may use; empty: the headings where
 *     medical devices are classified ({@code HsCode.medicalDeviceClassification})
 * @param licences by HS heading or subheading, the licence documents (by document code) a line under it needs
 * @param secondUnit the headings or subheadings whose tariff line has a second legal unit
 */
public record PreflightSettings(Set<String> rules, Set<String> headings, Map<String, List<String>> licences,
        Set<String> secondUnit) {

    public PreflightSettings {
        rules = Set.copyOf(rules);
        headings = Set.copyOf(headings);
        licences = Map.copyOf(licences);
        secondUnit = Set.copyOf(secondUnit);
    }

    /** Every rule, the medical-device headings, no licence or second-unit table. */
    public static PreflightSettings defaults() {
        return new PreflightSettings(Preflight.RULES, Set.of(), Map.of(), Set.of());
    }

    boolean hasSecondUnit(String digits) {
        return digits != null && digits.length() >= 4 && (secondUnit.contains(digits.substring(0, 4))
                || (digits.length() >= 6 && secondUnit.contains(digits.substring(0, 6))));
    }

    /** What a table keyed by heading or subheading says for an HS code: the subheading's entry first. */
    static <T> T byHeading(Map<String, T> table, String digits, T otherwise) {
        if (digits == null || digits.length() < 4) {
            return otherwise;
        }
        if (digits.length() >= 6 && table.containsKey(digits.substring(0, 6))) {
            return table.get(digits.substring(0, 6));
        }
        return table.getOrDefault(digits.substring(0, 4), otherwise);
    }
}
