package org.medhub.canonical.unit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

/** An amount in a unit of measure, e.g. {@code 250 mL}; converts exactly between compatible units. */
public record Quantity(BigDecimal value, UnitOfMeasure unit) {

    public Quantity {
        List<Violation> violations = new ArrayList<>();
        if (value == null) {
            violations.add(Violation.required("value"));
        }
        if (unit == null) {
            violations.add(Violation.required("unit"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRecordException("quantity", violations);
        }
    }

    public static Quantity of(String value, String unitCode) {
        return new Quantity(new BigDecimal(value), UnitOfMeasure.parse(unitCode));
    }

    public Quantity to(String unitCode) {
        return to(UnitOfMeasure.parse(unitCode));
    }

    /** This quantity in {@code target}; fails with an {@code incompatible-units} violation when it cannot be. */
    public Quantity to(UnitOfMeasure target) {
        return new Quantity(unit.convert(value, target), target);
    }

    @Override
    public String toString() {
        return value.toPlainString() + " " + unit.code();
    }
}
