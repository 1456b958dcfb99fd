package org.medhub.canonical.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Batch version 1 carried {@code quantity} as a bare number and its unit in a separate {@code unit}
 * field; version 2 has one {@code quantity} object with {@code value} and {@code unit}, like every
 * other quantity in the dictionary.
 */
final class BatchV1ToV2 implements Upcaster {

    @Override
    public String entity() {
        return "Batch";
    }

    @Override
    public int fromVersion() {
        return 1;
    }

    @Override
    public ObjectNode upcast(ObjectNode record) {
        JsonNode quantity = record.remove("quantity");
        JsonNode unit = record.remove("unit");
        if (quantity != null && !quantity.isNull()) {
            ObjectNode value = record.putObject("quantity");
            value.set("value", quantity);
            // version 1 required a unit with every quantity; a record without one was invalid then as now
            if (unit != null && !unit.isNull()) {
                value.set("unit", unit);
            }
        }
        return record;
    }
}
