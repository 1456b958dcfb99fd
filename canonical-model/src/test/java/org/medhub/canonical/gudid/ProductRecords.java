package org.medhub.canonical.gudid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.dictionary.EntityDefinition;
import org.medhub.canonical.dictionary.RecordValidator;
import org.medhub.canonical.entity.Product;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.validation.Violation;

/** How the GUDID readers' Products are judged against the data dictionary. */
final class ProductRecords {

    static final EntityDefinition PRODUCT = DataDictionary.standard().entity("Product").orElseThrow();

    private ProductRecords() {}

    /**
     * Stand-ins for what the ERP and the registration records add to a GUDID device before it is published as a
     * Product. Nothing asserted about GUDID data comes from here.
     */
    static ObjectNode withFieldsGudidDoesNotPublish(ObjectNode gudidPart) {
        ObjectNode product = gudidPart.deepCopy();
        product.put("materialNumber", "FG-STAND-IN");
        product.put("deviceClass", "CLASS_II");
        product.put("deviceName", "stand-in registered name");
        return product;
    }

    /**
     * Every field the device's GUDID part has obeys the dictionary, the only violations are the required fields
     * GUDID does not publish, and with those added it is a valid Product that reads into the generated type.
     */
    static void assertValidProduct(GudidDevice device) {
        String which = "device " + device.primaryDi();
        assertThat(device.notAProduct()).as(which).isNull();
        List<Violation> gudidPart = RecordValidator.validate(PRODUCT, device.product());
        assertThat(gudidPart).as(which + ": " + gudidPart).extracting(Violation::field, Violation::rule)
                .containsExactlyInAnyOrderElementsOf(GudidDevice.NOT_IN_GUDID.stream()
                        .map(field -> tuple(field, "required")).toList());

        ObjectNode complete = withFieldsGudidDoesNotPublish(device.product());
        List<Violation> violations = RecordValidator.validate(PRODUCT, complete);
        assertThat(violations).as(which + " completed: " + violations).isEmpty();
        assertThatCode(() -> CanonicalJson.mapper().treeToValue(complete, Product.class)).as(which)
                .doesNotThrowAnyException();
    }

    static Map<String, GudidDevice> byPrimaryDi(List<GudidDevice> devices) {
        Map<String, GudidDevice> byDi = new LinkedHashMap<>();
        devices.forEach(device -> byDi.put(device.primaryDi(), device));
        return byDi;
    }

    static Tuple packaging(String gtin, String containedGtin, int quantity) {
        return tuple(gtin, containedGtin, quantity);
    }

    /** Each package level as (gtin, containedGtin, quantity) for comparison with {@link #packaging}. */
    static List<Tuple> packagings(ObjectNode product) {
        List<Tuple> levels = new ArrayList<>();
        product.path("packagings").forEach(level -> levels.add(tuple(level.path("gtin").asText(),
                level.path("containedGtin").asText(), level.path("quantityPerPackage").path("value").intValue())));
        return levels;
    }

    static List<String> productionIdentifiers(ObjectNode product) {
        List<String> identifiers = new ArrayList<>();
        product.path("udiProductionIdentifiers").forEach(id -> identifiers.add(id.asText()));
        return identifiers;
    }
}
