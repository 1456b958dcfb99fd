package org.medhub.routes.mapping.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medhub.routes.mapping.MappedRecord;
import org.medhub.routes.mapping.MappingEngine;
import org.medhub.routes.mapping.MappingException;
import org.medhub.routes.mapping.MappingSpec;
import org.medhub.routes.mapping.MappingSpecReader;
import org.medhub.routes.mapping.MappingViolation;

/**
 * Every EPCIS 2.0 capture document and event published in openepcis-test-resources, JSON-LD and XML, through the
 * sample WMS mapping ({@code config/mappings/wms-epcis-events.yml}): the valid ones map, those under Invalid are
 * refused with a reason, none crashes; a document published in both bindings maps to the same records.
 */
class EpcisConformanceTest {

    static final Path MAPPING = Path.of("../config/mappings/wms-epcis-events.yml");

    /**
     * Published as valid, refused by the EPCIS 2.0 XML schema's element order, which the reader keeps by default
     * (the same suite's Invalid/ObjectEvent_with_wrong_element_order.xml says it must be refused). A mapping that
     * takes such a feed says {@code epcis: { xmlElementOrder: lenient }}; this test shows it then maps.
     */
    static final Set<String> REFUSED_FOR_ELEMENT_ORDER = Set.of("XML/Capture/Documents/JumbledFieldsOrder.xml");

    private record Outcome(List<MappedRecord> records, MappingException refusal) {}

    @Test
    void mapsEveryValidCaptureDocumentAndRefusesEveryInvalidOneWithAReason() throws Exception {
        Path root = SharedFixtures.requireFolder("openepcis-test-resources/2.0/EPCIS");
        MappingSpec spec = new MappingSpecReader().readOrThrow(MAPPING);
        MappingEngine engine = new MappingEngine(ConformanceLookups.products());
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        for (Path file : SharedFixtures.files(root, ".json", ".xml")) {
            String relative = root.relativize(file).toString();
            if (!relative.contains("/Capture/")) {
                continue;
            }
            try {
                outcomes.put(relative, new Outcome(engine.map(spec, Files.readAllBytes(file)), null));
            } catch (MappingException refusal) {
                outcomes.put(relative, new Outcome(null, refusal));
            } catch (RuntimeException crash) {
                wrong.add(relative + ": crashed with " + crash);
            }
        }
        int mapped = 0;
        int records = 0;
        int refusedInvalid = 0;
        int invalid = 0;
        for (Map.Entry<String, Outcome> entry : outcomes.entrySet()) {
            String file = entry.getKey();
            Outcome outcome = entry.getValue();
            boolean shouldRefuse = file.contains("/Invalid/");
            invalid += shouldRefuse ? 1 : 0;
            if (outcome.refusal() == null) {
                mapped++;
                records += outcome.records().size();
                if (shouldRefuse) {
                    wrong.add(file + ": invalid, but mapped");
                }
                continue;
            }
            List<MappingViolation> reasons = outcome.refusal().violations();
            boolean explained = !reasons.isEmpty() && reasons.stream().allMatch(v -> !v.rule().isBlank() && !v.message().isBlank());
            if (shouldRefuse && explained) {
                refusedInvalid++;
            } else if (shouldRefuse) {
                wrong.add(file + ": refused without a reason: " + outcome.refusal().describe());
            } else if (REFUSED_FOR_ELEMENT_ORDER.contains(file)
                    && reasons.stream().allMatch(v -> v.rule().equals("epcis-element-order"))) {
                continue;
            } else {
                wrong.add(file + ": valid, but " + outcome.refusal().describe());
            }
        }
        System.out.printf("EPCIS conformance: %d capture files; %d valid mapped (%d records), %d refused for XML element "
                + "order by design; %d of %d invalid refused with a reason%n", outcomes.size(), mapped, records,
                REFUSED_FOR_ELEMENT_ORDER.size(), refusedInvalid, invalid);
        assertThat(wrong).isEmpty();
        assertThat(refusedInvalid).isEqualTo(invalid).isPositive();
        assertThat(mapped).isEqualTo(outcomes.size() - invalid - REFUSED_FOR_ELEMENT_ORDER.size());
        assertThat(records).as("the valid documents hold temperature readings and transformations").isPositive();

        List<String> differing = new ArrayList<>();
        for (Map.Entry<String, Outcome> json : outcomes.entrySet()) {
            if (!json.getKey().startsWith("JSON/") || json.getValue().records() == null) {
                continue;
            }
            Outcome xml = outcomes.get(json.getKey().replace("JSON/", "XML/").replace(".json", ".xml"));
            if (xml != null && xml.records() != null && !canonical(json.getValue()).equals(canonical(xml))) {
                differing.add(json.getKey() + "\n  JSON-LD: " + canonical(json.getValue()) + "\n  XML:     " + canonical(xml));
            }
        }
        assertThat(differing).as("documents published in both bindings map to the same records").isEmpty();
    }

    @Test
    void mapsAFeedWithJumbledXmlElementsWhenTheMappingIsLenientAboutOrder() throws Exception {
        Path root = SharedFixtures.requireFolder("openepcis-test-resources/2.0/EPCIS");
        String lenient = Files.readString(MAPPING).replace("format: epcis", "format: epcis\nepcis: { xmlElementOrder: lenient }");
        Path mapping = Files.createTempFile("wms-epcis-lenient", ".yml");
        Files.writeString(mapping, lenient);
        MappingSpec spec = new MappingSpecReader().readOrThrow(mapping);

        for (String file : REFUSED_FOR_ELEMENT_ORDER) {
            List<MappedRecord> records = new MappingEngine(ConformanceLookups.products())
                    .map(spec, Files.readAllBytes(root.resolve(file)));
            List<MappedRecord> fromJson = new MappingEngine(ConformanceLookups.products())
                    .map(spec, Files.readAllBytes(root.resolve(file.replace("XML/", "JSON/").replace(".xml", ".json"))));
            assertThat(canonical(new Outcome(records, null))).isEqualTo(canonical(new Outcome(fromJson, null)));
        }
    }

    /**
     * The records with times as instants and numbers without trailing zeros: the two bindings of a published sample
     * write the same instant and value differently (26 and 26.0, +01:00 and Z), which each record keeps as sent.
     */
    private static List<JsonNode> canonical(Outcome outcome) {
        return outcome.records().stream().map(r -> comparable(r.canonical())).toList();
    }

    private static JsonNode comparable(JsonNode node) {
        var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        if (node.isNumber()) {
            return nodes.textNode(node.decimalValue().stripTrailingZeros().toPlainString());
        }
        if (node.isTextual()) {
            try {
                return nodes.textNode(java.time.OffsetDateTime.parse(node.asText()).toInstant().toString());
            } catch (java.time.format.DateTimeParseException notATime) {
                return node;
            }
        }
        if (node.isObject()) {
            var copy = nodes.objectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), comparable(e.getValue())));
            return copy;
        }
        return node;
    }
}
