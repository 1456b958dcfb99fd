package org.medhub.routes.mapping.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medhub.canonical.dictionary.FieldType;
import org.medhub.routes.mapping.CanonicalLookup;
import org.medhub.routes.mapping.FieldRule;
import org.medhub.routes.mapping.MappingSpec;
import org.medhub.routes.mapping.MappingViolation;
import org.medhub.routes.mapping.SourceLocation;
import org.medhub.routes.mapping.Transform;

/**
 * Gives a field rule its value in one source record: reads it (path, constant, concat or when), then applies its
 * transforms in their order. Problems become violations that name the record, the field, the rule, the
 * value and where in the source it was; a rule that fails gives {@link Value#FAILED}.
 */
public final class RuleEvaluator {

    private static final JsonNodeFactory NODES = JsonTree.NODES;

    /** What a rule gave: the value, as read, from where, and how it was made. */
    public record Value(JsonNode node, String read, SourceLocation location, String how) {

        /** The rule failed: a violation says why, and the field stays empty (no default either). */
        public static final Value FAILED = new Value(null, null, SourceLocation.NONE, "failed");

        public boolean failed() {
            return this == FAILED;
        }

        public String text() {
            return node.asText();
        }

        /** This value changed by a transform, which names itself in how it was made. */
        public Value with(JsonNode value, String step) {
            return new Value(value, read, location, how + "; " + step);
        }

        public Value withText(String value, String step) {
            return with(NODES.textNode(value), step);
        }

        public Value withNumber(BigDecimal value, String step) {
            return with(NODES.numberNode(value), step);
        }
    }

    /** Where violations go, and which record they are about. */
    public record Scope(String record, int item, List<MappingViolation> violations) {

        void violation(String field, String rule, String value, SourceLocation location, String message) {
            violations.add(new MappingViolation(record, item, field, rule, value, location, message));
        }
    }

    private final SourceDocument document;
    private final MappingSpec spec;
    private final CanonicalLookup lookup;
    private final boolean outbound;

    public RuleEvaluator(SourceDocument document, MappingSpec spec, CanonicalLookup lookup) {
        this.document = document;
        this.spec = spec;
        this.lookup = lookup;
        this.outbound = spec.direction() == MappingSpec.Direction.OUTBOUND;
    }

    public SourceDocument document() {
        return document;
    }

    /**
     * The value of {@code rule} in {@code context}, or null when the source gives none (the caller decides on the
     * default), or {@link Value#FAILED}.
     *
     * @param target the type the dictionary wants, which a {@code date} rule writes; null when untyped
     */
    public Value evaluate(FieldRule rule, SourceNode context, FieldType target, String field, Scope scope) {
        Value value = read(rule, context, target, field, scope);
        if (value == null || value.failed()) {
            return value;
        }
        return transform(rule, value, context, target, field, scope);
    }

    /** The value of a node itself (an item of a list), through the rule's transforms. */
    public Value evaluateNode(FieldRule rule, SourceNode node, FieldType target, String field, Scope scope) {
        if (node.isStructure()) {
            scope.violation(field, "type", null, node.location(), field + " (from " + rule.forEach()
                    + ") is a structure, not a value");
            return Value.FAILED;
        }
        if (node.text().isEmpty()) {
            return null;
        }
        return transform(rule, new Value(node.value(), node.text(), node.location(), "forEach " + rule.forEach()),
                node, target, field, scope);
    }

    private Value read(FieldRule rule, SourceNode context, FieldType target, String field, Scope scope) {
        if (rule.constant() != null) {
            return new Value(NODES.textNode(rule.constant()), null, SourceLocation.NONE, "constant '" + rule.constant() + "'");
        }
        if (rule.path() != null) {
            return readPath(rule.path(), context, field, scope);
        }
        if (!rule.concat().isEmpty()) {
            return concat(rule, context, field, scope);
        }
        if (!rule.when().isEmpty()) {
            return when(rule, context, target, field, scope);
        }
        return null;
    }

    /** The one value at {@code path}; null when there is none or it is empty. */
    public Value readPath(String path, SourceNode context, String field, Scope scope) {
        List<SourceNode> nodes = document.select(context, path);
        Optional<MappingViolation> problem = document.pathProblem(path);
        if (problem.isPresent()) {
            MappingViolation p = problem.get();
            scope.violation(field, p.rule(), path, p.location(), p.message());
            return Value.FAILED;
        }
        if (nodes.isEmpty()) {
            return null;
        }
        if (nodes.size() > 1) {
            scope.violation(field, "ambiguous-path", path, nodes.get(0).location(), field + ": '" + path + "' finds "
                    + nodes.size() + " values where the field takes one; narrow the path, or use forEach");
            return Value.FAILED;
        }
        SourceNode node = nodes.get(0);
        if (node.isStructure()) {
            scope.violation(field, "type", path, node.location(), field + ": '" + path
                    + "' finds a structure (an object, a list or an element with elements), not a value");
            return Value.FAILED;
        }
        if (node.text().isEmpty()) {
            return null;
        }
        return new Value(node.value(), node.text(), node.location(), "path " + path);
    }

