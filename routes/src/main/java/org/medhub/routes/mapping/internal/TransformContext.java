package org.medhub.routes.mapping.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;
import org.medhub.canonical.dictionary.FieldType;
import org.medhub.routes.mapping.CanonicalLookup;
import org.medhub.routes.mapping.FieldRule;
import org.medhub.routes.mapping.Transform;
import org.medhub.routes.mapping.internal.RuleEvaluator.Scope;
import org.medhub.routes.mapping.internal.RuleEvaluator.Value;

/**
 * The field a {@link Transform} works on, and what it may use of the evaluator: the type the field wants, other
 * values of the source record, the hub's canonical records, and where its violations go.
 */
public final class TransformContext {

    private final RuleEvaluator evaluator;
    private final FieldRule rule;
    private final SourceNode node;
    private final FieldType target;
    private final String field;
    private final Scope scope;

    TransformContext(RuleEvaluator evaluator, FieldRule rule, SourceNode node, FieldType target, String field, Scope scope) {
        this.evaluator = evaluator;
        this.rule = rule;
        this.node = node;
        this.target = target;
        this.field = field;
        this.scope = scope;
    }

    /** The canonical field path, {@code lines[2].quantity.value}, as violations name it. */
    public String field() {
        return field;
    }

    /** The type the dictionary wants; null when untyped (outbound, or a record's id). */
    public FieldType target() {
        return target;
    }

    public boolean outbound() {
        return evaluator.outbound();
    }

    public String mappingId() {
        return evaluator.mappingId();
    }

    public CanonicalLookup lookup() {
        return evaluator.lookup();
    }

    /** Where the rule read its value, for messages: its path, its forEach, or constant, concat or when. */
    public String from() {
        if (rule.path() != null) {
            return rule.path();
        }
        if (rule.forEach() != null) {
            return rule.forEach();
        }
        return rule.constant() != null ? "constant" : !rule.concat().isEmpty() ? "concat" : "when";
    }

    /** The one value at {@code path} from the record being mapped; null when there is none, or FAILED. */
    public Value readPath(String path) {
        return evaluator.readPath(path, node, field, scope);
    }

    /** A number as the document writes it (its decimal mark), or empty when the value is not one. */
    public Optional<BigDecimal> number(JsonNode value) {
        return evaluator.number(value);
    }

    /** Records a violation of {@code rule} for this field, with the value and where it was; the step fails. */
    public Value fail(String rule, Value value, String message) {
        scope.violation(field, rule, value.text(), value.location(), message);
        return Value.FAILED;
    }
}
