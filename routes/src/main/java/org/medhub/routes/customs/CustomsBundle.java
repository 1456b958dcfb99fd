package org.medhub.routes.customs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.dictionary.EntityDefinition;
import org.medhub.canonical.dictionary.RecordValidator;
import org.medhub.canonical.entity.Batch;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.validation.Violation;
import org.medhub.canonical.entity.CommercialInvoice;
import org.medhub.canonical.entity.CustomsDeclaration;
import org.medhub.canonical.entity.Product;
import org.medhub.canonical.entity.RegistrationCertificate;
import org.medhub.canonical.entity.Shipment;

/**
 * A declaration with the records it refers to, by business key: what the pre-flight check reads. The hub fills it
 * from its current records; {@code ./medhub customs check} from a file.
 */
public record CustomsBundle(CustomsDeclaration declaration, Map<String, CommercialInvoice> invoices,
        Map<String, Product> products, Map<String, RegistrationCertificate> certificates, Map<String, Shipment> shipments,
        Map<String, Batch> batches) {

    public CustomsBundle {
        invoices = Map.copyOf(invoices);
        products = Map.copyOf(products);
        certificates = Map.copyOf(certificates);
        shipments = Map.copyOf(shipments);
        batches = Map.copyOf(batches);
    }

    /**
     * A bundle as a file holds it: canonical records by entity name, {@code {"CustomsDeclaration": {...},
     * "CommercialInvoice": [...], "Product": [...], "RegistrationCertificate": [...], "Shipment": [...], "Batch": [...]}}
     * (as {@code ./medhub map --lookup} reads them). Every record is checked against the dictionary first.
     *
     * @throws IllegalArgumentException naming every record that is missing or breaks the dictionary
     */
    public static CustomsBundle read(JsonNode json) {
        List<String> problems = new ArrayList<>();
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("a bundle is a JSON object of canonical records by entity name");
        }
        JsonNode declaration = json.get(CustomsDeclaration.ENTITY);
        if (declaration == null || !declaration.isObject()) {
            problems.add(CustomsDeclaration.ENTITY + ": the bundle holds no declaration (an object)");
        } else {
            valid(CustomsDeclaration.ENTITY, declaration, problems);
        }
        Map<String, CommercialInvoice> invoices = records(json, CommercialInvoice.ENTITY, CommercialInvoice.class, problems);
        Map<String, Product> products = records(json, Product.ENTITY, Product.class, problems);
        Map<String, RegistrationCertificate> certificates = records(json, RegistrationCertificate.ENTITY,
                RegistrationCertificate.class, problems);
        Map<String, Shipment> shipments = records(json, Shipment.ENTITY, Shipment.class, problems);
        Map<String, Batch> batches = records(json, Batch.ENTITY, Batch.class, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new CustomsBundle(CanonicalJson.mapper().convertValue(declaration, CustomsDeclaration.class), invoices,
                products, certificates, shipments, batches);
    }

    private static <T> Map<String, T> records(JsonNode json, String entity, Class<T> type, List<String> problems) {
        Map<String, T> byKey = new LinkedHashMap<>();
        JsonNode list = json.get(entity);
        if (list == null) {
            return byKey;
        }
        if (!list.isArray()) {
            problems.add(entity + ": must be a list of records");
            return byKey;
        }
        EntityDefinition definition = DataDictionary.standard().entity(entity).orElseThrow();
        for (int i = 0; i < list.size(); i++) {
            if (valid(entity + "[" + i + "]", list.get(i), problems)) {
                byKey.put(definition.businessKey().of(list.get(i)), CanonicalJson.mapper().convertValue(list.get(i), type));
            }
        }
        return byKey;
    }

    private static boolean valid(String where, JsonNode record, List<String> problems) {
        String entity = where.contains("[") ? where.substring(0, where.indexOf('[')) : where;
        List<Violation> violations = RecordValidator.validate(DataDictionary.standard().entity(entity).orElseThrow(), record);
        violations.forEach(v -> problems.add(where + "." + v.field() + ": " + v.message() + " [" + v.rule() + "]"));
        return violations.isEmpty();
    }

    Optional<CommercialInvoice> invoice() {
        return Optional.ofNullable(declaration.invoice()).map(invoices::get);
    }

    Optional<Shipment> shipment() {
        return Optional.ofNullable(declaration.shipment()).map(shipments::get);
    }

    List<CustomsDeclaration.Line> lines() {
        return declaration.lines() == null ? List.of() : declaration.lines();
    }
}
