package org.medhub.routes.mapping.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.medhub.canonical.dictionary.FieldDefinition;
import org.medhub.canonical.dictionary.FieldType;
import org.medhub.routes.mapping.FieldLineage;
import org.medhub.routes.mapping.FieldRule;
import org.medhub.routes.mapping.RecordRule;
import org.medhub.routes.mapping.SourceLocation;
import org.medhub.routes.mapping.internal.RuleEvaluator.Scope;
import org.medhub.routes.mapping.internal.RuleEvaluator.Value;

/**
 * Makes one record of one source node by a record rule: each field rule fills one dotted path with a value of the
 * type the target gives it (the dictionary inbound; text or the source's JSON type outbound), and notes its lineage.
 */
public final class RecordMaker {

    private static final JsonNodeFactory NODES = JsonTree.NODES;

    /** What was made: the record, its source id and time, and where each field came from. */
    public record Made(ObjectNode record, String sourceId, OffsetDateTime occurredAt, Long baseVersion, boolean deleted,
            Map<String, FieldLineage> lineage) {}

    private final RuleEvaluator evaluator;

    public RecordMaker(RuleEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /**
     * @param fields the definitions of the entity's fields, which type each value; null for untyped output
     * @param label the rule's key in the mapping, {@code records[0]}
     */
    public Made make(RecordRule rule, String label, Map<String, FieldDefinition> fields, SourceNode node, Scope scope) {
        ObjectNode record = NODES.objectNode();
        Map<String, FieldLineage> lineage = new LinkedHashMap<>();
        fill(record, rule.fields(), fields, node, "", label + ".fields.", scope, lineage);
        String sourceId = null;
        if (rule.sourceId() != null) {
            Value value = evaluator.evaluate(rule.sourceId(), node, null, "sourceId", scope);
            sourceId = value == null || value.failed() ? null : plain(value.node());
        }
        OffsetDateTime occurredAt = null;
        if (rule.occurredAt() != null) {
            Value value = evaluator.evaluate(rule.occurredAt(), node, FieldType.DATE_TIME, "occurredAt", scope);
            if (value != null && !value.failed()) {
                try {
                    occurredAt = OffsetDateTime.parse(value.text());
                } catch (DateTimeParseException e) {
                    scope.violation("occurredAt", "instant", value.text(), value.location(), "the business time '"
                            + value.text() + "' (from " + value.how() + ") must be ISO-8601 with an offset, e.g. "
                            + "2026-11-21T09:30:00+08:00, or be read with a date rule that names a zone");
                }
            }
        }
        Long baseVersion = null;
        if (rule.baseVersion() != null) {
            Value value = evaluator.evaluate(rule.baseVersion(), node, FieldType.INTEGER, "baseVersion", scope);
            if (value != null && !value.failed()) {
                try {
                    baseVersion = Long.valueOf(value.text().strip());
                } catch (NumberFormatException e) {
                    scope.violation("baseVersion", "type", value.text(), value.location(),
                            "the base version '" + value.text() + "' (from " + value.how() + ") must be a whole number");
                }
            }
        }
        boolean deleted = false;
        if (rule.deleted() != null) {
            Value value = evaluator.evaluate(rule.deleted(), node, FieldType.BOOLEAN, "deleted", scope);
            deleted = value != null && !value.failed() && value.node().asBoolean(false);
        }
        return new Made(record, sourceId, occurredAt, baseVersion, deleted, lineage);
    }

    private void fill(ObjectNode target, Map<String, FieldRule> rules, Map<String, FieldDefinition> fields,
            SourceNode context, String fieldPrefix, String rulePrefix, Scope scope, Map<String, FieldLineage> lineage) {
        List<String> defaulted = new ArrayList<>();
        for (Map.Entry<String, FieldRule> entry : rules.entrySet()) {
            String key = entry.getKey();
            FieldRule rule = entry.getValue();
            String field = fieldPrefix + key;
            if (rule.isList()) {
                fillList(target, key, rule, fields, context, field, rulePrefix + key, scope, lineage);
                continue;
            }
            FieldType type = fields == null ? null : Targets.leaf(fields, key).orElse(FieldType.STRING);
            Value value = evaluator.evaluate(rule, context, type, field, scope);
            if (value == null) {
                if (rule.defaultValue() != null) {
                    defaulted.add(key);
                }
                continue;
            }
            if (value.failed()) {
                continue;
            }
            JsonNode typed = typed(value.node(), type, evaluator.document().decimalMark());
            if (typed == null) {
                scope.violation(field, "type", value.text(), value.location(), field + " '" + value.text() + "' (from "
                        + value.how() + ") is not " + (type == FieldType.BOOLEAN ? "true or false" : "a number"));
                continue;
            }
            put(target, key, typed);
            lineage.put(field, new FieldLineage(rulePrefix + key + ": " + value.how(), value.read(), value.location()));
        }
        // A default completes what the source said (a unit for its quantity); it never makes an object up alone.
        for (String key : defaulted) {
            int dot = key.lastIndexOf('.');
            if (dot >= 0 && !target.at("/" + key.substring(0, dot).replace('.', '/')).isObject()) {
                continue;
            }
            FieldRule rule = rules.get(key);
            FieldType type = fields == null ? null : Targets.leaf(fields, key).orElse(FieldType.STRING);
            JsonNode typed = typed(NODES.textNode(rule.defaultValue()), type, '.');
            if (typed == null) {
                scope.violation(fieldPrefix + key, "type", rule.defaultValue(), SourceLocation.NONE, fieldPrefix + key
                        + ": the default '" + rule.defaultValue() + "' is not " + (type == FieldType.BOOLEAN ? "true or false" : "a number"));
                continue;
            }
            put(target, key, typed);
            lineage.put(fieldPrefix + key, new FieldLineage(rulePrefix + key + ": default '" + rule.defaultValue()
                    + "' (the source gave none)", null, SourceLocation.NONE));
        }
    }

    private void fillList(ObjectNode target, String key, FieldRule rule, Map<String, FieldDefinition> fields,
            SourceNode context, String field, String ruleKey, Scope scope, Map<String, FieldLineage> lineage) {
        Optional<FieldDefinition> list = fields == null ? Optional.empty() : Targets.list(fields, key);
        FieldDefinition items = list.map(FieldDefinition::items).orElse(null);
        List<SourceNode> nodes = evaluator.document().select(context, rule.forEach());
        evaluator.document().pathProblem(rule.forEach()).ifPresent(p ->
                scope.violation(field, p.rule(), rule.forEach(), p.location(), p.message()));
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < nodes.size(); i++) {
            SourceNode node = nodes.get(i);
            String itemField = field + "[" + i + "]";
            if (!rule.fields().isEmpty()) {
                ObjectNode item = NODES.objectNode();
                fill(item, rule.fields(), items == null ? null : items.fields(), node, itemField + ".",
                        ruleKey + ".fields.", scope, lineage);
                array.add(item);
                continue;
            }
            FieldType type = items == null ? null : items.type();
            Value value = evaluator.evaluateNode(rule, node, type, itemField, scope);
            if (value == null || value.failed()) {
                continue;
            }
            JsonNode typed = typed(value.node(), type, evaluator.document().decimalMark());
            if (typed == null) {
                scope.violation(itemField, "type", value.text(), value.location(), itemField + " '" + value.text()
                        + "' is not " + (type == FieldType.BOOLEAN ? "true or false" : "a number"));
                continue;
            }
            array.add(typed);
            lineage.put(itemField, new FieldLineage(ruleKey + ": " + value.how(), value.read(), value.location()));
        }
        if (!array.isEmpty()) {
            put(target, key, array);
        }
    }

