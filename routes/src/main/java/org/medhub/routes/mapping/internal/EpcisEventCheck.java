package org.medhub.routes.mapping.internal;

import static org.medhub.routes.mapping.internal.EpcisSchema.ORDER;
import static org.medhub.routes.mapping.internal.EpcisSchema.QUANTITY_LISTS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.medhub.routes.mapping.MappingViolation;

/**
 * The checks of one EPCIS 2.0 event in its JSON-LD form, whichever binding it came in: its type and fields, times,
 * action, identifiers, quantities, namespaced ILMD, and the CBV values it names, which are then written bare.
 *
 * @param pointer the event's JSON Pointer in the document, where its problems are located
 * @param name the event as problems name it, {@code eventList[2]}
 */
record EpcisEventCheck(JsonTree tree, ObjectNode event, String pointer, String name, List<MappingViolation> problems) {

    private static final JsonNodeFactory NODES = JsonTree.NODES;
    private static final Set<String> ACTIONS = Set.of("ADD", "OBSERVE", "DELETE");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern OFFSET = Pattern.compile("[+-]\\d{2}:\\d{2}");

    void run() {
        String type = event.path("type").asText();
        List<String> known = ORDER.get(type);
        if (known == null) {
            problem("epcis-event", pointer + "/type", name + ".type '" + type + "' is not one of " + ORDER.keySet());
            return;
        }
        for (Iterator<String> keys = event.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.contains(":") && !key.equals("type") && !key.startsWith("@") && !known.contains(key)) {
                problem("epcis-unknown-field", pointer + "/" + JsonPaths.escape(key), name + "." + key + " is not a field of a "
                        + type + "; an extension field needs a namespace prefix");
            }
        }
        dateTime("eventTime", true);
        dateTime("recordTime", false);
        String offset = event.path("eventTimeZoneOffset").asText(null);
        if (offset == null) {
            problem("epcis-required", pointer, name + " (" + type + ") has no eventTimeZoneOffset");
        } else if (!OFFSET.matcher(offset).matches()) {
            problem("epcis-time", pointer + "/eventTimeZoneOffset", name + ".eventTimeZoneOffset '" + offset
                    + "' is not an offset such as +08:00");
        }
        if (!type.equals("TransformationEvent")) {
            String action = event.path("action").asText(null);
            if (action == null) {
                problem("epcis-required", pointer, name + " (" + type + ") has no action (ADD, OBSERVE or DELETE)");
            } else if (!ACTIONS.contains(action)) {
                problem("epcis-action", pointer + "/action", name + ".action '" + action + "' is not one of ADD, OBSERVE, DELETE");
            }
        }
        if (type.equals("ObjectEvent") && isEmpty("epcList") && isEmpty("quantityList") && isEmpty("sensorElementList")) {
            problem("epcis-identifiers", pointer, name + " (ObjectEvent) names no object: it needs an epcList or a "
                    + "quantityList (or sensor data, for a reading at a place)");
        }
        sensorTypes();
        term(event, "bizStep", pointer, CbvVocabulary.BIZ_STEP);
        term(event, "disposition", pointer, CbvVocabulary.DISPOSITION);
        JsonNode persistent = event.get("persistentDisposition");
        if (persistent != null) {
            for (String part : List.of("set", "unset")) {
                JsonNode list = persistent.path(part);
                for (int i = 0; i < list.size(); i++) {
                    termAt((ArrayNode) list, i, pointer + "/persistentDisposition/" + part + "/" + i, CbvVocabulary.DISPOSITION);
                }
            }
        }
        typedList("bizTransactionList", "bizTransaction", CbvVocabulary.BUSINESS_TRANSACTION);
        typedList("sourceList", "source", CbvVocabulary.SOURCE_DESTINATION);
        typedList("destinationList", "destination", CbvVocabulary.SOURCE_DESTINATION);
        JsonNode error = event.get("errorDeclaration");
        if (error instanceof ObjectNode errorObject) {
            term(errorObject, "reason", pointer + "/errorDeclaration", CbvVocabulary.ERROR_REASON);
            if (errorObject.has("declarationTime") && !isDateTime(errorObject.get("declarationTime").asText())) {
                problem("epcis-time", pointer + "/errorDeclaration/declarationTime", name
                        + ".errorDeclaration.declarationTime is not a date and time with an offset");
            }
        }
        for (String list : QUANTITY_LISTS) {
            quantities(list);
        }
        JsonNode ilmd = event.get("ilmd");
        if (ilmd != null && ilmd.isObject()) {
            ilmd.fieldNames().forEachRemaining(key -> {
                if (!key.contains(":") && !key.startsWith("@")) {
                    problem("epcis-namespace", pointer + "/ilmd/" + JsonPaths.escape(key), name + ".ilmd." + key
                            + " has no namespace: ILMD fields are master data of a vocabulary, e.g. cbvmda:lotNumber");
                }
            });
        }
        JsonNode certification = event.get("certificationInfo");
        if (certification != null && !certification.isTextual()
                && !(certification.isArray() && allText(certification))) {
            problem("epcis-certification", pointer + "/certificationInfo", name
                    + ".certificationInfo must be the URI of a certificate (or a list of them)");
        }
    }

    /** gs1:Temperature and https://gs1.org/voc/Temperature are the GS1 Web Vocabulary's Temperature. */
    private void sensorTypes() {
        for (JsonNode sensorElement : event.path("sensorElementList")) {
            for (JsonNode report : sensorElement.path("sensorReport")) {
                if (report instanceof ObjectNode object && object.path("type").isTextual()) {
                    String type = object.get("type").asText();
                    for (String prefix : List.of("gs1:", "https://gs1.org/voc/", "http://gs1.org/voc/")) {
                        if (type.startsWith(prefix)) {
                            object.put("type", type.substring(prefix.length()));
                        }
                    }
                }
            }
        }
    }

    private boolean isEmpty(String list) {
        JsonNode node = event.get(list);
        return node == null || !node.isArray() || node.isEmpty();
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private void dateTime(String field, boolean required) {
        JsonNode value = event.get(field);
        if (value == null) {
            if (required) {
                problem("epcis-required", pointer, name + " (" + event.path("type").asText() + ") has no " + field);
            }
            return;
        }
        if (!isDateTime(value.asText())) {
            problem("epcis-time", pointer + "/" + field, name + "." + field + " '" + value.asText()
                    + "' is not a date and time with an offset, e.g. 2026-11-21T09:30:00+08:00");
        }
    }

    private static boolean isDateTime(String text) {
        if (!DATE_TIME.matcher(text).matches()) {
            return false;
        }
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private void term(ObjectNode owner, String field, String ownerPointer, CbvVocabulary vocabulary) {
        JsonNode value = owner.get(field);
        if (value == null) {
            return;
        }
        String normalized = vocabulary.normalize(value.asText());
        if (normalized == null) {
            problem("epcis-cbv", ownerPointer + "/" + field, name + "." + field + " '" + value.asText()
                    + "' is neither a CBV " + vocabulary.name() + " nor a URI of one's own");
        } else {
            owner.put(field, normalized);
        }
    }

    private void termAt(ArrayNode list, int index, String at, CbvVocabulary vocabulary) {
        String normalized = vocabulary.normalize(list.get(index).asText());
        if (normalized == null) {
            problem("epcis-cbv", at, name + " has '" + list.get(index).asText() + "', which is neither a CBV "
                    + vocabulary.name() + " nor a URI of one's own");
        } else {
            list.set(index, NODES.textNode(normalized));
        }
    }

    private void typedList(String list, String valueField, CbvVocabulary vocabulary) {
        JsonNode items = event.get(list);
        if (items == null) {
            return;
        }
        if (!items.isArray()) {
            problem("epcis-list", pointer + "/" + list, name + "." + list + " must be a list");
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = pointer + "/" + list + "/" + i;
            if (!(item instanceof ObjectNode object) || !object.has(valueField)) {
                problem("epcis-list", at, name + "." + list + "[" + i + "] needs " + valueField);
                continue;
            }
            term(object, "type", at, vocabulary);
        }
    }

    private void quantities(String list) {
        JsonNode items = event.get(list);
        if (items == null) {
            return;
        }
        if (!items.isArray()) {
            problem("epcis-list", pointer + "/" + list, name + "." + list + " must be a list of quantity elements");
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = pointer + "/" + list + "/" + i;
            String itemName = name + "." + list + "[" + i + "]";
            if (!item.isObject()) {
                problem("epcis-quantity", at, itemName + " is not a quantity element");
                continue;
            }
            item.fieldNames().forEachRemaining(key -> {
                if (!Set.of("epcClass", "quantity", "uom").contains(key)) {
                    problem("epcis-unknown-field", at + "/" + JsonPaths.escape(key), itemName + "." + key
                            + " is not a field of a quantity element (epcClass, quantity, uom)");
                }
            });
            if (!item.has("epcClass")) {
                problem("epcis-required", at, itemName + " has no epcClass");
            }
            JsonNode quantity = item.get("quantity");
            if (quantity != null && !quantity.isNumber()) {
                problem("epcis-quantity", at + "/quantity", itemName + ".quantity '" + quantity.asText() + "' is not a number");
            }
            if (item.has("uom") && quantity == null) {
                problem("epcis-quantity", at + "/uom", itemName + " has a uom but no quantity");
            }
        }
    }

    private void problem(String rule, String at, String message) {
        problems.add(Epcis.problem(rule, tree, at, message));
    }
}
