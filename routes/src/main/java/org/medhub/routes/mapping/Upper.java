package org.medhub.routes.mapping;

import java.util.List;
import java.util.Locale;
import org.medhub.routes.mapping.internal.RuleEvaluator.Value;
import org.medhub.routes.mapping.internal.TransformContext;

/** {@code upper: true}: the value in upper case, whatever the locale of the machine. */
public record Upper() implements Transform {

    static final TransformKind KIND = new TransformKind(List.of("upper"), Upper::read);

    private static Upper read(RuleYaml rule) {
        return rule.in().bool(rule.node(), rule.key(), "upper", false) ? new Upper() : null;
    }

    @Override
    public Value apply(Value value, TransformContext context) {
        return value.withText(value.text().toUpperCase(Locale.ROOT), "upper");
    }
}
