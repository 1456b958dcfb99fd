package org.medhub.routes.genealogy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The links one canonical record makes in the genealogy. A record's links are all it says now: a new version of a
 * serial unit taken out of its case (an aggregation undone) no longer links it to the case. Nodes are named by their
 * entity and business key; a case or pallet by its SSCC, a customer by its partner number, a country by its code.
 */
public final class GenealogyEdges {

    /** The entities whose records make links. */
    public static final Set<String> ENTITIES = Set.of("MaterialConsumption", "SerialUnit", "Shipment", "CustomsDeclaration",
            "InventoryMovement", "Aggregation");
    public static final String SSCC = "Sscc";
    public static final String CUSTOMER = "Customer";
    public static final String COUNTRY = "Country";
    private static final Set<String> PACKED = Set.of("PACKED", "SHIPPED");

    private GenealogyEdges() {}

    /** @return the links the record makes (none for a reversal, which undoes the links of the event it names) */
    public static List<Edge> of(String entity, JsonNode record) {
        List<Edge> edges = new ArrayList<>();
        switch (entity) {
            case "MaterialConsumption" -> consumption(record, edges);
            case "SerialUnit" -> serial(record, edges);
            case "Shipment" -> shipment(record, edges);
            case "Aggregation" -> {
                Node parent = parent(record);
                Node child = child(record);
                if (!"DELETE".equals(text(record, "action")) && parent != null && child != null) {
                    edges.add(withQuantity(child.entity(), child.key(), parent.entity(), parent.key(), Edge.Relation.PACKED_IN,
                            record.get("quantity")));
                }
            }
            case "CustomsDeclaration" -> {
                if (has(record, "shipment")) {
                    edges.add(Edge.of("Shipment", text(record, "shipment"), "CustomsDeclaration",
                            text(record, "clientSeqNo"), Edge.Relation.DECLARED_IN));
                }
            }
            case "InventoryMovement" -> {
                if (has(record, "shipment") && has(record, "batch")) {
                    edges.add(withQuantity("Batch", text(record, "batch"), "Shipment", text(record, "shipment"),
                            Edge.Relation.SHIPPED_IN, record.get("quantity")));
                }
            }
            default -> { }
        }
        return edges;
    }

    /** The event a reversal undoes, or null. */
    public static String reversed(String entity, JsonNode record) {
        return "MaterialConsumption".equals(entity) && "REVERSAL".equals(text(record, "eventType"))
                ? text(record, "reverses") : null;
    }

    /**
     * What an aggregation taken apart undoes, or null: the child's link into the parent, or with no child named, the
     * links of every child into it.
     */
    public static Unpacking unpacked(String entity, JsonNode record) {
        if (!"Aggregation".equals(entity) || !"DELETE".equals(text(record, "action"))) {
            return null;
        }
        Node parent = parent(record);
        return parent == null ? null : new Unpacking(parent, child(record));
    }

    /** When an aggregation happened (its event time), which orders it against its undoing; null for other records. */
    public static OffsetDateTime happenedAt(String entity, JsonNode record) {
        return "Aggregation".equals(entity) && has(record, "aggregatedAt")
                ? OffsetDateTime.parse(text(record, "aggregatedAt")) : null;
    }

    /** A node of the genealogy: an entity's record, a case or pallet, a customer or a country. */
    public record Node(String entity, String key) {}

    /** @param child null when the parent was emptied */
    public record Unpacking(Node parent, Node child) {}

    private static Node parent(JsonNode record) {
        if (has(record, "parentSscc")) {
            return new Node(SSCC, text(record, "parentSscc"));
        }
        return has(record, "parentSerialUnit") ? new Node("SerialUnit", text(record, "parentSerialUnit")) : null;
    }

    private static Node child(JsonNode record) {
        if (has(record, "childSerialUnit")) {
            return new Node("SerialUnit", text(record, "childSerialUnit"));
        }
        if (has(record, "childSscc")) {
            return new Node(SSCC, text(record, "childSscc"));
        }
        return has(record, "childBatch") ? new Node("Batch", text(record, "childBatch")) : null;
    }

    private static void consumption(JsonNode record, List<Edge> edges) {
        if (!"CONSUMPTION".equals(text(record, "eventType")) || !has(record, "outputBatch")) {
            return;
        }
        String output = text(record, "outputBatch");
        if (has(record, "inputMaterialLot")) {
            edges.add(withQuantity("MaterialLot", text(record, "inputMaterialLot"), "Batch", output,
                    Edge.Relation.CONSUMED_INTO, record.get("quantity")));
        }
        if (has(record, "inputBatch")) {
            edges.add(withQuantity("Batch", text(record, "inputBatch"), "Batch", output, Edge.Relation.CONSUMED_INTO,
                    record.get("quantity")));
        }
    }

    private static void serial(JsonNode record, List<Edge> edges) {
        String key = "01/" + text(record, "gtin") + "/21/" + text(record, "serial");
        if (has(record, "batch")) {
            edges.add(Edge.of("Batch", text(record, "batch"), "SerialUnit", key, Edge.Relation.MADE_INTO));
        }
        // a unit taken out of its case is COMMISSIONED again; the merge keeps the case it was last in (it never
        // clears a field), so the case counts only while the unit is packed or shipped
        if (has(record, "parentSscc") && PACKED.contains(text(record, "status"))) {
            edges.add(Edge.of("SerialUnit", key, SSCC, text(record, "parentSscc"), Edge.Relation.PACKED_IN));
        }
        if (has(record, "shipment")) {
            edges.add(Edge.of("SerialUnit", key, "Shipment", text(record, "shipment"), Edge.Relation.SHIPPED_IN));
        }
    }

    private static void shipment(JsonNode record, List<Edge> edges) {
        String number = text(record, "shipmentNumber");
        if ("CANCELLED".equals(text(record, "status"))) {
            return; // nothing went
        }
        for (JsonNode line : record.path("lines")) {
            if (has(line, "batch")) {
                edges.add(withQuantity("Batch", text(line, "batch"), "Shipment", number, Edge.Relation.SHIPPED_IN,
                        line.get("quantity")));
            }
            if (has(line, "sscc")) {
                edges.add(Edge.of(SSCC, text(line, "sscc"), "Shipment", number, Edge.Relation.SHIPPED_IN));
            }
        }
        if (has(record, "consignee")) {
            edges.add(Edge.of("Shipment", number, CUSTOMER, text(record, "consignee"), Edge.Relation.DELIVERED_TO));
        }
        String country = record.path("shipTo").path("country").asText("");
        if (!country.isEmpty()) {
            edges.add(Edge.of("Shipment", number, COUNTRY, country, Edge.Relation.SHIPPED_TO_COUNTRY));
        }
    }

    private static Edge withQuantity(String fromEntity, String fromKey, String toEntity, String toKey,
            Edge.Relation relation, JsonNode quantity) {
        BigDecimal value = quantity != null && quantity.has("value") ? quantity.get("value").decimalValue() : null;
        String unit = quantity != null && quantity.has("unit") ? quantity.get("unit").asText() : null;
        return new Edge(fromEntity, fromKey, toEntity, toKey, relation, value, unit);
    }

    private static boolean has(JsonNode node, String field) {
        return node.hasNonNull(field) && !node.get(field).asText().isBlank();
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asText(null);
    }
}
