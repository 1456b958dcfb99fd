package org.medhub.routes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.medhub.canonical.unit.UnitOfMeasure;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;
import org.medhub.routes.mapping.internal.RuleEvaluator.Value;
import org.medhub.routes.mapping.internal.TransformContext;

/** {@code unit: { from: g, to: kg }}: an exact conversion between UCUM units of one dimension. */
public record UnitConversion(String from, String to) implements Transform {

    static final TransformKind KIND = new TransformKind(List.of("unit"), UnitConversion::read);

    private static UnitConversion read(RuleYaml rule) {
        YamlKeys in = rule.in();
        JsonNode unit = in.object(rule.node(), rule.key(), "unit", false);
        if (unit == null) {
            return null;
        }
        String key = rule.keyOf("unit");
        in.onlyKeys(unit, key, Set.of("from", "to"));
        String from = in.text(unit, key, "from", true);
        String to = in.text(unit, key, "to", true);
        boolean known = true;
        for (String[] code : new String[][] {{"from", from}, {"to", to}}) {
            if (code[1] != null) {
                Optional<Violation> violation = UnitOfMeasure.check(code[0], code[1]);
                if (violation.isPresent()) {
                    known = false;
                    in.problem(YamlKeys.join(key, code[0]), "ucum-unit", violation.get().message());
                }
            }
        }
        if (known && from != null && to != null && !UnitOfMeasure.parse(from).isCompatible(UnitOfMeasure.parse(to))) {
            in.problem(key, "dimension", from + " cannot be converted to " + to + ": they measure different things");
        }
        return new UnitConversion(from, to);
    }

    @Override
    public Value apply(Value value, TransformContext context) {
        Optional<BigDecimal> number = context.number(value.node());
        if (number.isEmpty()) {
            return context.fail("type", value, context.field() + " '" + value.text() + "' (from " + context.from()
                    + ") is not a number, so it cannot be converted from " + from);
        }
        try {
            BigDecimal converted = UnitOfMeasure.parse(from).convert(number.get(), UnitOfMeasure.parse(to));
            return value.withNumber(converted, "unit " + from + " → " + to);
        } catch (InvalidRecordException | IllegalArgumentException e) {
            return context.fail("unit", value, context.field() + ": " + e.getMessage());
        }
    }
}
