package org.medhub.routes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medhub.routes.mapping.MappingSpec.CsvOptions;
import org.medhub.routes.mapping.MappingSpec.Direction;
import org.medhub.routes.mapping.MappingSpec.EdiOptions;
import org.medhub.routes.mapping.MappingSpec.EpcisOptions;
import org.medhub.routes.mapping.MappingSpec.OutputOptions;

/**
 * Reads how a mapping reads or writes its format: XML {@code namespaces}, and the {@code csv}, {@code edi},
 * {@code epcis} and {@code output} options, each refused where its format does not use it.
 */
final class FormatOptionsReader {

    private FormatOptionsReader() {}

    static Map<String, String> namespaces(YamlKeys in, JsonNode node) {
        Map<String, String> namespaces = new LinkedHashMap<>();
        JsonNode map = in.object(node, "", "namespaces", false);
        if (map != null) {
            map.fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                    in.problem("namespaces." + e.getKey(), "type", "must be a namespace URI");
                } else if (!e.getKey().matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
                    in.problem("namespaces." + e.getKey(), "prefix", "'" + e.getKey() + "' is not an XML prefix");
                } else {
                    namespaces.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return namespaces;
    }

    static CsvOptions csv(YamlKeys in, JsonNode node, SourceFormat format) {
        JsonNode csv = in.object(node, "", "csv", false);
        if (csv == null) {
            return CsvOptions.DEFAULT;
        }
        if (format != SourceFormat.CSV) {
            in.problem("csv", "format-option", "csv options apply to format csv only");
        }
        in.onlyKeys(csv, "csv", Set.of("delimiter", "quote", "header", "columns"));
        char delimiter = character(in, csv, "delimiter", ',');
        char quote = character(in, csv, "quote", '"');
        boolean header = in.bool(csv, "csv", "header", true);
        List<String> columns = in.texts(csv, "csv", "columns");
        if (!header && columns.isEmpty()) {
            in.problem("csv.columns", "required", "without a header row, columns must name the columns in order");
        }
        return new CsvOptions(delimiter, quote, header, columns);
    }

    private static char character(YamlKeys in, JsonNode csv, String key, char otherwise) {
        String value = in.text(csv, "csv", key, false);
        if (value == null) {
            return otherwise;
        }
        if (value.equals("\\t") || value.equalsIgnoreCase("tab")) {
            return '\t';
        }
        if (value.length() != 1) {
            in.problem("csv." + key, "character", "'" + value + "' must be one character (or tab)");
            return otherwise;
        }
        return value.charAt(0);
    }

    static EdiOptions edi(YamlKeys in, JsonNode node, SourceFormat format) {
        JsonNode edi = in.object(node, "", "edi", false);
        if (edi == null) {
            return EdiOptions.NONE;
        }
        if (format != SourceFormat.EDIFACT && format != SourceFormat.X12) {
            in.problem("edi", "format-option", "edi options apply to formats edifact and x12 only");
        }
        in.onlyKeys(edi, "edi", Set.of("loops"));
        Map<String, List<String>> loops = new LinkedHashMap<>();
        JsonNode map = in.object(edi, "edi", "loops", false);
        if (map != null) {
            map.fields().forEachRemaining(e -> {
                String key = "edi.loops." + e.getKey();
                if (!e.getKey().matches("[A-Z][A-Z0-9]{1,2}")) {
                    in.problem(key, "segment-tag", "'" + e.getKey() + "' is not a segment tag (2 or 3 upper-case letters or digits)");
                }
                List<String> members = new ArrayList<>();
                if (!e.getValue().isArray()) {
                    in.problem(key, "type", "must be the list of segment tags that belong to a " + e.getKey() + " group");
                } else {
                    e.getValue().forEach(m -> members.add(m.asText()));
                }
                loops.put(e.getKey(), members);
            });
        }
        return new EdiOptions(loops);
    }

    static EpcisOptions epcis(YamlKeys in, JsonNode node, SourceFormat format) {
        JsonNode epcis = in.object(node, "", "epcis", false);
        if (epcis == null) {
            return EpcisOptions.DEFAULT;
        }
        if (format != SourceFormat.EPCIS) {
            in.problem("epcis", "format-option", "epcis options apply to format epcis only");
        }
        in.onlyKeys(epcis, "epcis", Set.of("xmlElementOrder"));
        String order = in.text(epcis, "epcis", "xmlElementOrder", false);
        if (order != null && !order.equals("strict") && !order.equals("lenient")) {
            in.problem("epcis.xmlElementOrder", "enum", "'" + order + "' is not one of [strict, lenient]");
        }
        return new EpcisOptions(!"lenient".equals(order));
    }

    static OutputOptions output(YamlKeys in, JsonNode node, SourceFormat format, Direction direction) {
        JsonNode output = in.object(node, "", "output", false);
        if (output == null) {
            if (direction == Direction.OUTBOUND && format == SourceFormat.XML) {
                in.problem("output.root", "required", "an outbound XML mapping names the element of one record");
            }
            return OutputOptions.NONE;
        }
        if (direction != Direction.OUTBOUND) {
            in.problem("output", "format-option", "output options apply to outbound mappings only");
        }
        in.onlyKeys(output, "output", Set.of("root", "wrapper", "pretty"));
        String root = in.text(output, "output", "root", format == SourceFormat.XML);
        String wrapper = in.text(output, "output", "wrapper", false);
        return new OutputOptions(root, wrapper, in.bool(output, "output", "pretty", false));
    }
}
