package org.medhub.routes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.medhub.routes.mapping.internal.JsonSource;
import org.medhub.routes.mapping.internal.JsonTree;
import org.medhub.routes.mapping.internal.RecordMaker;
import org.medhub.routes.mapping.internal.RuleEvaluator;
import org.medhub.routes.mapping.internal.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The mapping engine in reverse: canonical records rendered in a subscriber's JSON, XML or CSV by an outbound
 * {@link MappingSpec}. Each field rule reads the canonical record by JSONPath ({@code $.quantity.value}) with the
 * same transforms as inbound (codes map canonical codes to the subscriber's, a date rule writes the subscriber's
 * pattern in its zone); its key is where the value goes: a dotted path in JSON, {@code Element/Child/@attribute}
 * in XML, a column in CSV.
 */
public final class OutboundRenderer {

    // Jackson mappers are thread-safe once built; building one per render was the cost
    private static final ObjectMapper PRETTY = mapper(true);
    private static final ObjectMapper COMPACT = mapper(false);

    private final CanonicalLookup lookup;

    public OutboundRenderer() {
        this(CanonicalLookup.none());
    }

    public OutboundRenderer(CanonicalLookup lookup) {
        this.lookup = lookup;
    }

    /**
     * The document of {@code records}: for JSON an object, or an array of several (under {@code output.wrapper}
     * when given); for XML the {@code output.root} element, several inside {@code output.wrapper}; for CSV a header
     * row and one row each. Bytes in the mapping's charset (UTF-8 by default).
     *
     * @throws MappingException when a rule fails for a record (a code not in the list, a date that is not one)
     */
    public byte[] render(MappingSpec spec, List<? extends JsonNode> records) {
        if (spec.direction() != MappingSpec.Direction.OUTBOUND) {
            throw new IllegalArgumentException("mapping " + spec.id() + " is inbound: map documents with MappingEngine");
        }
        List<Map<String, JsonNode>> rows = values(spec, records);
        return switch (spec.format()) {
            case JSON -> json(spec, rows);
            case XML -> xml(spec, rows);
            case CSV -> csv(spec, rows);
            default -> throw new IllegalArgumentException("an outbound mapping writes json, xml or csv, not " + spec.format());
        };
    }

    public byte[] render(MappingSpec spec, JsonNode record) {
        return render(spec, List.of(record));
    }

    /** Each record's values by target path, in the order of the mapping's fields. */
    private List<Map<String, JsonNode>> values(MappingSpec spec, List<? extends JsonNode> records) {
        RecordRule rule = spec.records().get(0);
        List<MappingViolation> violations = new ArrayList<>();
        List<Map<String, JsonNode>> rows = new ArrayList<>();
        JsonSource source = null;
        for (int i = 0; i < records.size(); i++) {
            JsonTree tree = new JsonTree(records.get(i), Map.of());
            // one source's compiled paths serve every record
            source = source == null ? new JsonSource(tree) : source.over(tree);
            RuleEvaluator evaluator = new RuleEvaluator(source, spec, lookup);
            RuleEvaluator.Scope scope = new RuleEvaluator.Scope("records[0]", i, violations);
            Map<String, JsonNode> row = new LinkedHashMap<>();
            for (Map.Entry<String, FieldRule> field : rule.fields().entrySet()) {
                RuleEvaluator.Value value = evaluator.evaluate(field.getValue(), source.root(), null, field.getKey(), scope);
                if (value == null && field.getValue().defaultValue() != null) {
                    row.put(field.getKey(), JsonNodeFactory.instance.textNode(field.getValue().defaultValue()));
                } else if (value != null && !value.failed()) {
                    row.put(field.getKey(), value.node());
                }
            }
            rows.add(row);
        }
        if (!violations.isEmpty()) {
            throw new MappingException("the records do not fit outbound mapping " + spec.id() + " v" + spec.version()
                    + ": " + violations.size() + " problem(s)", violations);
        }
        return rows;
    }

    private static ObjectMapper mapper(boolean pretty) {
        return JsonMapper.builder().nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .configure(SerializationFeature.INDENT_OUTPUT, pretty).build();
    }