    /** The value in the type the target wants, or null when it cannot be that; untyped values keep their JSON type. */
    static JsonNode typed(JsonNode value, FieldType type, char decimalMark) {
        if (type == null) {
            return value;
        }
        switch (type) {
            case DECIMAL, INTEGER -> {
                if (value.isNumber()) {
                    return value;
                }
                Optional<BigDecimal> number = RuleEvaluator.parseNumber(value.asText(), decimalMark);
                if (number.isEmpty()) {
                    return null;
                }
                try {
                    return type == FieldType.INTEGER && number.get().scale() <= 0
                            ? NODES.numberNode(number.get().toBigIntegerExact()) : NODES.numberNode(number.get());
                } catch (ArithmeticException e) {
                    return null;
                }
            }
            case BOOLEAN -> {
                if (value.isBoolean()) {
                    return value;
                }
                String text = value.asText().strip().toLowerCase(Locale.ROOT);
                return text.equals("true") || text.equals("false") ? NODES.booleanNode(Boolean.parseBoolean(text)) : null;
            }
            default -> {
                return value.isValueNode() ? NODES.textNode(plain(value)) : value;
            }
        }
    }

    static String plain(JsonNode value) {
        return value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText();
    }

    /** Puts a value at a dotted path, creating the objects on the way. */
    public static void put(ObjectNode record, String dottedPath, JsonNode value) {
        String[] parts = dottedPath.split("\\.");
        ObjectNode level = record;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = level.get(parts[i]);
            level = next instanceof ObjectNode object ? object : level.putObject(parts[i]);
        }
        level.set(parts[parts.length - 1], value);
    }
}
