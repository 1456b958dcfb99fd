package org.medhub.routes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.dictionary.FieldDefinition;
import org.medhub.canonical.dictionary.FieldType;
import org.medhub.routes.mapping.internal.Targets;

/**
 * Reads one field rule of a mapping: where its value comes from ({@code path}, {@code constant}, {@code concat},
 * {@code when}/{@code else}, {@code default}), the items of a list ({@code forEach}, {@code fields}), and its
 * transforms, each read by its own {@link TransformKind}. Checks the rule against the field it fills.
 */
final class FieldRuleReader {

    private static final Set<String> SOURCES = Set.of("path", "constant", "concat", "when", "else", "default", "forEach",
            "fields");
    private static final Set<String> KEYS = union(SOURCES, Transforms.KEYS);

    private final DataDictionary dictionary;
    private final ConditionReader conditions = new ConditionReader(this);

    FieldRuleReader(DataDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /**
     * The rule of field {@code target} of an entity (or of a list's items), checked against its definition: a list
     * needs forEach, a value must be one the dictionary has, and fixed values must fit its type.
     *
     * @param fields the definitions of the entity's fields; null when the entity is unknown
     * @param owner the entity, or the items of a list, for messages
     */
    FieldRule fieldRule(YamlKeys in, String target, JsonNode node, String key, MappingSpec spec,
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

    /**
     * One field rule.
     *
     * @param list the list field this rule fills, or null
     * @param type the type of the value the rule gives (of the list's items for a list), null when untyped
     */
    FieldRule rule(YamlKeys in, JsonNode node, String key, MappingSpec spec, FieldDefinition list, FieldType type) {
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
            PathSyntax.check(in, key, path, spec);
            return FieldRule.path(path);
        }
        if (!node.isObject()) {
            in.problem(key, "type", "must be a path, or a map with path, default, codes and other transforms");
            return null;
        }
        in.onlyKeys(node, key, KEYS);
        FieldRule.Builder rule = FieldRule.builder();
        if (node.path("path").isBoolean()) {
            in.problem(YamlKeys.join(key, "path"), "yaml-boolean", "was read as the YAML boolean " + node.get("path").asText()
                    + ": quote the path (YAML takes an unquoted No, Yes, On or Off as false or true)");
        }
        String path = node.path("path").isBoolean() ? null : in.text(node, key, "path", false);
        if (path != null) {
            PathSyntax.check(in, YamlKeys.join(key, "path"), path, spec);
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
            rule.when(conditions.read(in, node.get("when"), YamlKeys.join(key, "when"), spec, type));
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
            PathSyntax.check(in, YamlKeys.join(key, "forEach"), forEach, spec);
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
                rule.fields(itemRules(in, node, key, spec, list));
            }
        } else if (list != null && list.items().type() == FieldType.OBJECT) {
            in.problem(key, "list-rule", "'" + list.name() + "' is a list of objects: give fields for its items");
        }
        if (sources == 0 && defaultValue == null && forEach == null) {
            in.problem(key, "path-or-default", "needs a path, a constant, concat, when or a default");
        }
        RuleYaml yaml = new RuleYaml(in, node, key, spec, type, dictionary);
        for (TransformKind kind : Transforms.ALL) {
            Transform transform = kind.read(yaml);
            if (transform != null) {
                rule.transform(transform);
            }
        }
        FieldRule built = rule.build();
        checkFixedValue(in, YamlKeys.join(key, "default"), defaultValue, type);
        checkFixedValue(in, YamlKeys.join(key, "constant"), constant, type);
        return built;
    }

    private Map<String, FieldRule> itemRules(YamlKeys in, JsonNode node, String key, MappingSpec spec, FieldDefinition list) {
        Map<String, FieldRule> itemRules = new LinkedHashMap<>();
        JsonNode fieldsNode = in.object(node, key, "fields", true);
        if (fieldsNode != null) {
            fieldsNode.fields().forEachRemaining(e -> {
                String itemKey = YamlKeys.join(key, "fields." + e.getKey());
                itemRules.put(e.getKey(), fieldRule(in, e.getKey(), e.getValue(), itemKey, spec, list.items().fields(),
                        "the items of " + list.name()));
            });
        }
        return itemRules;
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
                    PathSyntax.check(in, partKey, text, spec);
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

    /** Codes, constants and defaults must be values the enum has: a typo fails here, not on the first message. */
    private static void checkEnum(YamlKeys in, String key, FieldRule rule, FieldDefinition definition) {
        if (definition == null || definition.type() != FieldType.ENUM) {
            return;
        }
        List<String> values = definition.values();
        for (Transform transform : rule.transforms()) {
            transform.fixedValues().forEach((at, value) -> checkEnumValue(in, key + "." + at, value, values));
        }
        for (String[] fixed : new String[][] {{"constant", rule.constant()}, {"default", rule.defaultValue()}}) {
            if (fixed[1] != null && !fixed[1].isEmpty()) {
                checkEnumValue(in, key + "." + fixed[0], fixed[1], values);
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

    private static void checkEnumValue(YamlKeys in, String key, String value, List<String> values) {
        if (!values.contains(value)) {
            in.problem(key, "enum", "'" + value + "' is not one of " + values);
        }
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

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
