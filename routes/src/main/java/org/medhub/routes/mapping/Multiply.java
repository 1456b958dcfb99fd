package org.medhub.routes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.medhub.routes.mapping.internal.RuleEvaluator.Value;
import org.medhub.routes.mapping.internal.TransformContext;

/**
 * {@code multiply: 0.01} or {@code multiply: IT1/IT104}: the value times a number (X12 implied decimals) or times
 * another value of the source (an amount from quantity and price), exactly.
 *
 * @param path where the other factor is; null when the factor is {@code by}
 * @param by the factor; null when it is read at {@code path}
 */
public record Multiply(String path, BigDecimal by) implements Transform {

    static final TransformKind KIND = new TransformKind(List.of("multiply"), Multiply::read);

    private static Multiply read(RuleYaml rule) {
        JsonNode multiply = rule.node().get("multiply");
        if (multiply.isNumber()) {
            return new Multiply(null, multiply.decimalValue());
        }
        if (multiply.isTextual()) {
            try {
                return new Multiply(null, new BigDecimal(multiply.asText().strip()));
            } catch (NumberFormatException notANumber) {
                rule.checkPath("multiply", multiply.asText());
                return new Multiply(multiply.asText(), null);
            }
        }
        rule.problem("multiply", "type", "must be a number (0.01) or the path of the other factor");
        return null;
    }

    @Override
    public Value apply(Value value, TransformContext context) {
        Optional<BigDecimal> number = context.number(value.node());
        if (number.isEmpty()) {
            return context.fail("type", value, context.field() + " '" + value.text() + "' (from " + context.from()
                    + ") is not a number, so it cannot be multiplied");
        }
        BigDecimal factor = by;
        String described = factor == null ? null : factor.toPlainString();
        if (factor == null) {
            Value other = context.readPath(path);
            if (other == null || other.failed()) {
                return other;
            }
            Optional<BigDecimal> otherNumber = context.number(other.node());
            if (otherNumber.isEmpty()) {
                return context.fail("type", other, context.field() + ": the factor '" + other.text() + "' (from " + path
                        + ") is not a number");
            }
            factor = otherNumber.get();
            described = path + " ('" + other.text() + "')";
        }
        return value.withNumber(number.get().multiply(factor), "multiply by " + described);
    }
}