    private Value concat(FieldRule rule, SourceNode context, String field, Scope scope) {
        StringBuilder joined = new StringBuilder();
        boolean found = false;
        boolean anyPath = false;
        SourceLocation location = SourceLocation.NONE;
        List<String> reads = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (FieldRule part : rule.concat()) {
            if (part.constant() != null) {
                joined.append(part.constant());
                parts.add("'" + part.constant() + "'");
                continue;
            }
            anyPath = true;
            Value value = evaluate(part, context, null, field, scope);
            if (value == null) {
                parts.add(part.path() != null ? "path " + part.path() + " (nothing)" : "(nothing)");
                continue;
            }
            if (value.failed()) {
                return Value.FAILED;
            }
            if (!found) {
                location = value.location();
            }
            found = true;
            reads.add(value.read() == null ? value.text() : value.read());
            parts.add(value.how());
            joined.append(value.text());
        }
        if (anyPath && !found) {
            return null;
        }
        return new Value(NODES.textNode(joined.toString()), String.join(" | ", reads), location,
                "concat [" + String.join(", ", parts) + "]");
    }

    private Value when(FieldRule rule, SourceNode context, FieldType target, String field, Scope scope) {
        for (int i = 0; i < rule.when().size(); i++) {
            FieldRule.Condition condition = rule.when().get(i);
            if (holds(condition, context, field, scope)) {
                Value value = evaluate(condition.then(), context, target, field, scope);
                return value == null || value.failed() ? value
                        : new Value(value.node(), value.read(), value.location(), "when[" + i + "] (" + describe(condition)
                                + "): " + value.how());
            }
        }
        if (rule.elseRule() == null) {
            return null;
        }
        Value value = evaluate(rule.elseRule(), context, target, field, scope);
        return value == null || value.failed() ? value
                : new Value(value.node(), value.read(), value.location(), "else: " + value.how());
    }

    private boolean holds(FieldRule.Condition condition, SourceNode context, String field, Scope scope) {
        List<SourceNode> nodes = condition.path() == null ? List.of(context) : document.select(context, condition.path());
        SourceNode first = nodes.isEmpty() ? null : nodes.get(0);
        // a structure exists but has no value to compare; an empty value neither exists nor compares
        boolean present = first != null && (first.isStructure() || !first.text().isEmpty());
        String value = present && !first.isStructure() ? first.text() : null;
        boolean holds = true;
        boolean tested = false;
        if (condition.exists() != null) {
            holds = present == condition.exists();
            tested = true;
        }
        if (condition.equals() != null) {
            holds &= condition.equals().equals(value);
            tested = true;
        }
        if (condition.in() != null) {
            holds &= value != null && condition.in().contains(value);
            tested = true;
        }
        if (condition.matches() != null) {
            holds &= value != null && condition.matches().matcher(value).matches();
            tested = true;
        }
        if (condition.above() != null || condition.below() != null) {
            Optional<BigDecimal> number = value == null ? Optional.empty() : parseNumber(value, document.decimalMark());
            holds &= number.isPresent()
                    && (condition.above() == null || number.get().compareTo(condition.above()) > 0)
                    && (condition.below() == null || number.get().compareTo(condition.below()) < 0);
            tested = true;
        }
        return tested ? holds : present;
    }

    private static String describe(FieldRule.Condition condition) {
        String path = condition.path() == null ? "." : condition.path();
        if (condition.equals() != null) {
            return path + " = '" + condition.equals() + "'";
        }
        if (condition.in() != null) {
            return path + " in " + condition.in();
        }
        if (condition.matches() != null) {
            return path + " matches " + condition.matches().pattern();
        }
        if (condition.above() != null || condition.below() != null) {
            return path + (condition.above() != null ? " > " + condition.above().toPlainString() : "")
                    + (condition.below() != null ? " < " + condition.below().toPlainString() : "");
        }
        return path + (Boolean.FALSE.equals(condition.exists()) ? " is absent" : " exists");
    }

    private Value transform(FieldRule rule, Value value, SourceNode context, FieldType target, String field, Scope scope) {
        if (rule.transforms().isEmpty()) {
            return value;
        }
        TransformContext step = new TransformContext(this, rule, context, target, field, scope);
        for (Transform transform : rule.transforms()) {
            value = transform.apply(value, step);
            if (value == null || value.failed()) {
                return value;
            }
        }
        return value;
    }

    boolean outbound() {
        return outbound;
    }

    String mappingId() {
        return spec.id();
    }

    CanonicalLookup lookup() {
        return lookup;
    }

    Optional<BigDecimal> number(JsonNode node) {
        if (node.isNumber()) {
            return Optional.of(node.decimalValue());
        }
        return parseNumber(node.asText(), document.decimalMark());
    }

    /** A decimal as partners write it: surrounding blanks ignored, the document's decimal mark accepted. */
    public static Optional<BigDecimal> parseNumber(String text, char decimalMark) {
        String number = text.strip();
        if (decimalMark != '.' && number.indexOf('.') < 0) {
            number = number.replace(decimalMark, '.');
        }
        if (number.startsWith("+")) {
            number = number.substring(1);
        }
        try {
            return Optional.of(new BigDecimal(number));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
