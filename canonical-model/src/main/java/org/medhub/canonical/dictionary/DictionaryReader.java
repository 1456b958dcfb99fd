package org.medhub.canonical.dictionary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads entity definitions and checks them against the dictionary format (module README). Problems
 * are collected, each naming the file, the key and the rule, so that all can be fixed at once.
 */
final class DictionaryReader {

    static final Set<String> FORMATS = Set.of("gtin", "gln", "sscc", "gs1-lot", "gs1-serial", "udi", "hs-code",
            "nmpa-registration", "country", "currency", "ucum-unit", "email");
    static final Set<String> DIMENSIONS = Set.of("count", "mass", "volume", "length", "area", "temperature", "time",
            "pressure", "ratio");
    private static final Set<String> KINDS = Set.of("master", "event");
    private static final Pattern ENTITY_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final Pattern ENUM_VALUE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Set<String> COMMON_KEYS = Set.of("type", "description", "owner", "required");
    private static final Map<FieldType, Set<String>> TYPE_KEYS = Map.ofEntries(
            Map.entry(FieldType.STRING, Set.of("minLength", "maxLength", "pattern", "format")),
            Map.entry(FieldType.TEXT, Set.of("maxLength")),
            Map.entry(FieldType.INTEGER, Set.of("minimum", "maximum")),
            Map.entry(FieldType.DECIMAL, Set.of("precision", "scale", "minimum", "maximum")),
            Map.entry(FieldType.BOOLEAN, Set.of()),
            Map.entry(FieldType.DATE, Set.of()),
            Map.entry(FieldType.DATE_TIME, Set.of()),
            Map.entry(FieldType.ENUM, Set.of("values")),
            Map.entry(FieldType.QUANTITY, Set.of("dimension", "scale", "minimum", "maximum")),
            Map.entry(FieldType.MONEY, Set.of("scale", "minimum", "maximum")),
            Map.entry(FieldType.REFERENCE, Set.of("entity")),
            Map.entry(FieldType.OBJECT, Set.of("fields")),
            Map.entry(FieldType.LIST, Set.of("items", "minItems", "maxItems")));
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<DictionaryProblem> problems = new ArrayList<>();
    private final Map<String, String> referencesToCheck = new LinkedHashMap<>();
    private String file;

    List<DictionaryProblem> problems() {
        return problems;
    }

