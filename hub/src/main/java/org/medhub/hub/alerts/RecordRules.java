package org.medhub.hub.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.unit.Quantity;
import org.medhub.hub.records.CurrentRecords;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rules that raise alerts on records as they arrive: a shipment that carries a batch quality has not released, a
 * storage or transport reading outside the product's range (a cold-chain excursion), and, swept regularly, lots in
 * stock or in transit that are near or past their expiry date. Each alert names the record, the rule and the fields.
 */
public class RecordRules {

    public static final String UNRELEASED = "shipment-unreleased-batch";
    public static final String EXCURSION = "cold-chain-excursion";
    public static final String EXPIRING = "expiry-approaching";
    public static final String EXPIRED = "expired";
    /** A shipment in these states has goods on their way, or about to be. */
    private static final Set<String> GOING = Set.of("PACKED", "SHIPPED", "DELIVERED");
    private static final Set<String> RELEASED = Set.of("RELEASED", "SHIPPED");

    private final JdbcTemplate jdbc;
    private final CurrentRecords records;
    private final Alerts alerts;
    private final Clock clock;
    private final int expiryWarningDays;

    /** @param expiryWarningDays how many days before its expiry date a lot in stock or in transit raises an alert */
    public RecordRules(JdbcTemplate jdbc, CurrentRecords records, Alerts alerts, Clock clock, int expiryWarningDays) {
        this.jdbc = jdbc;
        this.records = records;
        this.alerts = alerts;
        this.clock = clock;
        this.expiryWarningDays = expiryWarningDays;
    }

    public void onRecord(String entity, JsonNode record) {
        switch (entity) {
            case "Shipment" -> shipment(record);
            case "StorageConditionReading" -> reading(record);
            default -> { }
        }
    }

    /** A batch on a shipment that is packed, shipped or delivered must be released (or shipped before). */
    void shipment(JsonNode shipment) {
        if (!GOING.contains(shipment.path("status").asText())) {
            return;
        }
        String number = shipment.path("shipmentNumber").asText();
        List<String> fields = new ArrayList<>();
        List<String> found = new ArrayList<>();
        JsonNode lines = shipment.path("lines");
        for (int i = 0; i < lines.size(); i++) {
            String batch = lines.get(i).path("batch").asText(null);
            if (batch == null) {
                continue;
            }
            String status = records.of("Batch", batch).map(b -> b.path("status").asText()).orElse("unknown to the hub");
            if (!RELEASED.contains(status)) {
                fields.add("lines[" + i + "].batch");
                found.add(batch + " (" + status + ")");
            }
        }
        if (!found.isEmpty()) {
            alerts.raise(UNRELEASED, "Shipment", number, "shipment " + number + " is " + shipment.path("status").asText()
                    + " with batches quality has not released: " + String.join(", ", found), fields);
        }
    }

    /** A reading outside the range: its own limits where it has them, else the storage range of the shipment's products. */
    void reading(JsonNode reading) {
        Quantity temperature = quantity(reading.get("temperature"));
        if (temperature == null) {
            return;
        }
        Quantity lower = quantity(reading.get("lowerLimit"));
        Quantity upper = quantity(reading.get("upperLimit"));
        String whose = "the location's limits";
        if ((lower == null || upper == null) && reading.hasNonNull("shipment")) {
            whose = "the storage range of the products shipped";
            for (JsonNode product : productsOf(reading.get("shipment").asText())) {
                // the strictest range of all the products on board
                Quantity min = quantity(product.path("storage").get("minTemperature"));
                Quantity max = quantity(product.path("storage").get("maxTemperature"));
                if (min != null && (lower == null || above(min, lower))) {
                    lower = min;
                }
                if (max != null && (upper == null || above(upper, max))) {
                    upper = max;
                }
            }
        }
        String key = reading.path("sensorId").asText() + "/" + reading.path("readAt").asText();
        if (lower != null && above(lower, temperature)) {
            alerts.raise(EXCURSION, "StorageConditionReading", key, excursion(reading, temperature, "below", lower, whose),
                    List.of("temperature"));
        } else if (upper != null && above(temperature, upper)) {
            alerts.raise(EXCURSION, "StorageConditionReading", key, excursion(reading, temperature, "above", upper, whose),
                    List.of("temperature"));
        }
    }

    /**
     * Lots released and in stock, or on a shipment on its way, whose expiry date is within the warning days, or past.
     *
     * @return how many alerts it raised (or raised again)
     */
    public int sweepExpiry() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.ofHours(8)));
        LocalDate horizon = today.plusDays(expiryWarningDays);
        List<String[]> due = jdbc.query("""
                select b.business_key, b.record->>'expiryDate', b.record->>'status',
                       (select string_agg(s.business_key, ',') from record_state s where s.entity = 'Shipment'
                          and s.record->>'status' in ('PACKED', 'SHIPPED')
                          and s.record->'lines' @> jsonb_build_array(jsonb_build_object('batch', b.business_key)))
                from record_state b
                where b.entity = 'Batch' and b.record->>'expiryDate' is not null and (b.record->>'expiryDate')::date <= ?::date
                  and b.record->>'status' in ('RELEASED', 'SHIPPED')""",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)},
                horizon.toString());
        int raised = 0;
        for (String[] batch : due) {
            boolean inStock = "RELEASED".equals(batch[2]);
            if (!inStock && batch[3] == null) {
                continue; // shipped and arrived: no longer the maker's to act on
            }
            LocalDate expiry = LocalDate.parse(batch[1]);
            boolean expired = expiry.isBefore(today);
            String where = inStock ? "in stock" : "in transit on " + batch[3];
            alerts.raise(expired ? EXPIRED : EXPIRING, "Batch", batch[0], "batch " + batch[0] + " " + where
                    + (expired ? " expired on " : " expires on ") + expiry + (expired ? "" : ", within " + expiryWarningDays
                    + " days"), List.of("expiryDate"));
            raised++;
        }
        return raised;
    }

    private static String excursion(JsonNode reading, Quantity temperature, String side, Quantity limit, String whose) {
        return "reading of " + reading.path("sensorId").asText() + " at " + reading.path("location").asText() + " ("
                + reading.path("readAt").asText() + "): " + temperature + " is " + side + " " + limit + ", " + whose;
    }

    private List<JsonNode> productsOf(String shipment) {
        List<JsonNode> products = new ArrayList<>();
        records.of("Shipment", shipment).ifPresent(s -> s.path("lines").forEach(line -> {
            String batch = line.path("batch").asText("");
            if (batch.startsWith("01/") && batch.length() > 17) {
                records.of("Product", batch.substring(0, 17)).ifPresent(products::add);
            }
        }));
        return products;
    }

    /** Whether a is above b, in b's unit. */
    private static boolean above(Quantity a, Quantity b) {
        return a.to(b.unit()).value().compareTo(b.value()) > 0;
    }

    private static Quantity quantity(JsonNode node) {
        if (node == null || node.isNull() || !node.has("value")) {
            return null;
        }
        try {
            return CanonicalJson.mapper().convertValue(node, Quantity.class);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
