package org.medhub.routes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.medhub.canonical.dictionary.FieldType;

/**
 * Reads the conditions of a {@code when}: each tests the value at a path ({@code equals}, {@code in},
 * {@code matches}, {@code above}, {@code below}, {@code exists}) and gives its {@code then}, a value or a rule.
 */
final class ConditionReader {

    private static final Set<String> KEYS = Set.of("path", "equals", "in", "matches", "above", "below", "exists", "then");

    private final FieldRuleReader rules;

    ConditionReader(FieldRuleReader rules) {
        this.rules = rules;
    }

    /** @param type the type of the value the rule gives, which each {@code then} gives too */
    List<FieldRule.Condition> read(YamlKeys in, JsonNode node, String key, MappingSpec spec, FieldType type) {
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
            in.onlyKeys(condition, conditionKey, KEYS);
            String path = in.text(condition, conditionKey, "path", false);
            if (path != null) {
                PathSyntax.check(in, YamlKeys.join(conditionKey, "path"), path, spec);
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
                        : rules.rule(in, thenNode, YamlKeys.join(conditionKey, "then"), spec, null, type);
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
}
