package org.medhub.routes.mapping.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.medhub.routes.mapping.MappingException;
import org.medhub.routes.mapping.MappingSpec;
import org.medhub.routes.mapping.MappingViolation;
import org.medhub.routes.mapping.SourceLocation;
import org.w3c.dom.Document;

/**
 * GS1 EPCIS 2.0 capture documents, JSON-LD or XML, read into the JSON-LD form so that one mapping (JSONPath)
 * serves both bindings. A single event is read as a document of that one event. The document is checked against
 * the rules of the standard a mapping relies on, and refused with every reason: @context (JSON-LD), event types,
 * eventTime and eventTimeZoneOffset, action, CBV values written as bare words (bizStep, disposition, business
 * transaction, source and destination types, error reasons), quantity elements, identifier lists, namespaced
 * extensions and ILMD, and in XML the element order of the EPCIS 2.0 schema. CBV values are then written in their
 * bare form ({@code urn:epcglobal:cbv:bizstep:shipping} and {@code https://ref.gs1.org/cbv/BizStep-shipping} both
 * become {@code shipping}), so a mapping compares one spelling. The parts: {@link EpcisXmlReader} (the XML binding),
 * {@link EpcisEventCheck} (one event), {@link EpcisSchema} (what the standard says of events) and
 * {@link CbvVocabulary} (the CBV terms, from {@code cbv-vocabularies.yml}).
 */
final class Epcis {

    private static final JsonNodeFactory NODES = JsonTree.NODES;

    private Epcis() {}

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
            tree = new EpcisXmlReader(spec.epcis().strictXmlOrder(), problems).read(document);
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

    static MappingViolation problem(String rule, JsonTree tree, String pointer, String message) {
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
        if (!EpcisSchema.ORDER.containsKey(type)) {
            problems.add(problem("epcis-document", tree, "", "not an EPCIS 2.0 document or event: its type is '" + type
                    + "', not EPCISDocument or one of " + EpcisSchema.ORDER.keySet()));
            return tree;
        }
        ObjectNode document = NODES.objectNode();
        document.put("type", "EPCISDocument");
        document.put("schemaVersion", "2.0");
        document.putObject("epcisBody").putArray("eventList").add(root);
        Map<String, SourceLocation> locations = new HashMap<>();
        // each value keeps its path in the document as the partner wrote it, not in the wrapper
        tree.locations().keySet().forEach(pointer ->
                locations.put("/epcisBody/eventList/0" + pointer, tree.location(pointer)));
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
            new EpcisEventCheck(tree, (ObjectNode) event, pointer, "eventList[" + i + "]", problems).run();
        }
    }
}
