package org.medhub.routes.mapping;

import java.util.List;
import org.medhub.routes.mapping.internal.RuleEvaluator.Value;
import org.medhub.routes.mapping.internal.TransformContext;

/** {@code trim: true}: the blanks around the value removed; a value of blanks only is no value. */
public record Trim() implements Transform {

    static final TransformKind KIND = new TransformKind(List.of("trim"), Trim::read);

    private static Trim read(RuleYaml rule) {
        return rule.in().bool(rule.node(), rule.key(), "trim", false) ? new Trim() : null;
    }

    @Override
    public Value apply(Value value, TransformContext context) {
        Value trimmed = value.withText(value.text().strip(), "trim");
        return trimmed.text().isEmpty() ? null : trimmed;
    }
}
