package org.medhub.routes.mapping.internal;

import static org.medhub.routes.mapping.internal.EpcisSchema.EPC_LISTS;
import static org.medhub.routes.mapping.internal.EpcisSchema.NS;
import static org.medhub.routes.mapping.internal.EpcisSchema.ORDER;
import static org.medhub.routes.mapping.internal.EpcisSchema.QUANTITY_LISTS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medhub.routes.mapping.MappingViolation;
import org.medhub.routes.mapping.SourceLocation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** EPCIS 2.0 XML in the JSON-LD form, with the line of every value; XML-only checks (unknown elements, order). */
final class EpcisXmlReader {

    private static final JsonNodeFactory NODES = JsonTree.NODES;
    private static final Set<String> SENSOR_NUMBERS = Set.of("value", "minValue", "maxValue", "meanValue", "sDev",
            "percRank", "percValue");

    private final boolean strictOrder;
    private final List<MappingViolation> problems;
    private final Map<String, SourceLocation> locations = new HashMap<>();

    EpcisXmlReader(boolean strictOrder, List<MappingViolation> problems) {
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