    EntityDefinition read(String fileName, byte[] yaml) {
        this.file = fileName;
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            problem("", "yaml", "not readable as YAML: " + e.getMessage());
            return null;
        }
        if (root == null || !root.isObject()) {
            problem("", "yaml", "must be a YAML map");
            return null;
        }
        int before = problems.size();
        onlyKeys(root, "", Set.of("entity", "version", "description", "kind", "topic", "owner", "businessKey",
                "fields", "stateMachine", "rules"));
        String name = text(root, "", "entity", true);
        if (name != null && !ENTITY_NAME.matcher(name).matches()) {
            problem("entity", "entity-name", "'" + name + "' must be PascalCase");
        } else if (name != null && !fileName.endsWith("/" + name + ".yml") && !fileName.equals(name + ".yml")) {
            problem("entity", "entity-matches-file", "'" + name + "' must be the file's name, " + fileName);
        }
        int version = positive(root, "", "version", true);
        String description = text(root, "", "description", true);
        String kind = text(root, "", "kind", true);
        if (kind != null && !KINDS.contains(kind)) {
            problem("kind", "enum", "'" + kind + "' is not one of " + KINDS);
        }
        String topic = text(root, "", "topic", true);
        if (topic != null && !TOPIC.matcher(topic).matches()) {
            problem("topic", "topic-name", "'" + topic + "' must be lower-case letters, digits and underscores");
        }
        SystemOfRecord owner = owner(root, "", true);
        Map<String, FieldDefinition> fields = fields(root, "", true);
        BusinessKey key = businessKey(root, fields);
        StateMachine stateMachine = stateMachine(root, fields);
        List<CrossFieldRule> rules = rules(root, fields);
        if (problems.size() > before) {
            return null;
        }
        return new EntityDefinition(name, version, description, kind, topic, owner, key, fields, stateMachine, rules);
    }

    /** After every file is read: each reference names an entity of the dictionary. */
    void checkReferences(Set<String> entities) {
        referencesToCheck.forEach((where, entity) -> {
            if (!entities.contains(entity)) {
                int colon = where.indexOf('#');
                problems.add(new DictionaryProblem(where.substring(0, colon), where.substring(colon + 1), "reference",
                        "'" + entity + "' is not an entity of the dictionary"));
            }
        });
    }

    private Map<String, FieldDefinition> fields(JsonNode node, String path, boolean required) {
        Map<String, FieldDefinition> fields = new LinkedHashMap<>();
        JsonNode fieldsNode = node.get("fields");
        if (fieldsNode == null || !fieldsNode.isObject() || fieldsNode.isEmpty()) {
            if (required || fieldsNode != null) {
                problem(join(path, "fields"), "required", "must be a non-empty map of field names to definitions");
            }
            return fields;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = fieldsNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String fieldPath = join(path, "fields." + entry.getKey());
            if (!FIELD_NAME.matcher(entry.getKey()).matches()) {
                problem(fieldPath, "field-name", "a field name must be camelCase");
            }
            FieldDefinition field = field(entry.getKey(), entry.getValue(), fieldPath, true);
            if (field != null) {
                fields.put(entry.getKey(), field);
            }
        }
        return fields;
    }

    private FieldDefinition field(String name, JsonNode node, String path, boolean needsDescription) {
        if (!node.isObject()) {
            problem(path, "type", "must be a map with at least type and description");
            return null;
        }
        String typeName = text(node, path, "type", true);
        FieldType type = typeName == null ? null : FieldType.of(typeName).orElse(null);
        if (typeName != null && type == null) {
            problem(join(path, "type"), "enum", "'" + typeName + "' is not a dictionary type; types are "
                    + java.util.Arrays.stream(FieldType.values()).map(FieldType::yamlName).toList());
            return null;
        }
        if (type == null) {
            return null;
        }
        Set<String> allowed = new HashSet<>(COMMON_KEYS);
        allowed.addAll(TYPE_KEYS.get(type));
        onlyKeys(node, path, allowed);
        String description = text(node, path, "description", needsDescription);
        SystemOfRecord owner = owner(node, path, false);
        boolean required = node.path("required").asBoolean(false);
        String pattern = text(node, path, "pattern", false);
        Pattern compiledPattern = null;
        if (pattern != null) {
            try {
                compiledPattern = Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                problem(join(path, "pattern"), "pattern", "not a valid regular expression: " + e.getDescription());
            }
        }
        String format = text(node, path, "format", false);
        if (format != null && !FORMATS.contains(format)) {
            problem(join(path, "format"), "enum", "'" + format + "' is not a known format; formats are " + FORMATS);
        }
        List<String> values = type == FieldType.ENUM ? enumValues(node, path) : null;
        String dimension = text(node, path, "dimension", false);
        if (dimension != null && !DIMENSIONS.contains(dimension)) {
            problem(join(path, "dimension"), "enum", "'" + dimension + "' is not one of " + DIMENSIONS);
        }
        String entity = text(node, path, "entity", type == FieldType.REFERENCE);
        if (entity != null) {
            referencesToCheck.put(file + "#" + join(path, "entity"), entity);
        }
        Map<String, FieldDefinition> nested = type == FieldType.OBJECT ? fields(node, path, true) : Map.of();
        FieldDefinition items = null;
        if (type == FieldType.LIST) {
            JsonNode itemsNode = node.get("items");
            if (itemsNode == null) {
                problem(join(path, "items"), "required", "a list needs items: the definition of what it holds");
            } else {
                items = field(name, itemsNode, join(path, "items"), false);
            }
        }
        return new FieldDefinition(name, type, description, owner, required,
                integer(node, path, "minLength"), integer(node, path, "maxLength"), pattern, format,
                decimal(node, path, "minimum"), decimal(node, path, "maximum"),
                integer(node, path, "precision"), integer(node, path, "scale"), values, dimension, entity,
                nested, items, integer(node, path, "minItems"), integer(node, path, "maxItems"), compiledPattern);
    }

    private List<String> enumValues(JsonNode node, String path) {
        JsonNode values = node.get("values");
        if (values == null || !values.isArray() || values.isEmpty()) {
            problem(join(path, "values"), "required", "an enum needs a non-empty list of values");
            return List.of();
        }
        List<String> result = new ArrayList<>();
        values.forEach(v -> {
            if (!ENUM_VALUE.matcher(v.asText()).matches()) {
                problem(join(path, "values"), "enum-value", "'" + v.asText() + "' must be UPPER_SNAKE_CASE");
            }
            result.add(v.asText());
        });
        return List.copyOf(result);
    }

    private BusinessKey businessKey(JsonNode root, Map<String, FieldDefinition> fields) {
        JsonNode node = root.get("businessKey");
        if (node == null || !node.isObject()) {
            problem("businessKey", "required", "is required: the fields that identify a record, and its format");
            return null;
        }
        onlyKeys(node, "businessKey", Set.of("fields", "format"));
        List<String> keyFields = new ArrayList<>();
        JsonNode list = node.get("fields");
        if (list == null || !list.isArray() || list.isEmpty()) {
            problem("businessKey.fields", "required", "must list at least one field");
        } else {
            list.forEach(f -> keyFields.add(f.asText()));
        }
        for (String keyField : keyFields) {
            FieldDefinition field = fields.get(keyField);
            if (field == null) {
                problem("businessKey.fields", "field", "'" + keyField + "' is not a field of the entity");
            } else if (!field.required() || !field.type().isScalar()) {
                problem("businessKey.fields", "key-field", "'" + keyField + "' must be a required scalar field");
            }
        }
        String format = text(node, "businessKey", "format", true);
        if (format != null && !new HashSet<>(BusinessKey.placeholders(format)).equals(new HashSet<>(keyFields))) {
            problem("businessKey.format", "placeholders", "'" + format + "' must name each key field once as {field}: "
                    + keyFields);
        }
        return new BusinessKey(List.copyOf(keyFields), format);
    }

    private StateMachine stateMachine(JsonNode root, Map<String, FieldDefinition> fields) {
        JsonNode node = root.get("stateMachine");
        if (node == null) {
            return null;
        }
        String path = "stateMachine";
        onlyKeys(node, path, Set.of("field", "initial", "transitions"));
        String fieldName = text(node, path, "field", true);
        FieldDefinition field = fieldName == null ? null : fields.get(fieldName);
        if (fieldName != null && (field == null || field.type() != FieldType.ENUM)) {
            problem(join(path, "field"), "enum-field", "'" + fieldName + "' must be an enum field of the entity");
            return null;
        }
        if (field == null) {
            return null;
        }
        List<String> states = field.values();
        List<String> initial = new ArrayList<>();
        node.path("initial").forEach(s -> initial.add(s.asText()));
        if (initial.isEmpty()) {
            problem(join(path, "initial"), "required", "must list the states a record may start in");
        }
        initial.stream().filter(s -> !states.contains(s)).forEach(s ->
                problem(join(path, "initial"), "state", "'" + s + "' is not a value of " + fieldName));
        Map<String, List<String>> transitions = new LinkedHashMap<>();
        JsonNode transitionsNode = node.get("transitions");
        if (transitionsNode == null || !transitionsNode.isObject()) {
            problem(join(path, "transitions"), "required", "must map every state to the states it may move to");
            return null;
        }
        transitionsNode.fields().forEachRemaining(entry -> {
            List<String> targets = new ArrayList<>();
            entry.getValue().forEach(t -> targets.add(t.asText()));
            targets.stream().filter(t -> !states.contains(t)).forEach(t -> problem(
                    join(path, "transitions." + entry.getKey()), "state", "'" + t + "' is not a value of " + fieldName));
            transitions.put(entry.getKey(), List.copyOf(targets));
        });
        if (!transitions.keySet().equals(new HashSet<>(states)) || transitions.size() != states.size()) {
            problem(join(path, "transitions"), "states", "must have exactly one entry per value of " + fieldName
                    + " " + states + "; has " + transitions.keySet());
        }
        return new StateMachine(fieldName, List.copyOf(initial), transitions);
    }

    private List<CrossFieldRule> rules(JsonNode root, Map<String, FieldDefinition> fields) {
        List<CrossFieldRule> rules = new ArrayList<>();
        JsonNode list = root.get("rules");
        if (list == null) {
            return rules;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String path = "rules[" + i + "]";
            String rule = text(node, path, "rule", true);
            String field = text(node, path, "field", true);
            requireField(fields, join(path, "field"), field);
            if (CrossFieldRule.NOT_BEFORE.equals(rule)) {
                onlyKeys(node, path, Set.of("rule", "field", "reference"));
                String reference = text(node, path, "reference", true);
                requireField(fields, join(path, "reference"), reference);
                for (String f : new String[] {field, reference}) {
                    FieldDefinition definition = f == null ? null : fields.get(f);
                    if (definition != null && definition.type() != FieldType.DATE && definition.type() != FieldType.DATE_TIME) {
                        problem(path, "not-before", "'" + f + "' must be a date or dateTime field");
                    }
                }
                rules.add(new CrossFieldRule(rule, field, reference, null, null));
            } else if (CrossFieldRule.REQUIRED_WHEN.equals(rule)) {
                onlyKeys(node, path, Set.of("rule", "field", "when"));
                JsonNode when = node.path("when");
                String whenField = text(when, join(path, "when"), "field", true);
                requireField(fields, join(path, "when.field"), whenField);
                List<String> whenIn = new ArrayList<>();
                when.path("in").forEach(v -> whenIn.add(v.asText()));
                if (whenIn.isEmpty()) {
                    problem(join(path, "when.in"), "required", "must list the values that make the field required");
                }
                rules.add(new CrossFieldRule(rule, field, null, whenField, List.copyOf(whenIn)));
            } else if (rule != null) {
                problem(join(path, "rule"), "enum", "'" + rule + "' is not one of [not-before, required-when]");
            }
        }
        return rules;
    }

    private void requireField(Map<String, FieldDefinition> fields, String path, String field) {
        if (field != null && !fields.containsKey(field)) {
            problem(path, "field", "'" + field + "' is not a field of the entity");
        }
    }

    private SystemOfRecord owner(JsonNode node, String path, boolean required) {
        String owner = text(node, path, "owner", required);
        if (owner == null) {
            return null;
        }
        try {
            return SystemOfRecord.valueOf(owner);
        } catch (IllegalArgumentException e) {
            problem(join(path, "owner"), "enum", "'" + owner + "' is not one of "
                    + java.util.Arrays.toString(SystemOfRecord.values()));
            return null;
        }
    }

    private void onlyKeys(JsonNode node, String path, Set<String> allowed) {
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                problem(join(path, name), "unknown-key", "unknown key; allowed here: " + new java.util.TreeSet<>(allowed));
            }
        });
    }

    private String text(JsonNode node, String path, String key, boolean required) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            if (required) {
                problem(join(path, key), "required", "is required");
            }
            return null;
        }
        if (!value.isValueNode()) {
            problem(join(path, key), "type", "must be a single value");
            return null;
        }
        return value.asText();
    }

    private int positive(JsonNode node, String path, String key, boolean required) {
        JsonNode value = node.get(key);
        if (value == null) {
            if (required) {
                problem(join(path, key), "required", "is required");
            }
            return 0;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
            problem(join(path, key), "integer", "must be a whole number of at least 1");
            return 0;
        }
        return value.asInt();
    }

    private Integer integer(JsonNode node, String path, String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || value.asInt() < 0) {
            problem(join(path, key), "integer", "must be a whole number, not negative");
            return null;
        }
        return value.asInt();
    }

    private BigDecimal decimal(JsonNode node, String path, String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            problem(join(path, key), "number", "must be a number");
            return null;
        }
        return value.decimalValue();
    }

    private void problem(String key, String rule, String message) {
        problems.add(new DictionaryProblem(file, key, rule, message));
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
