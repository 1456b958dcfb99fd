package org.medhub.routes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.dictionary.EntityDefinition;
import org.medhub.canonical.dictionary.FieldDefinition;
import org.medhub.canonical.dictionary.FieldType;
import org.medhub.canonical.unit.UnitOfMeasure;
import org.medhub.routes.mapping.MappingSpec.CsvOptions;
import org.medhub.routes.mapping.MappingSpec.Direction;
import org.medhub.routes.mapping.MappingSpec.EdiOptions;
import org.medhub.routes.mapping.MappingSpec.EpcisOptions;
import org.medhub.routes.mapping.MappingSpec.OutputOptions;
import org.medhub.routes.mapping.internal.Gs1Keys;
import org.medhub.routes.mapping.internal.Sources;
import org.medhub.routes.mapping.internal.Targets;
import org.medhub.routes.mapping.internal.XmlSource;

/**
 * Reads and checks a mapping: a file of {@code config/mappings/}, or a mapping inline in a partner file. Every
 * problem is collected, not thrown, and names the file, the key and the rule, so that a person fixes them all at
 * once: unknown keys, entities and fields the dictionary lacks, paths that do not parse, prefixes not declared,
 * codes or constants outside an enum, date patterns, zones and units that do not exist.
 */
public final class MappingSpecReader {

    /** Ids become file names and appear in every record's envelope: keep them to safe characters. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP = Set.of("id", "version", "description", "direction", "format", "charset",
            "namespaces", "csv", "edi", "epcis", "output", "records", "entity", "forEach", "sourceId", "occurredAt", "baseVersion", "partial", "fields");
    private static final Set<String> RECORD = Set.of("entity", "forEach", "sourceId", "occurredAt", "baseVersion", "partial",
            "fields");
    private static final Set<String> RULE = Set.of("path", "constant", "concat", "when", "else", "default", "trim",
            "split", "upper", "codes", "otherwise", "multiply", "unit", "gs1", "date", "lookup", "forEach", "fields");
    private static final Set<SourceFormat> OUTBOUND_FORMATS = Set.of(SourceFormat.JSON, SourceFormat.XML, SourceFormat.CSV);

    private final DataDictionary dictionary;

    public MappingSpecReader() {
        this(DataDictionary.standard());
    }

    public MappingSpecReader(DataDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** What a partner's message type says when its mapping does not: the format and charset it sends. */
    public record Defaults(SourceFormat format, Charset charset) {
        public static final Defaults NONE = new Defaults(null, null);
    }

    /** Reads a mapping file. */
    public Optional<MappingSpec> read(Path file, List<SpecProblem> problems) {
        String fileName = file.toString();
        JsonNode root;
        try {
            root = YAML.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            problems.add(new SpecProblem(fileName, "", "yaml", "not readable as YAML: " + e.getMessage()));
            return Optional.empty();
        }
        return read(root, fileName, "", Defaults.NONE, problems);
    }

    /**
     * Reads the mapping {@code id} of a mappings folder ({@code config/mappings/<id>.yml}), whose id must be its
     * file name. A missing file is a problem of {@code referrer} at {@code key}.
     */
    public Optional<MappingSpec> readById(Path mappingsDir, String id, String referrer, String key,
            List<SpecProblem> problems) {
        if (!ID.matcher(id).matches()) {
            problems.add(new SpecProblem(referrer, key, "id-format", "'" + id
                    + "' is not a mapping id (lower-case letters, digits and dashes)"));
            return Optional.empty();
        }
        Path file = mappingsDir.resolve(id + ".yml");
        if (!Files.isRegularFile(file)) {
            problems.add(new SpecProblem(referrer, key, "mapping-file", "no mapping '" + id + "': " + file
                    + " does not exist"));
            return Optional.empty();
        }
        int before = problems.size();
        Optional<MappingSpec> spec = read(file, problems);
        if (spec.isPresent() && !spec.get().id().equals(id)) {
            problems.add(new SpecProblem(file.toString(), "id", "id-matches-file", "'" + spec.get().id()
                    + "' must equal the file name, " + id));
        }
        return problems.size() > before ? Optional.empty() : spec;
    }

