package org.medhub.routes.mapping.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.medhub.routes.mapping.MappingException;
import org.medhub.routes.mapping.MappingSpec;
import org.medhub.routes.mapping.MappingViolation;
import org.medhub.routes.mapping.SourceLocation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * GS1 EPCIS 2.0 capture documents, JSON-LD or XML, read into the JSON-LD form so that one mapping (JSONPath)
 * serves both bindings. A single event is read as a document of that one event. The document is checked against
 * the rules of the standard a mapping relies on, and refused with every reason: @context (JSON-LD), event types,
 * eventTime and eventTimeZoneOffset, action, CBV values written as bare words (bizStep, disposition, business
 * transaction, source and destination types, error reasons), quantity elements, identifier lists, namespaced
 * extensions and ILMD, and in XML the element order of the EPCIS 2.0 schema. CBV values are then written in their
 * bare form ({@code urn:epcglobal:cbv:bizstep:shipping} and {@code https://ref.gs1.org/cbv/BizStep-shipping} both
 * become {@code shipping}), so a mapping compares one spelling.
 */
final class Epcis {

    static final String NS = "urn:epcglobal:epcis:xsd:2";
    private static final JsonNodeFactory NODES = JsonTree.NODES;

    private static final List<String> BASE = List.of("eventTime", "recordTime", "eventTimeZoneOffset", "eventID",
            "errorDeclaration", "certificationInfo");
    /** The element order of each event type in the EPCIS 2.0 XML schema (extensions follow). */
    private static final Map<String, List<String>> ORDER = Map.of(
            "ObjectEvent", withBase("epcList", "action", "bizStep", "disposition", "readPoint", "bizLocation",
                    "bizTransactionList", "quantityList", "sourceList", "destinationList", "sensorElementList",
                    "persistentDisposition", "ilmd"),
            "AggregationEvent", withBase("parentID", "childEPCs", "action", "bizStep", "disposition", "readPoint",
                    "bizLocation", "bizTransactionList", "childQuantityList", "sourceList", "destinationList",
                    "sensorElementList", "persistentDisposition"),
            "TransactionEvent", withBase("bizTransactionList", "parentID", "epcList", "action", "bizStep", "disposition",
                    "readPoint", "bizLocation", "quantityList", "sourceList", "destinationList", "sensorElementList",
                    "persistentDisposition"),
            "TransformationEvent", withBase("inputEPCList", "inputQuantityList", "outputEPCList", "outputQuantityList",
                    "transformationID", "bizStep", "disposition", "readPoint", "bizLocation", "bizTransactionList",
                    "sourceList", "destinationList", "sensorElementList", "persistentDisposition", "ilmd"),
            "AssociationEvent", withBase("parentID", "childEPCs", "childQuantityList", "action", "bizStep",
                    "disposition", "readPoint", "bizLocation", "bizTransactionList", "sourceList", "destinationList",
                    "sensorElementList", "persistentDisposition"));
    private static final Set<String> EPC_LISTS = Set.of("epcList", "childEPCs", "inputEPCList", "outputEPCList");
    private static final Set<String> QUANTITY_LISTS = Set.of("quantityList", "childQuantityList", "inputQuantityList",
            "outputQuantityList");
    private static final Set<String> ACTIONS = Set.of("ADD", "OBSERVE", "DELETE");
    private static final Set<String> SENSOR_NUMBERS = Set.of("value", "minValue", "maxValue", "meanValue", "sDev",
            "percRank", "percValue");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern OFFSET = Pattern.compile("[+-]\\d{2}:\\d{2}");

    /** A CBV vocabulary: its URN and Web URI prefixes, and its terms (GS1 CBV 2.0). */
    private record Vocabulary(String name, List<String> prefixes, Set<String> terms) {

        /** The bare term of a CBV value, the value itself when it is another URI or CURIE, or null when it is no term. */
        String normalize(String value) {
            for (String prefix : prefixes) {
                if (value.startsWith(prefix)) {
                    String term = value.substring(prefix.length());
                    return terms.contains(term) ? term : null;
                }
            }
            if (!value.contains(":")) {
                return terms.contains(value) ? value : null;
            }
            return value;
        }
    }

    private static Vocabulary vocabulary(String name, String urn, String web, String... terms) {
        return new Vocabulary(name, List.of("urn:epcglobal:cbv:" + urn + ":", "https://ref.gs1.org/cbv/" + web + "-",
                "cbv:" + web + "-", "gs1:" + web + "-"), Set.of(terms));
    }

    private static final Vocabulary BIZ_STEP = vocabulary("bizStep", "bizstep", "BizStep", "accepting", "arriving",
            "assembling", "collecting", "commissioning", "consigning", "creating_class_instance", "cycle_counting",
            "decommissioning", "departing", "destroying", "disassembling", "dispensing", "encoding", "entering_exiting",
            "holding", "inspecting", "installing", "killing", "loading", "other", "packing", "picking", "receiving",
            "removing", "repackaging", "repairing", "replacing", "reserving", "retail_selling", "sampling",
            "sensor_reporting", "shipping", "staging_outbound", "stock_taking", "stocking", "storing", "transporting",
            "unloading", "unpacking", "void_shipping");
    private static final Vocabulary DISPOSITION = vocabulary("disposition", "disp", "Disp", "active", "available",
            "completeness_inferred", "completeness_verified", "conformant", "container_closed", "container_open",
            "damaged", "destroyed", "dispensed", "disposed", "encoded", "expired", "in_progress", "in_transit",
            "inactive", "mismatch_class", "mismatch_instance", "mismatch_quantity", "needs_replacement",
            "no_pedigree_match", "non_conformant", "non_sellable_other", "partially_dispensed", "recalled", "reserved",
            "retail_sold", "returned", "sellable_accessible", "sellable_not_accessible", "stolen", "unavailable", "unknown");
    private static final Vocabulary BUSINESS_TRANSACTION = vocabulary("business transaction type", "btt", "BTT", "bol",
            "desadv", "inv", "pedigree", "po", "poc", "prodorder", "recadv", "rma", "testprd", "testres", "upevt");
    private static final Vocabulary SOURCE_DESTINATION = vocabulary("source or destination type", "sdt", "SDT",
            "owning_party", "possessing_party", "location");
    private static final Vocabulary ERROR_REASON = vocabulary("error reason", "er", "ER", "did_not_occur", "incorrect_data");

    private Epcis() {}

    private static List<String> withBase(String... specific) {
        List<String> order = new ArrayList<>(BASE);
        order.addAll(List.of(specific));
        return List.copyOf(order);
    }

    static SourceDocument read(byte[] bytes, MappingSpec spec) {
        List<MappingViolation> problems = new ArrayList<>();
        JsonTree tree;
        boolean json = firstSignificant(bytes) == '{';
        if (json) {
            tree = JsonTree.parse(Sources.utf8(bytes, spec.charsetOrUtf8(), "EPCIS JSON-LD"));
            if (!tree.root().isObject()) {
                throw new MappingException("not an EPCIS document: the JSON is not an object");
            }
            if (!tree.root().has("@context")) {
                problems.add(problem("epcis-context", tree, "", "an EPCIS 2.0 JSON-LD document needs its @context "
                        + "(https://ref.gs1.org/standards/epcis/epcis-context.jsonld)"));
            }
        } else {
            Document document = SecureXml.parse(bytes, spec.charset(), UnaryOperator.identity());
            tree = new XmlReader(spec.epcis().strictXmlOrder(), problems).read(document);
        }
        tree = asDocument(tree, problems);
        validate(tree, problems);
        if (!problems.isEmpty()) {
            throw new MappingException("not a valid EPCIS 2.0 document: " + problems.size() + " problem(s)", problems);
        }
        return new JsonSource(tree);
    }

    private static int firstSignificant(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (i < 3 && (b == 0xEF || b == 0xBB || b == 0xBF)) {
                continue;
            }
            if (!Character.isWhitespace(b)) {
                return b;
            }
        }
        return -1;
    }

    private static MappingViolation problem(String rule, JsonTree tree, String pointer, String message) {
        return MappingViolation.ofDocument(rule, tree.location(pointer), message);
    }

    /** A single event as a document of that one event; a document as it is. */
    private static JsonTree asDocument(JsonTree tree, List<MappingViolation> problems) {
        JsonNode root = tree.root();
        String type = root.path("type").asText();
        if (type.equals("EPCISDocument")) {
            if (!root.at("/epcisBody/eventList").isArray()) {
                problems.add(problem("epcis-document", tree, "", "an EPCISDocument needs epcisBody.eventList, a list of events"));
            }
            if (!root.path("schemaVersion").asText().startsWith("2")) {
                problems.add(problem("epcis-document", tree, "", "schemaVersion is '" + root.path("schemaVersion").asText()
                        + "'; this reader takes EPCIS 2.0 documents"));
            }
            return tree;
        }
        if (!ORDER.containsKey(type)) {
            problems.add(problem("epcis-document", tree, "", "not an EPCIS 2.0 document or event: its type is '" + type
                    + "', not EPCISDocument or one of " + ORDER.keySet()));
            return tree;
        }
        ObjectNode document = NODES.objectNode();
        document.put("type", "EPCISDocument");
        document.put("schemaVersion", "2.0");
        document.putObject("epcisBody").putArray("eventList").add(root);
        Map<String, SourceLocation> locations = new HashMap<>();
        tree.locations().forEach((pointer, location) -> locations.put("/epcisBody/eventList/0" + pointer, location));
        locations.put("", tree.location(""));
        return new JsonTree(document, locations);
    }

    private static void validate(JsonTree tree, List<MappingViolation> problems) {
        JsonNode events = tree.root().at("/epcisBody/eventList");
        for (int i = 0; i < events.size(); i++) {
            String pointer = "/epcisBody/eventList/" + i;
            JsonNode event = events.get(i);
            if (!event.isObject()) {
                problems.add(problem("epcis-event", tree, pointer, "eventList[" + i + "] is not an event object"));
                continue;
            }
            new EventCheck(tree, (ObjectNode) event, pointer, "eventList[" + i + "]", problems).run();
        }
    }

    /** The checks of one event, then the CBV values written in their bare form. */
    private record EventCheck(JsonTree tree, ObjectNode event, String pointer, String name, List<MappingViolation> problems) {

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
            term(event, "bizStep", pointer, BIZ_STEP);
            term(event, "disposition", pointer, DISPOSITION);
            JsonNode persistent = event.get("persistentDisposition");
            if (persistent != null) {
                for (String part : List.of("set", "unset")) {
                    JsonNode list = persistent.path(part);
                    for (int i = 0; i < list.size(); i++) {
                        termAt((ArrayNode) list, i, pointer + "/persistentDisposition/" + part + "/" + i, DISPOSITION);
                    }
                }
            }
            typedList("bizTransactionList", "bizTransaction", BUSINESS_TRANSACTION);
            typedList("sourceList", "source", SOURCE_DESTINATION);
            typedList("destinationList", "destination", SOURCE_DESTINATION);
            JsonNode error = event.get("errorDeclaration");
            if (error instanceof ObjectNode errorObject) {
                term(errorObject, "reason", pointer + "/errorDeclaration", ERROR_REASON);
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

        private void term(ObjectNode owner, String field, String ownerPointer, Vocabulary vocabulary) {
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

        private void termAt(ArrayNode list, int index, String at, Vocabulary vocabulary) {
            String normalized = vocabulary.normalize(list.get(index).asText());
            if (normalized == null) {
                problem("epcis-cbv", at, name + " has '" + list.get(index).asText() + "', which is neither a CBV "
                        + vocabulary.name() + " nor a URI of one's own");
            } else {
                list.set(index, NODES.textNode(normalized));
            }
        }

        private void typedList(String list, String valueField, Vocabulary vocabulary) {
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

    /** EPCIS 2.0 XML in the JSON-LD form, with the line of every value; XML-only checks (unknown elements, order). */
    private static final class XmlReader {
        private final boolean strictOrder;
        private final List<MappingViolation> problems;
        private final Map<String, SourceLocation> locations = new HashMap<>();

        XmlReader(boolean strictOrder, List<MappingViolation> problems) {
            this.strictOrder = strictOrder;
            this.problems = problems;
        }

        JsonTree read(Document document) {
            Element root = document.getDocumentElement();
            String local = local(root);
            locate("", root);
            ObjectNode out;
            if (local.equals("EPCISDocument") && NS.equals(root.getNamespaceURI())) {
                out = NODES.objectNode();
                out.put("type", "EPCISDocument");
                copyAttribute(root, "schemaVersion", out);
                copyAttribute(root, "creationDate", out);
                for (Element child : children(root)) {
                    if (local(child).equals("EPCISHeader")) {
                        out.set("epcisHeader", generic(child, "/epcisHeader"));
                    } else if (local(child).equals("EPCISBody")) {
                        ObjectNode body = out.putObject("epcisBody");
                        locate("/epcisBody", child);
                        ArrayNode list = body.putArray("eventList");
                        for (Element eventList : children(child)) {
                            if (!local(eventList).equals("EventList")) {
                                continue;
                            }
                            locate("/epcisBody/eventList", eventList);
                            for (Element event : children(eventList)) {
                                String pointer = "/epcisBody/eventList/" + list.size();
                                list.add(event(event, pointer));
                            }
                        }
                    }
                }
            } else if (ORDER.containsKey(local) && (root.getNamespaceURI() == null || NS.equals(root.getNamespaceURI()))) {
                out = event(root, "");
            } else {
                problems.add(MappingViolation.ofDocument("epcis-document", XmlSource.location(root, ""),
                        "not an EPCIS 2.0 document: the root is <" + root.getTagName() + ">, not epcis:EPCISDocument "
                                + "in namespace " + NS + " (nor a single event)"));
                out = NODES.objectNode();
            }
            return new JsonTree(out, locations);
        }

        private ObjectNode event(Element element, String pointer) {
            ObjectNode event = NODES.objectNode();
            String type = local(element);
            event.put("type", type);
            locate(pointer, element);
            List<String> order = ORDER.get(type);
            if (order == null) {
                problems.add(MappingViolation.ofDocument("epcis-event", XmlSource.location(element, ""), "<"
                        + element.getTagName() + "> is not an EPCIS 2.0 event; events are " + ORDER.keySet()));
                return event;
            }
            int lastRank = -1;
            String last = null;
            String extensionSeen = null;
            for (Element child : children(element)) {
                String name = local(child);
                String childPointer;
                if (isStandard(child)) {
                    int rank = order.indexOf(name);
                    if (rank < 0) {
                        problems.add(MappingViolation.ofDocument("epcis-unknown-field", XmlSource.location(child, ""),
                                "<" + child.getTagName() + "> is not an element of a " + type
                                        + "; an extension element needs a namespace"));
                        continue;
                    }
                    if (strictOrder && (rank < lastRank || extensionSeen != null)) {
                        problems.add(MappingViolation.ofDocument("epcis-element-order", XmlSource.location(child, ""),
                                "<" + name + "> comes after <" + (extensionSeen != null ? extensionSeen : last)
                                        + ">; the EPCIS 2.0 schema orders a " + type + " as " + order + ", then extensions"));
                    }
                    if (rank > lastRank) {
                        lastRank = rank;
                        last = name;
                    }
                    childPointer = pointer + "/" + name;
                    JsonNode value = standard(name, child, childPointer);
                    if (value != null) {
                        event.set(name, value);
                    }
                } else {
                    extensionSeen = extensionSeen != null ? extensionSeen : child.getTagName();
                    String key = child.getTagName();
                    childPointer = pointer + "/" + JsonPaths.escape(key);
                    addRepeatable(event, key, generic(child, childPointer));
                }
            }
            return event;
        }

        private JsonNode standard(String name, Element element, String pointer) {
            locate(pointer, element);
            if (EPC_LISTS.contains(name)) {
                ArrayNode list = NODES.arrayNode();
                for (Element epc : children(element)) {
                    locate(pointer + "/" + list.size(), epc);
                    list.add(text(epc));
                }
                return list;
            }
            if (QUANTITY_LISTS.contains(name)) {
                ArrayNode list = NODES.arrayNode();
                for (Element quantityElement : children(element)) {
                    String at = pointer + "/" + list.size();
                    locate(at, quantityElement);
                    ObjectNode item = list.addObject();
                    for (Element part : children(quantityElement)) {
                        String key = local(part);
                        locate(at + "/" + key, part);
                        if (key.equals("quantity")) {
                            if ("true".equals(part.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "nil"))
                                    || text(part).isEmpty()) {
                                continue;
                            }
                            item.set(key, number(text(part)));
                        } else {
                            item.put(key, text(part));
                        }
                    }
                }
                return list;
            }
            return switch (name) {
                case "bizTransactionList", "sourceList", "destinationList" -> {
                    ArrayNode list = NODES.arrayNode();
                    for (Element entry : children(element)) {
                        String at = pointer + "/" + list.size();
                        locate(at, entry);
                        ObjectNode item = list.addObject();
                        if (entry.hasAttribute("type")) {
                            item.put("type", entry.getAttribute("type"));
                        }
                        locate(at + "/" + local(entry), entry);
                        item.put(local(entry), text(entry));
                    }
                    yield list;
                }
                case "sensorElementList" -> {
                    ArrayNode list = NODES.arrayNode();
                    for (Element sensorElement : children(element)) {
                        String at = pointer + "/" + list.size();
                        locate(at, sensorElement);
                        ObjectNode item = list.addObject();
                        ArrayNode reports = NODES.arrayNode();
                        for (Element part : children(sensorElement)) {
                            String key = local(part);
                            if (key.equals("sensorMetadata")) {
                                locate(at + "/sensorMetadata", part);
                                item.set("sensorMetadata", attributes(part));
                            } else if (key.equals("sensorReport")) {
                                locate(at + "/sensorReport/" + reports.size(), part);
                                reports.add(attributes(part));
                            } else {
                                addRepeatable(item, part.getTagName(), generic(part, at + "/" + JsonPaths.escape(part.getTagName())));
                            }
                        }
                        if (!reports.isEmpty()) {
                            item.set("sensorReport", reports);
                        }
                    }
                    yield list;
                }
                case "persistentDisposition" -> {
                    ObjectNode disposition = NODES.objectNode();
                    for (Element part : children(element)) {
                        ArrayNode values = disposition.has(local(part)) ? (ArrayNode) disposition.get(local(part))
                                : disposition.putArray(local(part));
                        locate(pointer + "/" + local(part) + "/" + values.size(), part);
                        values.add(text(part));
                    }
                    yield disposition;
                }
                case "errorDeclaration" -> {
                    ObjectNode declaration = NODES.objectNode();
                    for (Element part : children(element)) {
                        String key = isStandard(part) ? local(part) : part.getTagName();
                        String at = pointer + "/" + JsonPaths.escape(key);
                        if (key.equals("correctiveEventIDs")) {
                            ArrayNode ids = declaration.putArray(key);
                            for (Element id : children(part)) {
                                locate(at + "/" + ids.size(), id);
                                ids.add(text(id));
                            }
                        } else {
                            addRepeatable(declaration, key, generic(part, at));
                        }
                    }
                    yield declaration;
                }
                case "readPoint", "bizLocation", "ilmd" -> {
                    ObjectNode object = NODES.objectNode();
                    for (Element part : children(element)) {
                        String key = isStandard(part) ? local(part) : part.getTagName();
                        addRepeatable(object, key, generic(part, pointer + "/" + JsonPaths.escape(key)));
                    }
                    yield object;
                }
                default -> NODES.textNode(text(element));
            };
        }

        /** An extension or header element: text, or an object of its children (a repeated child is a list). */
        private JsonNode generic(Element element, String pointer) {
            locate(pointer, element);
            List<Element> children = children(element);
            if (children.isEmpty()) {
                return NODES.textNode(text(element));
            }
            ObjectNode object = NODES.objectNode();
            for (Element child : children) {
                String key = isStandard(child) ? local(child) : child.getTagName();
                addRepeatable(object, key, generic(child, pointer + "/" + JsonPaths.escape(key)));
            }
            return object;
        }

        private static void addRepeatable(ObjectNode object, String key, JsonNode value) {
            JsonNode existing = object.get(key);
            if (existing == null) {
                object.set(key, value);
            } else if (existing.isArray()) {
                ((ArrayNode) existing).add(value);
            } else {
                ArrayNode list = NODES.arrayNode();
                list.add(existing);
                list.add(value);
                object.set(key, list);
            }
        }

        private static ObjectNode attributes(Element element) {
            ObjectNode object = NODES.objectNode();
            var attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Node attribute = attributes.item(i);
                String name = attribute.getNodeName();
                if (name.startsWith("xmlns")) {
                    continue;
                }
                String value = attribute.getNodeValue();
                if (SENSOR_NUMBERS.contains(name)) {
                    object.set(name, number(value));
                } else if (name.equals("booleanValue")) {
                    object.put(name, Boolean.parseBoolean(value));
                } else {
                    object.put(name, value);
                }
            }
            return object;
        }

        private static JsonNode number(String text) {
            try {
                return NODES.numberNode(new BigDecimal(text.strip()));
            } catch (NumberFormatException e) {
                return NODES.textNode(text);
            }
        }

        private static void copyAttribute(Element element, String name, ObjectNode out) {
            if (element.hasAttribute(name)) {
                out.put(name, element.getAttribute(name));
            }
        }

        private static boolean isStandard(Element element) {
            return element.getNamespaceURI() == null || NS.equals(element.getNamespaceURI());
        }

        private void locate(String pointer, Element element) {
            locations.put(pointer, XmlSource.location(element, ""));
        }

        private static String local(Element element) {
            return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
        }

        private static String text(Element element) {
            return element.getTextContent().strip();
        }

        private static List<Element> children(Element element) {
            List<Element> children = new ArrayList<>();
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element e) {
                    children.add(e);
                }
            }
            return children;
        }
    }
}
