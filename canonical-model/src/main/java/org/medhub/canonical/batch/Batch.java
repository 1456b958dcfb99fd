package org.medhub.canonical.batch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.medhub.canonical.gs1.Gtin;
import org.medhub.canonical.validation.Violation;

/**
 * A production lot of one trade item, identified by GTIN and lot number as on its UDI label.
 *
 * @param quantity amount produced, in {@code unit} (a UCUM code such as {@code EA} or {@code kg})
 */
public record Batch(
        String gtin,
        String lot,
        String materialNumber,
        BatchStatus status,
        LocalDate productionDate,
        LocalDate expiryDate,
        BigDecimal quantity,
        String unit) {

    public static final String ENTITY = "Batch";
    public static final int SCHEMA_VERSION = 1;
    static final int MAX_LOT_LENGTH = 20;

    /** GTIN and lot as a GS1 Digital Link path: unambiguous because the GTIN is always 14 digits. */
    public String businessKey() {
        return "01/" + gtin + "/10/" + lot;
    }

    /** Every rule this record breaks; empty when it is valid. */
    public List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        if (gtin == null || gtin.isBlank()) {
            violations.add(Violation.required("gtin"));
        } else if (!Gtin.isValid(gtin)) {
            violations.add(new Violation("gtin", "gs1-gtin", gtin,
                    "gtin must be 14 digits ending in a valid GS1 check digit"));
        }
        if (lot == null || lot.isBlank()) {
            violations.add(Violation.required("lot"));
        } else if (lot.length() > MAX_LOT_LENGTH) {
            violations.add(new Violation("lot", "max-length", lot,
                    "lot must be at most " + MAX_LOT_LENGTH + " characters (GS1 AI 10)"));
        }
        if (status == null) {
            violations.add(Violation.required("status"));
        }
        if (productionDate != null && expiryDate != null && expiryDate.isBefore(productionDate)) {
            violations.add(new Violation("expiryDate", "not-before-production-date", expiryDate.toString(),
                    "expiryDate must not be before productionDate " + productionDate));
        }
        if (quantity != null) {
            if (quantity.signum() < 0) {
                violations.add(new Violation("quantity", "non-negative", quantity, "quantity must not be negative"));
            }
            if (unit == null || unit.isBlank()) {
                violations.add(new Violation("unit", "required-with-quantity", null,
                        "unit is required when quantity is given"));
            }
        }
        return violations;
    }
}