    /** Reads a mapping file, or fails with every problem in it. */
    public MappingSpec readOrThrow(Path file) {
        List<SpecProblem> problems = new ArrayList<>();
        Optional<MappingSpec> spec = read(file, problems);
        if (!problems.isEmpty() || spec.isEmpty()) {
            throw new MappingSpecException(problems);
        }
        return spec.get();
    }

    /**
     * Reads a mapping's YAML tree.
     *
     * @param file the file it is in, for problems
     * @param at the key of the mapping in that file ({@code inbound.batch-record.mapping}), empty for a mapping file
     */
    public Optional<MappingSpec> read(JsonNode node, String file, String at, Defaults defaults, List<SpecProblem> problems) {
        YamlKeys in = new YamlKeys(
                (key, rule, message) -> problems.add(new SpecProblem(file, YamlKeys.join(at, key), rule, message)),
                UnaryOperator.identity());
        int before = problems.size();
        if (node == null || !node.isObject()) {
            in.problem("", "type", "a mapping must be a map with id, version, format and records (or entity and fields)");
            return Optional.empty();
        }
        in.onlyKeys(node, "", TOP);
        String id = in.text(node, "", "id", true);
        if (id != null && !ID.matcher(id).matches()) {
            in.problem("id", "id-format", "'" + id + "' must be lower-case letters, digits and dashes, at most 63");
        }
        int version = in.integer(node, "", "version", true, 1);
        Direction direction = Direction.INBOUND;
        String directionName = in.text(node, "", "direction", false);
        if (directionName != null) {
            switch (directionName) {
                case "inbound" -> direction = Direction.INBOUND;
                case "outbound" -> direction = Direction.OUTBOUND;
                default -> in.problem("direction", "enum", "'" + directionName + "' is not one of [inbound, outbound]");
            }
        }
        SourceFormat format = defaults.format();
        String formatName = in.text(node, "", "format", defaults.format() == null);
        if (formatName != null) {
            format = SourceFormat.of(formatName).orElse(null);
            if (format == null) {
                in.problem("format", "enum", "'" + formatName + "' is not one of " + SourceFormat.names());
            } else if (defaults.format() != null && defaults.format() != format) {
                in.problem("format", "format-mismatch", "the mapping reads " + format.yamlName()
                        + " but the message type says " + defaults.format().yamlName());
            }
        }
        if (format != null && direction == Direction.OUTBOUND && !OUTBOUND_FORMATS.contains(format)) {
            in.problem("format", "outbound-format", "an outbound mapping writes json, xml or csv, not " + format.yamlName());
        }
        Charset charset = defaults.charset();
        String charsetName = in.text(node, "", "charset", false);
        if (charsetName != null) {
            try {
                charset = Charset.forName(charsetName);
            } catch (IllegalArgumentException e) {
                in.problem("charset", "charset", "'" + charsetName + "' is not a character set this Java knows (e.g. UTF-8, GB18030, GBK)");
            }
        }
        Map<String, String> namespaces = namespaces(in, node);
        CsvOptions csv = csv(in, node, format);
        EdiOptions edi = edi(in, node, format);
        EpcisOptions epcis = epcis(in, node, format);
        OutputOptions output = output(in, node, format, direction);
        MappingSpec draft = new MappingSpec(id, version, direction, format, charset, namespaces, csv, edi, epcis, output, List.of());
        List<RecordRule> records = records(in, node, draft);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new MappingSpec(id, version, direction, format, charset, namespaces, csv, edi, epcis, output,
                records));
    }

    private Map<String, String> namespaces(YamlKeys in, JsonNode node) {
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

    private CsvOptions csv(YamlKeys in, JsonNode node, SourceFormat format) {
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

    private EdiOptions edi(YamlKeys in, JsonNode node, SourceFormat format) {
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

    private EpcisOptions epcis(YamlKeys in, JsonNode node, SourceFormat format) {
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

    private OutputOptions output(YamlKeys in, JsonNode node, SourceFormat format, Direction direction) {
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

    private List<RecordRule> records(YamlKeys in, JsonNode node, MappingSpec spec) {
        List<RecordRule> records = new ArrayList<>();
        boolean shorthand = node.has("entity") || node.has("fields");
        JsonNode list = node.get("records");
        if (shorthand && list != null) {
            in.problem("records", "records-or-fields", "give records, or entity and fields for a one-record mapping, not both");
            return records;
        }
        if (shorthand) {
            record(in, node, "", spec).ifPresent(records::add);
            return records;
        }
        if (list == null || !list.isArray() || list.isEmpty()) {
            in.problem("records", "required", "a mapping needs records (a list of entity, forEach and fields), "
                    + "or entity and fields for a one-record mapping");
            return records;
        }
        if (spec.direction() == Direction.OUTBOUND && list.size() != 1) {
            in.problem("records", "outbound-records", "an outbound mapping renders one entity: give one record");
        }
        for (int i = 0; i < list.size(); i++) {
            String key = "records[" + i + "]";
            if (!list.get(i).isObject()) {
                in.problem(key, "type", "must be a map with entity, forEach and fields");
                continue;
            }
            in.onlyKeys(list.get(i), key, RECORD);
            record(in, list.get(i), key, spec).ifPresent(records::add);
        }
        return records;
    }

    private Optional<RecordRule> record(YamlKeys in, JsonNode node, String key, MappingSpec spec) {
        String entityName = in.text(node, key, "entity", true);
        EntityDefinition entity = entityName == null ? null : dictionary.entity(entityName).orElse(null);
        if (entityName != null && entity == null) {
            in.problem(YamlKeys.join(key, "entity"), "dictionary-entity", "'" + entityName + "' is not an entity of the data dictionary");
        }
        String forEach = in.text(node, key, "forEach", false);
        if (forEach != null) {
            if (spec.format() == SourceFormat.CSV) {
                in.problem(YamlKeys.join(key, "forEach"), "csv-rows", "every row of a CSV document is a record: leave forEach out");
            } else if (spec.direction() == Direction.OUTBOUND) {
                in.problem(YamlKeys.join(key, "forEach"), "outbound-records", "an outbound mapping renders the records it is given: leave forEach out");
            } else {
                checkPath(in, YamlKeys.join(key, "forEach"), forEach, spec);
            }
        }
        boolean outbound = spec.direction() == Direction.OUTBOUND;
        Map<String, FieldDefinition> fields = entity == null ? null : entity.fields();
        FieldRule sourceId = node.has("sourceId") ? rule(in, node.get("sourceId"), YamlKeys.join(key, "sourceId"), spec, null, FieldType.STRING) : null;
        FieldRule occurredAt = node.has("occurredAt") ? rule(in, node.get("occurredAt"), YamlKeys.join(key, "occurredAt"), spec, null, FieldType.DATE_TIME) : null;
        FieldRule baseVersion = node.has("baseVersion") ? rule(in, node.get("baseVersion"), YamlKeys.join(key, "baseVersion"), spec, null, FieldType.INTEGER) : null;
        Map<String, FieldRule> rules = new LinkedHashMap<>();
        JsonNode fieldsNode = in.object(node, key, "fields", true);
        if (fieldsNode != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = fieldsNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String fieldKey = YamlKeys.join(key, "fields." + field.getKey());
                FieldRule rule = outbound ? outboundRule(in, field, fieldKey, spec)
                        : fieldRule(in, field.getKey(), field.getValue(), fieldKey, spec, fields, entityName);
                rules.put(field.getKey(), rule);
            }
        }
        boolean partial = node.path("partial").asBoolean(false);
        return Optional.of(new RecordRule(entityName, forEach, sourceId, occurredAt, baseVersion, partial, rules));
    }

    private FieldRule outboundRule(YamlKeys in, Map.Entry<String, JsonNode> field, String key, MappingSpec spec) {
        String target = field.getKey();
        boolean valid = switch (spec.format() == null ? SourceFormat.JSON : spec.format()) {
            case XML -> target.matches("([A-Za-z_][\\w.-]*:)?[A-Za-z_][\\w.-]*(/([A-Za-z_][\\w.-]*:)?[A-Za-z_][\\w.-]*)*(/@([A-Za-z_][\\w.-]*:)?[A-Za-z_][\\w.-]*)?|@([A-Za-z_][\\w.-]*:)?[A-Za-z_][\\w.-]*");
            case JSON -> target.matches("[^.\\s]+(\\.[^.\\s]+)*");
            default -> !target.isBlank();
        };
        if (!valid) {
            in.problem(key, "target-path", "'" + target + "' is not a target path: XML names elements as a/b/c with an "
                    + "optional /@attribute, JSON as dotted names, CSV as a column name");
        }
        if (spec.format() == SourceFormat.XML) {
            for (String step : target.split("/")) {
                String name = step.startsWith("@") ? step.substring(1) : step;
                int colon = name.indexOf(':');
                if (colon > 0 && !spec.namespaces().containsKey(name.substring(0, colon))) {
                    in.problem(key, "xpath", "prefix '" + name.substring(0, colon) + "' is not declared under namespaces");
                }
            }
        }
        MappingSpec canonicalSource = new MappingSpec(spec.id(), spec.version(), Direction.OUTBOUND, SourceFormat.JSON,
                null, null, null, null, null, null, List.of());
        return rule(in, field.getValue(), key, canonicalSource, null, null);
    }

    private FieldRule fieldRule(YamlKeys in, String target, JsonNode node, String key, MappingSpec spec,
            Map<String, FieldDefinition> fields, String owner) {
        if (fields == null) {
            return rule(in, node, key, spec, null, null);
        }
        Optional<FieldDefinition> list = Targets.list(fields, target);
        if (list.isPresent()) {
            if (!node.isObject() || !node.has("forEach")) {
                in.problem(key, "list-rule", "'" + target + "' is a list: its rule needs forEach (and fields for a list of objects)");
                return null;
            }
            return rule(in, node, key, spec, list.get(), list.get().items().type());
        }
        Optional<FieldType> type = Targets.leaf(fields, target);
        if (type.isEmpty()) {
            in.problem(key, "dictionary-field", "'" + target + "' is not a value of " + owner
                    + " (a field, or a part such as quantity.value); its fields are " + fields.keySet());
            return rule(in, node, key, spec, null, null);
        }
        FieldRule rule = rule(in, node, key, spec, null, type.get());
        if (rule != null) {
            checkEnum(in, key, rule, definition(fields, target));
        }
        return rule;
    }

    /** Codes, constants and defaults must be values the enum has: a typo fails here, not on the first message. */
    private static void checkEnum(YamlKeys in, String key, FieldRule rule, FieldDefinition definition) {
        if (definition == null || definition.type() != FieldType.ENUM) {
            return;
        }
        List<String> values = definition.values();
        rule.codes().forEach((code, canonical) -> {
            if (!values.contains(canonical)) {
                in.problem(key + ".codes." + code, "enum", "'" + canonical + "' is not one of " + values);
            }
        });
        for (Map.Entry<String, String> fixed : Map.of("constant", nullToEmpty(rule.constant()), "default",
                nullToEmpty(rule.defaultValue()), "otherwise", nullToEmpty(rule.codesOtherwise())).entrySet()) {
            if (!fixed.getValue().isEmpty() && !values.contains(fixed.getValue())) {
                in.problem(key + "." + fixed.getKey(), "enum", "'" + fixed.getValue() + "' is not one of " + values);
            }
        }
        for (int i = 0; i < rule.when().size(); i++) {
            FieldRule then = rule.when().get(i).then();
            if (then != null) {
                checkEnum(in, key + ".when[" + i + "].then", then, definition);
            }
        }
        if (rule.elseRule() != null) {
            checkEnum(in, key + ".else", rule.elseRule(), definition);
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static FieldDefinition definition(Map<String, FieldDefinition> fields, String path) {
        Map<String, FieldDefinition> level = fields;
        FieldDefinition found = null;
        for (String part : path.split("\\.")) {
            found = level == null ? null : level.get(part);
            if (found == null) {
                return null;
            }
            level = found.fields();
        }
        return found;
    }

    /**
     * One field rule.
     *
     * @param list the list field this rule fills, or null
     * @param type the type of the value the rule gives (of the list's items for a list), null when untyped
     */
    private FieldRule rule(YamlKeys in, JsonNode node, String key, MappingSpec spec, FieldDefinition list, FieldType type) {
        if (node == null || node.isNull()) {
            in.problem(key, "required", "needs a rule: a path, or a map with path, constant, concat, when or default");
            return null;
        }
        if (node.isBoolean()) {
            in.problem(key, "yaml-boolean", "was read as the YAML boolean " + node.asText() + ": quote the path"
                    + " (YAML takes an unquoted No, Yes, On or Off as false or true)");
            return null;
        }
        if (node.isValueNode()) {
            String path = node.asText();
            checkPath(in, key, path, spec);
            return FieldRule.path(path);
        }
        if (!node.isObject()) {
            in.problem(key, "type", "must be a path, or a map with path, default, codes and other transforms");
            return null;
        }
        in.onlyKeys(node, key, RULE);
        FieldRule.Builder rule = FieldRule.builder();
        if (node.path("path").isBoolean()) {
            in.problem(YamlKeys.join(key, "path"), "yaml-boolean", "was read as the YAML boolean " + node.get("path").asText()
                    + ": quote the path (YAML takes an unquoted No, Yes, On or Off as false or true)");
        }
        String path = node.path("path").isBoolean() ? null : in.text(node, key, "path", false);
        if (path != null) {
            checkPath(in, YamlKeys.join(key, "path"), path, spec);
            rule.path(path);
        }
        String constant = in.text(node, key, "constant", false);
        rule.constant(constant);
        int sources = (path != null || node.path("path").isBoolean() ? 1 : 0) + (constant != null ? 1 : 0) + (node.has("concat") ? 1 : 0) + (node.has("when") ? 1 : 0);
        if (sources > 1) {
            in.problem(key, "one-source", "give one of path, constant, concat or when");
        }
        if (node.has("concat")) {
            rule.concat(concat(in, node.get("concat"), YamlKeys.join(key, "concat"), spec));
        }
        if (node.has("when")) {
            rule.when(conditions(in, node.get("when"), YamlKeys.join(key, "when"), spec, type));
            if (node.has("else")) {
                rule.elseRule(node.get("else").isValueNode() ? FieldRule.constant(node.get("else").asText())
                        : rule(in, node.get("else"), YamlKeys.join(key, "else"), spec, null, type));
            }
        } else if (node.has("else")) {
            in.problem(YamlKeys.join(key, "else"), "else-without-when", "else belongs to a when");
        }
        String defaultValue = in.text(node, key, "default", false);
        rule.defaultValue(defaultValue);
        String forEach = in.text(node, key, "forEach", false);
        if (forEach != null) {
            if (list == null) {
                in.problem(YamlKeys.join(key, "forEach"), "list-field", "forEach in a field rule fills a list field; this field is not one");
            }
            checkPath(in, YamlKeys.join(key, "forEach"), forEach, spec);
            rule.forEach(forEach);
            if (path != null || constant != null || node.has("concat") || node.has("when") || defaultValue != null) {
                in.problem(key, "list-rule", "a list rule takes each item from forEach: give fields (or transforms), not path, "
                        + "constant, concat, when or default");
            }
        }
        if (node.has("fields")) {
            if (list == null || list.items().type() != FieldType.OBJECT) {
                in.problem(YamlKeys.join(key, "fields"), "list-field", "fields inside a rule make the items of a list of objects; this field is not one");
            } else {
                Map<String, FieldRule> itemRules = new LinkedHashMap<>();
                JsonNode fieldsNode = in.object(node, key, "fields", true);
                if (fieldsNode != null) {
                    fieldsNode.fields().forEachRemaining(e -> {
                        String itemKey = YamlKeys.join(key, "fields." + e.getKey());
                        FieldRule itemRule = fieldRule(in, e.getKey(), e.getValue(), itemKey, spec,
                                list.items().fields(), "the items of " + list.name());
                        itemRules.put(e.getKey(), itemRule);
                    });
                }
                rule.fields(itemRules);
            }
        } else if (list != null && list.items().type() == FieldType.OBJECT) {
            in.problem(key, "list-rule", "'" + list.name() + "' is a list of objects: give fields for its items");
        }
        if (sources == 0 && defaultValue == null && forEach == null) {
            in.problem(key, "path-or-default", "needs a path, a constant, concat, when or a default");
        }
        rule.trim(in.bool(node, key, "trim", false));
        rule.upper(in.bool(node, key, "upper", false));
        split(in, node, key, rule);
        codes(in, node, key, rule);
        multiply(in, node, key, spec, rule);
        unit(in, node, key, rule);
        String gs1 = in.text(node, key, "gs1", false);
        if (gs1 != null && !Gs1Keys.KEYS.contains(gs1)) {
            in.problem(YamlKeys.join(key, "gs1"), "enum", "'" + gs1 + "' is not one of " + Gs1Keys.KEYS);
        }
        rule.gs1(gs1);
        date(in, node, key, rule, type, spec.direction());
        lookup(in, node, key, rule);
        FieldRule built = rule.build();
        checkFixedValue(in, YamlKeys.join(key, "default"), defaultValue, type);
        checkFixedValue(in, YamlKeys.join(key, "constant"), constant, type);
        return built;
    }

    private static void checkFixedValue(YamlKeys in, String key, String value, FieldType type) {
        if (value == null || type == null) {
            return;
        }
        boolean ok = switch (type) {
            case DECIMAL, INTEGER -> value.strip().matches("[+-]?\\d+(\\.\\d+)?");
            case BOOLEAN -> value.equals("true") || value.equals("false");
            default -> true;
        };
        if (!ok) {
            in.problem(key, "type", "'" + value + "' is not " + (type == FieldType.BOOLEAN ? "true or false" : "a number"));
        }
    }

    private List<FieldRule> concat(YamlKeys in, JsonNode node, String key, MappingSpec spec) {
        List<FieldRule> parts = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            in.problem(key, "type", "must be a list of paths and literal text ('text' in single quotes, or { text: … })");
            return parts;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode part = node.get(i);
            String partKey = key + "[" + i + "]";
            if (part.isValueNode()) {
                String text = part.asText();
                if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
                    parts.add(FieldRule.constant(text.substring(1, text.length() - 1)));
                } else {
                    checkPath(in, partKey, text, spec);
                    parts.add(FieldRule.path(text));
                }
            } else if (part.isObject() && part.has("text") && part.size() == 1) {
                parts.add(FieldRule.constant(part.get("text").asText()));
            } else {
                FieldRule rule = rule(in, part, partKey, spec, null, null);
                if (rule != null) {
                    parts.add(rule);
                }
            }
        }
        return parts;
    }

    private List<FieldRule.Condition> conditions(YamlKeys in, JsonNode node, String key, MappingSpec spec, FieldType type) {
        List<FieldRule.Condition> conditions = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            in.problem(key, "type", "must be a list of conditions, each with path, equals (or in, matches, exists) and then");
            return conditions;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode condition = node.get(i);
            String conditionKey = key + "[" + i + "]";
            if (!condition.isObject()) {
                in.problem(conditionKey, "type", "must be a map with path, equals (or in, matches, exists) and then");
                continue;
            }
            in.onlyKeys(condition, conditionKey, Set.of("path", "equals", "in", "matches", "above", "below", "exists", "then"));
            String path = in.text(condition, conditionKey, "path", false);
            if (path != null) {
                checkPath(in, YamlKeys.join(conditionKey, "path"), path, spec);
            }
            String equals = in.text(condition, conditionKey, "equals", false);
            List<String> values = condition.has("in") ? in.texts(condition, conditionKey, "in") : null;
            Pattern matches = null;
            String regex = in.text(condition, conditionKey, "matches", false);
            if (regex != null) {
                try {
                    matches = Pattern.compile(regex);
                } catch (PatternSyntaxException e) {
                    in.problem(YamlKeys.join(conditionKey, "matches"), "regex", "'" + regex + "' is not a regular expression: " + e.getDescription());
                }
            }
            Boolean exists = condition.has("exists") ? in.bool(condition, conditionKey, "exists", true) : null;
            BigDecimal above = limit(in, condition, conditionKey, "above");
            BigDecimal below = limit(in, condition, conditionKey, "below");
            JsonNode thenNode = condition.get("then");
            FieldRule then = null;
            if (thenNode == null) {
                in.problem(YamlKeys.join(conditionKey, "then"), "required", "is required: the value when the condition holds");
            } else {
                then = thenNode.isValueNode() ? FieldRule.constant(thenNode.asText())
                        : rule(in, thenNode, YamlKeys.join(conditionKey, "then"), spec, null, type);
            }
            conditions.add(new FieldRule.Condition(path, equals, values, matches, above, below, exists, then));
        }
        return conditions;
    }

    private static BigDecimal limit(YamlKeys in, JsonNode condition, String key, String name) {
        JsonNode value = condition.get(name);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.asText().strip());
        } catch (NumberFormatException e) {
            in.problem(YamlKeys.join(key, name), "type", "'" + value.asText() + "' is not a number");
            return null;
        }
    }

    private static void split(YamlKeys in, JsonNode node, String key, FieldRule.Builder rule) {
        JsonNode split = in.object(node, key, "split", false);
        if (split == null) {
            return;
        }
        String splitKey = YamlKeys.join(key, "split");
        in.onlyKeys(split, splitKey, Set.of("separator", "index"));
        String separator = in.text(split, splitKey, "separator", true);
        int index = in.integer(split, splitKey, "index", false, Integer.MIN_VALUE);
        if (separator != null && separator.isEmpty()) {
            in.problem(YamlKeys.join(splitKey, "separator"), "required", "must not be empty");
        }
        rule.split(new FieldRule.Split(separator == null ? "," : separator, index == Integer.MIN_VALUE ? 0 : index));
    }

    private static void codes(YamlKeys in, JsonNode node, String key, FieldRule.Builder rule) {
        JsonNode codes = in.object(node, key, "codes", false);
        Map<String, String> map = new LinkedHashMap<>();
        if (codes != null) {
            codes.fields().forEachRemaining(code -> {
                if (!code.getValue().isValueNode()) {
                    in.problem(YamlKeys.join(key, "codes." + code.getKey()), "type", "a code maps to one canonical value");
                } else {
                    map.put(code.getKey(), code.getValue().asText());
                }
            });
            if (map.isEmpty()) {
                in.problem(YamlKeys.join(key, "codes"), "required", "a code list lists at least one code");
            }
        }
        rule.codes(map);
        String otherwise = in.text(node, key, "otherwise", false);
        if (otherwise != null && codes == null) {
            in.problem(YamlKeys.join(key, "otherwise"), "otherwise-without-codes", "otherwise belongs to codes");
        }
        rule.codesOtherwise(otherwise);
    }

    private void multiply(YamlKeys in, JsonNode node, String key, MappingSpec spec, FieldRule.Builder rule) {
        JsonNode multiply = node.get("multiply");
        if (multiply == null) {
            return;
        }
        String multiplyKey = YamlKeys.join(key, "multiply");
        if (multiply.isNumber()) {
            rule.multiply(new FieldRule.Multiply(null, multiply.decimalValue()));
        } else if (multiply.isTextual()) {
            try {
                rule.multiply(new FieldRule.Multiply(null, new BigDecimal(multiply.asText().strip())));
            } catch (NumberFormatException notANumber) {
                checkPath(in, multiplyKey, multiply.asText(), spec);
                rule.multiply(new FieldRule.Multiply(multiply.asText(), null));
            }
        } else {
            in.problem(multiplyKey, "type", "must be a number (0.01) or the path of the other factor");
        }
    }

    private static void unit(YamlKeys in, JsonNode node, String key, FieldRule.Builder rule) {
        JsonNode unit = in.object(node, key, "unit", false);
        if (unit == null) {
            return;
        }
        String unitKey = YamlKeys.join(key, "unit");
        in.onlyKeys(unit, unitKey, Set.of("from", "to"));
        String from = in.text(unit, unitKey, "from", true);
        String to = in.text(unit, unitKey, "to", true);
        boolean known = true;
        for (String[] code : new String[][] {{"from", from}, {"to", to}}) {
            if (code[1] != null) {
                Optional<org.medhub.canonical.validation.Violation> violation = UnitOfMeasure.check(code[0], code[1]);
                if (violation.isPresent()) {
                    known = false;
                    in.problem(YamlKeys.join(unitKey, code[0]), "ucum-unit", violation.get().message());
                }
            }
        }
        if (known && from != null && to != null && !UnitOfMeasure.parse(from).isCompatible(UnitOfMeasure.parse(to))) {
            in.problem(unitKey, "dimension", from + " cannot be converted to " + to + ": they measure different things");
        }
        rule.unit(new FieldRule.UnitConversion(from, to));
    }

    private static void date(YamlKeys in, JsonNode node, String key, FieldRule.Builder rule, FieldType type, Direction direction) {
        JsonNode date = node.get("date");
        if (date == null) {
            return;
        }
        String dateKey = YamlKeys.join(key, "date");
        String pattern;
        String zone = null;
        if (date.isTextual()) {
            pattern = date.asText();
        } else if (date.isObject()) {
            in.onlyKeys(date, dateKey, Set.of("pattern", "zone"));
            pattern = in.text(date, dateKey, "pattern", false);
            zone = in.text(date, dateKey, "zone", false);
        } else {
            in.problem(dateKey, "type", "must be a pattern, or a map with pattern and zone");
            return;
        }
        // built here as the evaluator uses them, so a pattern that only fails strict reading is caught now
        java.time.format.DateTimeFormatter formatter = null;
        ZoneId zoneId = null;
        if (pattern != null) {
            try {
                formatter = FieldRule.DateFormat.strict(pattern);
            } catch (IllegalArgumentException e) {
                in.problem(YamlKeys.join(dateKey, "pattern"), "date-pattern", "'" + pattern + "' is not a date pattern: " + e.getMessage());
            }
        }
        if (zone != null) {
            try {
                zoneId = ZoneId.of(zone);
            } catch (DateTimeException e) {
                in.problem(YamlKeys.join(dateKey, "zone"), "zone", "'" + zone + "' is not a time zone (e.g. Asia/Shanghai, +08:00, UTC)");
            }
        }
        if (direction == Direction.INBOUND && type != null && type != FieldType.DATE && type != FieldType.DATE_TIME
                && type != FieldType.STRING) {
            in.problem(dateKey, "date-target", "a date rule fills a date or dateTime field, not a " + type.yamlName());
        }
        rule.date(new FieldRule.DateFormat(pattern, zone, formatter, zoneId));
    }

    private void lookup(YamlKeys in, JsonNode node, String key, FieldRule.Builder rule) {
        JsonNode lookup = in.object(node, key, "lookup", false);
        if (lookup == null) {
            return;
        }
        String lookupKey = YamlKeys.join(key, "lookup");
        in.onlyKeys(lookup, lookupKey, Set.of("entity", "match", "take"));
        String entityName = in.text(lookup, lookupKey, "entity", true);
        String match = in.text(lookup, lookupKey, "match", true);
        String take = in.text(lookup, lookupKey, "take", true);
        EntityDefinition entity = entityName == null ? null : dictionary.entity(entityName).orElse(null);
        if (entityName != null && entity == null) {
            in.problem(YamlKeys.join(lookupKey, "entity"), "dictionary-entity", "'" + entityName + "' is not an entity of the data dictionary");
        }
        if (entity != null) {
            for (String[] field : new String[][] {{"match", match}, {"take", take}}) {
                if (field[1] != null && Targets.leaf(entity.fields(), field[1]).isEmpty()) {
                    in.problem(YamlKeys.join(lookupKey, field[0]), "dictionary-field", "'" + field[1] + "' is not a value of "
                            + entity.name() + "; its fields are " + entity.fields().keySet());
                }
            }
        }
        rule.lookup(new FieldRule.Lookup(entityName, match, take));
    }

    /** Checks a path in the language of the mapping's format. */
    private static void checkPath(YamlKeys in, String key, String path, MappingSpec spec) {
        if (path.isBlank()) {
            in.problem(key, "path", "must not be empty");
            return;
        }
        if (path.startsWith("#")) {
            if (!path.equals("#position") && !path.equals("#line")) {
                in.problem(key, "path", "'" + path + "' is not one of #position, #line");
            }
            return;
        }
        if (spec.format() == null) {
            return;
        }
        switch (spec.format().paths()) {
            case JSONPATH -> {
                String expression;
                if (path.startsWith("$")) {
                    expression = path;
                } else if (path.startsWith("@")) {
                    expression = "$" + path.substring(1);
                } else if (path.startsWith("../") || path.equals("..")) {
                    String rest = path.replaceFirst("^(\\.\\./?)+", "");
                    expression = rest.isEmpty() ? "$" : rest.startsWith("[") ? "$" + rest : "$." + rest;
                } else {
                    in.problem(key, "jsonpath", "'" + path + "' must be a JSONPath starting with $ (the document), "
                            + "@ (the record forEach selects) or ../ (the object around it)");
                    return;
                }
                try {
                    JsonPath.compile(expression);
                } catch (InvalidPathException e) {
                    in.problem(key, "jsonpath", "'" + path + "' is not a valid JSONPath: " + e.getMessage());
                }
            }
            case XPATH -> XmlSource.checkExpression(path, Sources.prefixes(spec))
                    .ifPresent(problem -> in.problem(key, "xpath", "'" + path + "' is not a usable XPath: " + problem));
            case COLUMN -> { }
        }
    }
}
