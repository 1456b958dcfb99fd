package org.medhub.canonical.gudid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A GUDID device record to the Product fields it publishes. The record is the tree both GUDID forms share: the
 * AccessGUDID JSON {@code gudid.device}, and the device XML as {@link GudidXmlReader} turns it into a tree, where a
 * list of one is a single node and values are text.
 */
final class GudidProductMapping {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** GUDID's production identifier flags, in label order, and the Product value each one means. */
    private static final Map<String, String> PRODUCTION_IDENTIFIERS = orderedMap(
            "lotBatch", "LOT", "serialNumber", "SERIAL", "expirationDate", "EXPIRY_DATE",
            "manufacturingDate", "MANUFACTURING_DATE");

    private static final Map<String, String> STATUS = Map.of(
            "in commercial distribution", "IN_COMMERCIAL_DISTRIBUTION",
            "not in commercial distribution", "NOT_IN_COMMERCIAL_DISTRIBUTION");

    /** GUDID sterilization methods with a Product value of their own; the others are OTHER. */
    private static final Map<String, String> STERILIZATION = Map.of(
            "ethylene oxide", "ETHYLENE_OXIDE",
            "moist heat or steam sterilization", "MOIST_HEAT",
            "dry heat sterilization", "DRY_HEAT",
            "hydrogen peroxide", "HYDROGEN_PEROXIDE");

    private static final Map<String, String> TEMPERATURE_UNITS = Map.of(
            "degrees celsius", "Cel", "degrees fahrenheit", "[degF]", "degrees kelvin", "K");
    private static final Map<String, String> HUMIDITY_UNITS = Map.of("percent (%) relative humidity", "%");

