package org.medhub.routes.mapping.conformance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.medhub.routes.mapping.CanonicalLookup;

/**
 * What the hub would know of the products, work orders and partners in published sample files: every GTIN is a
 * Product whose material number is {@code M} and the GTIN; every work order makes lot {@code WO} and its number of
 * product 09506000134352; every partner name or number is a partner. The conformance suites test the mappings, not
 * the master data.
 */
final class ConformanceLookups {

    private ConformanceLookups() {}

    static CanonicalLookup products() {
        return (entity, field, value) -> {
            if (entity.equals("Product") && field.equals("gtin")) {
                ObjectNode product = JsonNodeFactory.instance.objectNode();
                product.put("gtin", value);
                product.put("materialNumber", "M" + value);
                return Optional.of(product);
            }
            if (entity.equals("WorkOrder") && field.equals("orderNumber")) {
                ObjectNode order = JsonNodeFactory.instance.objectNode();
                order.put("orderNumber", value);
                order.put("product", "01/09506000134352");
                order.put("lot", "WO" + value);
                return Optional.of(order);
            }
            if (entity.equals("Partner")) {
                ObjectNode partner = JsonNodeFactory.instance.objectNode();
                partner.put(field, value);
                partner.put("partnerNumber", value.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "-")
                        .replaceAll("^-|-$", ""));
                return Optional.of(partner);
            }
            return Optional.empty();
        };
    }
}
