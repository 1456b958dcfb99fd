package org.medhub.routes.mapping;

import java.util.List;
import java.util.Optional;
import org.medhub.routes.mapping.internal.Gs1Keys;
import org.medhub.routes.mapping.internal.RuleEvaluator.Value;
import org.medhub.routes.mapping.internal.TransformContext;

/**
 * {@code gs1: lot}: one GS1 key (gtin, lot, serial, sscc or gln) out of an EPC URN, a GS1 Digital Link URI or a
 * bracketed element string.
 */
public record Gs1Key(String key) implements Transform {

    static final TransformKind KIND = new TransformKind(List.of("gs1"), Gs1Key::read);

    private static Gs1Key read(RuleYaml rule) {
        String key = rule.in().text(rule.node(), rule.key(), "gs1", false);
        if (key != null && !Gs1Keys.KEYS.contains(key)) {
            rule.problem("gs1", "enum", "'" + key + "' is not one of " + Gs1Keys.KEYS);
        }
        return key == null ? null : new Gs1Key(key);
    }

    @Override
    public Value apply(Value value, TransformContext context) {
        Optional<String> taken = Gs1Keys.take(value.text(), key);
        if (taken.isEmpty()) {
            return context.fail("gs1", value, context.field() + " '" + value.text() + "' (from " + context.from()
                    + ") is no EPC URN, Digital Link or element string that carries a " + key);
        }
        return value.withText(taken.get(), "gs1 " + key);
    }
}