    private static final Pattern ISO_DATE_PREFIX = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T.*)?");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

    private GudidProductMapping() {}

    static GudidDevice map(JsonNode device) {
        List<String> notes = new ArrayList<>();
        JsonNode primary = null;
        List<JsonNode> packages = new ArrayList<>();
        for (JsonNode identifier : items(device.path("identifiers"), "identifier")) {
            String type = text(identifier, "deviceIdType");
            if ("Primary".equalsIgnoreCase(type) && primary == null) {
                primary = identifier;
            } else if ("Package".equalsIgnoreCase(type)) {
                packages.add(identifier);
            } else {
                notes.add(type + " DI " + text(identifier, "deviceId") + " left out: Product has no field for it");
            }
        }
        if (primary == null) {
            return new GudidDevice(text(device, "deviceId"), null, null, "the record has no Primary DI", notes);
        }
        String di = text(primary, "deviceId");
        String agency = text(primary, "deviceIdIssuingAgency");
        if (!"GS1".equalsIgnoreCase(agency)) {
            return new GudidDevice(di, agency, null, "primary DI " + di + " is issued by " + agency
                    + ", not GS1: it is no GTIN, and a Product is identified by its GS1 GTIN", notes);
        }
        if (Boolean.TRUE.equals(bool(device, "donationIdNumber"))) {
            return new GudidDevice(di, agency, null, "its UDI carries a donation identification number, which "
                    + "Product.udiProductionIdentifiers " + PRODUCTION_IDENTIFIERS.values() + " cannot say", notes);
        }

        ObjectNode product = NODES.objectNode();
        product.put("gtin", di);
        putText(product, "brandName", text(device, "brandName"));
        putText(product, "model", text(device, "versionModelNumber"));
        putText(product, "catalogNumber", text(device, "catalogNumber"));
        putText(product, "manufacturerName", text(device, "companyName"));
        gmdn(device, product, notes);
        productionIdentifiers(device, product, notes);
        sterilization(device.path("sterilization"), product, notes);
        putBoolean(product, "singleUse", device, "singleUse");
        storage(device, product, notes);
        packagings(packages, product, notes);
        distribution(device, product, notes);

        String deviceCount = text(device, "deviceCount");
        if (deviceCount != null && !deviceCount.equals("1")) {
            notes.add("deviceCount " + deviceCount + " (devices under one DI) left out: Product has no field for it");
        }
        return new GudidDevice(di, agency, product, null, notes);
    }

    /** Product holds one GMDN term: the first active one, else the first. */
    private static void gmdn(JsonNode device, ObjectNode product, List<String> notes) {
        List<JsonNode> terms = items(device.path("gmdnTerms"), "gmdn");
        if (terms.isEmpty()) {
            return;
        }
        JsonNode term = terms.stream().filter(t -> "Active".equalsIgnoreCase(text(t, "gmdnCodeStatus")))
                .findFirst().orElse(terms.get(0));
        putText(product, "gmdnCode", text(term, "gmdnCode"));
        putText(product, "gmdnTerm", freeText(text(term, "gmdnPTName")));
        // GMDN's implantable attribute describes the device; the FDA product code's implantFlag only its category
        putBoolean(product, "implantable", term, "implantable");
        for (JsonNode other : terms) {
            if (other != term) {
                notes.add("GMDN term " + describeGmdn(other) + " left out: Product holds one GMDN term, "
                        + describeGmdn(term));
            }
        }
    }

    private static String describeGmdn(JsonNode term) {
        String code = text(term, "gmdnCode");
        String status = text(term, "gmdnCodeStatus");
        return (code == null ? "" : code + " ") + "'" + freeText(text(term, "gmdnPTName")) + "'"
                + (status == null ? "" : " (" + status + ")");
    }

    /** An empty list says the label carries no production identifier; absent flags leave the field out. */
    private static void productionIdentifiers(JsonNode device, ObjectNode product, List<String> notes) {
        ArrayNode carried = NODES.arrayNode();
        boolean published = false;
        for (Map.Entry<String, String> flag : PRODUCTION_IDENTIFIERS.entrySet()) {
            Boolean value = bool(device, flag.getKey());
            published |= value != null;
            if (Boolean.TRUE.equals(value)) {
                carried.add(flag.getValue());
            } else if (value == null && text(device, flag.getKey()) != null) {
                notes.add(flag.getKey() + " '" + text(device, flag.getKey()) + "' is neither true nor false: "
                        + flag.getValue() + " left out");
            }
        }
        if (published) {
            product.set("udiProductionIdentifiers", carried);
        }
    }

    private static void sterilization(JsonNode sterilization, ObjectNode product, List<String> notes) {
        putBoolean(product, "sterile", sterilization, "deviceSterile");
        List<String> methods = items(sterilization.path("methodTypes"), "sterilizationMethod").stream()
                .map(GudidProductMapping::text).filter(m -> m != null).toList();
        if (methods.isEmpty()) {
            return;
        }
        // Product holds one method: the first that has a value of its own, else OTHER
        String kept = methods.stream().filter(m -> STERILIZATION.containsKey(m.toLowerCase(Locale.ROOT)))
                .findFirst().orElse(methods.get(0));
        String method = STERILIZATION.getOrDefault(kept.toLowerCase(Locale.ROOT), "OTHER");
        product.put("sterilizationMethod", method);
        if (method.equals("OTHER")) {
            notes.add("sterilization method '" + kept + "' written as OTHER: Product has no value for it");
        }
        for (String other : methods) {
            if (!other.equals(kept)) {
                notes.add("sterilization method '" + other + "' left out: Product holds one method, '" + kept + "'");
            }
        }
    }

    /**
     * Product.storage holds the storage temperature range, the highest storage humidity and the special conditions;
     * handling conditions, pressures and the lowest humidity are noted, not mapped.
     */
    private static void storage(JsonNode device, ObjectNode product, List<String> notes) {
        ObjectNode storage = NODES.objectNode();
        List<String> special = new ArrayList<>();
        for (JsonNode condition : items(device.path("environmentalConditions"), "storageHandling")) {
            String type = text(condition, "storageHandlingType");
            String text = freeText(text(condition, "storageHandlingSpecialConditionText"));
            if (text != null && !special.contains(text)) {
                special.add(text);
            }
            JsonNode low = condition.path("storageHandlingLow");
            JsonNode high = condition.path("storageHandlingHigh");
            String kind = type == null ? "" : type.toLowerCase(Locale.ROOT);
            switch (kind) {
                case "storage environment temperature" -> {
                    putQuantity(storage, "minTemperature", low, TEMPERATURE_UNITS, type, notes);
                    putQuantity(storage, "maxTemperature", high, TEMPERATURE_UNITS, type, notes);
                }
                case "storage environment humidity" -> {
                    putQuantity(storage, "maxHumidity", high, HUMIDITY_UNITS, type, notes);
                    noteUnmapped("lowest " + type, low, notes);
                }
                case "special storage condition, specify" -> { }
                default -> {
                    noteUnmapped("lowest " + type, low, notes);
                    noteUnmapped("highest " + type, high, notes);
                }
            }
        }
        if (!special.isEmpty()) {
            storage.put("specialConditions", String.join("; ", special));
        }
        if (!storage.isEmpty()) {
            product.set("storage", storage);
        }
    }

    private static void putQuantity(ObjectNode storage, String field, JsonNode measure, Map<String, String> units,
            String type, List<String> notes) {
        String value = text(measure, "value");
        if (value == null) {
            return;
        }
        String unit = text(measure, "unit");
        String ucum = unit == null ? null : units.get(unit.toLowerCase(Locale.ROOT));
        if (ucum == null) {
            notes.add(type + " " + value + " '" + unit + "' left out: no UCUM unit known for '" + unit + "'");
            return;
        }
        if (storage.has(field)) {
            notes.add(type + " " + value + " " + unit + " left out: " + field + " is already " + storage.get(field));
            return;
        }
        ObjectNode quantity = storage.putObject(field);
        quantity.set("value", number(value));
        quantity.put("unit", ucum);
    }

    private static void noteUnmapped(String what, JsonNode measure, List<String> notes) {
        String value = text(measure, "value");
        if (value != null) {
            notes.add(what + " " + value + " " + text(measure, "unit")
                    + " left out: Product.storage has no field for it");
        }
    }

    private static void packagings(List<JsonNode> packages, ObjectNode product, List<String> notes) {
        ArrayNode levels = NODES.arrayNode();
        for (JsonNode identifier : packages) {
            String di = text(identifier, "deviceId");
            String agency = text(identifier, "deviceIdIssuingAgency");
            if (!"GS1".equalsIgnoreCase(agency)) {
                notes.add("package DI " + di + " of " + agency + " left out: it is no GTIN");
                continue;
            }
            ObjectNode level = levels.addObject();
            level.put("gtin", di);
            putText(level, "containedGtin", text(identifier, "containsDINumber"));
            String quantity = text(identifier, "pkgQuantity");
            if (quantity != null) {
                ObjectNode perPackage = level.putObject("quantityPerPackage");
                perPackage.set("value", number(quantity));
                perPackage.put("unit", "{each}");
            }
            putText(level, "packagingType", text(identifier, "pkgType"));
            String status = text(identifier, "pkgStatus");
            if (status != null && !"In Commercial Distribution".equalsIgnoreCase(status)) {
                String since = text(identifier, "pkgDiscontinueDate");
                notes.add("package DI " + di + " is '" + status + "'"
                        + (since == null ? "" : " since " + isoDate(since))
                        + "; Product.packagings has no status, so it is listed like the others");
            }
        }
        if (!levels.isEmpty()) {
            product.set("packagings", levels);
        }
    }

    private static void distribution(JsonNode device, ObjectNode product, List<String> notes) {
        String status = text(device, "deviceCommDistributionStatus");
        if (status != null) {
            String mapped = STATUS.get(status.toLowerCase(Locale.ROOT));
            if (mapped == null) {
                notes.add("commercial distribution status '" + status + "' left out: Product has no value for it");
            } else {
                product.put("status", mapped);
            }
        }
        putText(product, "commercialDistributionEndDate", isoDate(text(device, "deviceCommDistributionEndDate")));
    }

    /**
     * AccessGUDID JSON writes GUDID dates as midnight UTC ({@code 2018-03-30T00:00:00.000Z}), the XML as
     * {@code 2018-03-30}; both are that date. Anything else is kept as published for validation to report.
     */
    private static String isoDate(String value) {
        return value != null && ISO_DATE_PREFIX.matcher(value).matches() ? value.substring(0, 10) : value;
    }

    /** A GUDID number as published; one that is not a number stays text, for validation to report. */
    private static JsonNode number(String value) {
        try {
            return NODES.numberNode(new BigDecimal(value));
        } catch (NumberFormatException e) {
            return NODES.textNode(value);
        }
    }

    /** The items of a GUDID list: JSON gives an array, XML a single node when there is only one. */
    static List<JsonNode> items(JsonNode container, String item) {
        JsonNode node = container.path(item);
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else if (!node.isMissingNode() && !node.isNull()) {
            items.add(node);
        }
        return items;
    }

    /** A value as text, stripped; null when absent, nil or blank. */
    static String text(JsonNode parent, String field) {
        return text(parent.path(field));
    }

    static String text(JsonNode value) {
        if (value.isMissingNode() || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    /** JSON booleans, or the XML's {@code true}/{@code false}; anything else is null. */
    static Boolean bool(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = text(value);
        return "true".equalsIgnoreCase(text) ? Boolean.TRUE : "false".equalsIgnoreCase(text) ? Boolean.FALSE : null;
    }

    /** Pretty-printed XML breaks long texts over lines; the line breaks are layout, not content. */
    private static String freeText(String text) {
        return text == null ? null : LINE_BREAKS.matcher(text).replaceAll(" ");
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** A value that is neither true nor false is kept as published, for validation to report. */
    private static void putBoolean(ObjectNode node, String field, JsonNode parent, String gudidField) {
        Boolean value = bool(parent, gudidField);
        if (value != null) {
            node.put(field, value);
        } else {
            putText(node, field, text(parent, gudidField));
        }
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
