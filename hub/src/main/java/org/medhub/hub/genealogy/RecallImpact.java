package org.medhub.hub.genealogy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.medhub.routes.genealogy.GenealogyEdges;

/**
 * What a recall of a lot or serial reaches, from its forward trace: the batches made from it, the serials and cases,
 * the shipments with what each carried of them, the customers, countries and customs declarations.
 */
public record RecallImpact(String from, List<String> batches, List<String> serials, List<String> cases,
        List<Shipped> shipments, List<String> customers, List<String> countries, List<String> declarations,
        boolean complete) {

    /** One shipment: where it went, and each batch, serial or case of the recall in it, with its quantity. */
    public record Shipped(String shipment, String customer, String country, List<String> declarations, List<Item> items) {}

    public record Item(String entity, String key, BigDecimal quantity, String unit) {}

    public static RecallImpact of(Genealogy.Trace trace) {
        Map<String, Set<String>> byEntity = new LinkedHashMap<>();
        trace.nodes().stream().filter(node -> !trace.start().contains(node))
                .forEach(node -> byEntity.computeIfAbsent(node.entity(), e -> new LinkedHashSet<>()).add(node.key()));
        Map<String, List<Genealogy.Link>> out = trace.links().stream()
                .collect(Collectors.groupingBy(Genealogy.Link::fromKey, LinkedHashMap::new, Collectors.toList()));
        List<Shipped> shipments = new ArrayList<>();
        for (String shipment : byEntity.getOrDefault("Shipment", Set.of())) {
            List<Genealogy.Link> from = out.getOrDefault(shipment, List.of());
            List<Item> items = trace.links().stream().filter(l -> l.toKey().equals(shipment) && "SHIPPED_IN".equals(l.relation()))
                    .map(l -> new Item(l.fromEntity(), l.fromKey(), l.quantity(), l.unit())).toList();
            shipments.add(new Shipped(shipment, first(from, GenealogyEdges.CUSTOMER), first(from, GenealogyEdges.COUNTRY),
                    from.stream().filter(l -> l.toEntity().equals("CustomsDeclaration")).map(Genealogy.Link::toKey).toList(),
                    items));
        }
        return new RecallImpact(trace.from(), list(byEntity, "Batch"), list(byEntity, "SerialUnit"),
                list(byEntity, GenealogyEdges.SSCC), shipments, list(byEntity, GenealogyEdges.CUSTOMER),
                list(byEntity, GenealogyEdges.COUNTRY), list(byEntity, "CustomsDeclaration"), trace.complete());
    }

    /** One row per item per shipment (an item not shipped has a row without a shipment), for a spreadsheet. */
    public String csv() {
        StringBuilder csv = new StringBuilder("item_entity,item,quantity,unit,shipment,customer,country,declarations\r\n");
        Set<String> shipped = new LinkedHashSet<>();
        for (Shipped shipment : shipments) {
            for (Item item : shipment.items()) {
                shipped.add(item.key());
                row(csv, item.entity(), item.key(), item.quantity() == null ? "" : item.quantity().toPlainString(),
                        item.unit(), shipment.shipment(), shipment.customer(), shipment.country(),
                        String.join(";", shipment.declarations()));
            }
        }
        for (String batch : batches) {
            if (!shipped.contains(batch)) {
                row(csv, "Batch", batch, "", "", "", "", "", "");
            }
        }
        for (String serial : serials) {
            if (!shipped.contains(serial)) {
                row(csv, "SerialUnit", serial, "", "", "", "", "", "");
            }
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i] == null ? "" : cells[i];
            csv.append(i == 0 ? "" : ",").append(cell.matches(".*[\",\r\n].*") ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        csv.append("\r\n");
    }

    private static String first(List<Genealogy.Link> links, String entity) {
        return links.stream().filter(l -> l.toEntity().equals(entity)).map(Genealogy.Link::toKey).findFirst().orElse(null);
    }

    private static List<String> list(Map<String, Set<String>> byEntity, String entity) {
        return List.copyOf(byEntity.getOrDefault(entity, Set.of()));
    }
}