    private static byte[] json(MappingSpec spec, List<Map<String, JsonNode>> rows) {
        ObjectMapper json = spec.output().pretty() ? PRETTY : COMPACT;
        List<ObjectNode> objects = new ArrayList<>();
        for (Map<String, JsonNode> row : rows) {
            ObjectNode object = json.createObjectNode();
            row.forEach((path, value) -> RecordMaker.put(object, path, value));
            objects.add(object);
        }
        JsonNode document;
        if (objects.size() == 1 && spec.output().wrapper() == null) {
            document = objects.get(0);
        } else {
            ArrayNode array = json.createArrayNode();
            objects.forEach(array::add);
            document = spec.output().wrapper() == null ? array : json.createObjectNode().set(spec.output().wrapper(), array);
        }
        try {
            return json.writeValueAsString(document).getBytes(spec.charsetOrUtf8());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] xml(MappingSpec spec, List<Map<String, JsonNode>> rows) {
        if (rows.size() > 1 && spec.output().wrapper() == null) {
            throw new MappingException("outbound mapping " + spec.id() + " renders one " + spec.output().root()
                    + " per document; " + rows.size() + " records need output.wrapper");
        }
        try {
            Document document = SecureXml.newDocument();
            Node parent = document;
            if (spec.output().wrapper() != null) {
                parent = document.appendChild(element(document, spec, spec.output().wrapper()));
            }
            for (Map<String, JsonNode> row : rows) {
                Element root = (Element) parent.appendChild(element(document, spec, spec.output().root()));
                for (Map.Entry<String, JsonNode> value : row.entrySet()) {
                    place(document, spec, root, value.getKey(), text(value.getValue()));
                }
            }
            Transformer transformer = SecureXml.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, spec.charsetOrUtf8().name());
            transformer.setOutputProperty(OutputKeys.INDENT, spec.output().pretty() ? "yes" : "no");
            // the declaration written here: the JDK's would say standalone="no", or run the root onto its line
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes(("<?xml version=\"1.0\" encoding=\"" + spec.charsetOrUtf8().name() + "\"?>"
                    + (spec.output().pretty() ? "\n" : "")).getBytes(spec.charsetOrUtf8()));
            transformer.transform(new DOMSource(document), new StreamResult(bytes));
            return bytes.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("XML cannot be written: " + e.getMessage(), e);
        }
    }

    /** Puts {@code text} at {@code a/b/@c} under {@code root}, reusing elements earlier paths made. */
    private static void place(Document document, MappingSpec spec, Element root, String path, String text) {
        Element at = root;
        String[] steps = path.split("/");
        for (int i = 0; i < steps.length; i++) {
            String step = steps[i];
            if (step.startsWith("@")) {
                String name = step.substring(1);
                String namespace = namespace(spec, name);
                at.setAttributeNS(namespace, name, text);
                return;
            }
            Element child = null;
            for (Node node = at.getLastChild(); node != null; node = node.getPreviousSibling()) {
                if (node instanceof Element e && e.getTagName().equals(step)) {
                    child = e;
                    break;
                }
            }
            boolean leaf = i == steps.length - 1;
            if (child == null || leaf && !child.getTextContent().isEmpty()) {
                child = (Element) at.appendChild(element(document, spec, step));
            }
            at = child;
        }
        at.setTextContent(text);
    }

    private static Element element(Document document, MappingSpec spec, String name) {
        return document.createElementNS(namespace(spec, name), name);
    }

    private static String namespace(MappingSpec spec, String qualifiedName) {
        int colon = qualifiedName.indexOf(':');
        return colon < 0 ? null : spec.namespaces().get(qualifiedName.substring(0, colon));
    }

    private static byte[] csv(MappingSpec spec, List<Map<String, JsonNode>> rows) {
        List<String> columns = new ArrayList<>(spec.records().get(0).fields().keySet());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(spec.csv().delimiter()).setQuote(spec.csv().quote())
                .setHeader(spec.csv().header() ? columns.toArray(String[]::new) : null).get();
        try (Writer writer = new OutputStreamWriter(bytes, spec.charsetOrUtf8());
                CSVPrinter printer = new CSVPrinter(writer, format)) {
            for (Map<String, JsonNode> row : rows) {
                List<String> cells = new ArrayList<>();
                for (String column : columns) {
                    JsonNode value = row.get(column);
                    cells.add(value == null ? "" : text(value));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String text(JsonNode value) {
        return value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText();
    }
}
