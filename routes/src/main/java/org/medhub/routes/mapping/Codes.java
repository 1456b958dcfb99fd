package org.medhub.routes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medhub.routes.mapping.internal.RuleEvaluator.Value;
import org.medhub.routes.mapping.internal.TransformContext;

/**
 * {@code codes: { OK: RELEASED }}: partner code to canonical code. A code the list does not name is a violation
 * ({@code code-list}), unless {@code otherwise} gives the canonical value for it.
 *
 * @param otherwise the canonical value of a code the list does not name; null when such a code is a violation
 */
public record Codes(Map<String, String> codes, String otherwise) implements Transform {

    static final TransformKind KIND = new TransformKind(List.of("codes", "otherwise"), Codes::read);

    public Codes {
        codes = codes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(codes));
    }

    private static Codes read(RuleYaml rule) {
        YamlKeys in = rule.in();
        JsonNode codes = in.object(rule.node(), rule.key(), "codes", false);
        Map<String, String> map = new LinkedHashMap<>();
        if (codes != null) {
            codes.fields().forEachRemaining(code -> {
                if (!code.getValue().isValueNode()) {
                    rule.problem("codes." + code.getKey(), "type", "a code maps to one canonical value");
                } else {
                    map.put(code.getKey(), code.getValue().asText());
                }
            });
            if (map.isEmpty()) {
                rule.problem("codes", "required", "a code list lists at least one code");
            }
        }
        String otherwise = in.text(rule.node(), rule.key(), "otherwise", false);
        if (otherwise != null && codes == null) {
            rule.problem("otherwise", "otherwise-without-codes", "otherwise belongs to codes");
        }
        return codes == null && otherwise == null ? null : new Codes(map, otherwise);
    }

    @Override
    public Value apply(Value value, TransformContext context) {
        String code = codes.get(value.text());
        if (code == null && otherwise == null) {
            return context.fail("code-list", value, context.field() + " '" + value.text() + "' (from " + context.from()
                    + ") is not in the code list of mapping " + context.mappingId() + ": " + codes.keySet());
        }
        String canonical = code != null ? code : otherwise;
        return value.withText(canonical, "codes " + value.text() + " → " + canonical);
    }

    @Override
    public Map<String, String> fixedValues() {
        Map<String, String> fixed = new LinkedHashMap<>();
        codes.forEach((code, canonical) -> fixed.put("codes." + code, canonical));
        if (otherwise != null && !otherwise.isEmpty()) {
            fixed.put("otherwise", otherwise);
        }
        return fixed;
    }
}
