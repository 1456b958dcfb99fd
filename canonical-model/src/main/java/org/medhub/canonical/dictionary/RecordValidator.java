package org.medhub.canonical.dictionary;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.unit.UnitOfMeasure;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

/**
 * Checks a canonical record (its JSON form) against its entity's definition and returns every
 * violation at once, each naming the field path ({@code lines[2].quantity.unit}), the rule and the value.
 */
public final class RecordValidator {

    /** The unit every unit of a dimension must convert to. */
    private static final Map<String, String> DIMENSION_UNITS = Map.of("mass", "kg", "volume", "L", "length", "m",
            "area", "m2", "temperature", "K", "time", "s", "pressure", "Pa", "count", "1", "ratio", "1");
    private static final Set<String> RATIO_UNITS = Set.of("%", "[ppm]", "[ppb]", "[ppth]");

    private RecordValidator() {}

    public static List<Violation> validate(EntityDefinition entity, JsonNode record) {
        List<Violation> violations = new ArrayList<>();
        if (record == null || !record.isObject()) {
            violations.add(new Violation("", "type", null, "a " + entity.name() + " record must be a JSON object"));
            return violations;
        }
        object(entity.fields(), record, "", violations);
        crossFieldRules(entity, record, violations);
        return violations;
    }

    /**
     * For an update that carries only the fields it changes: every field it has must be right, but the
     * fields it leaves out are not missing. The record it is merged into is validated whole.
     */
    public static List<Violation> validatePartial(EntityDefinition entity, JsonNode record) {
        return validate(entity, record).stream()
                .filter(v -> !(v.rule().equals("required") && !v.field().contains(".") && !v.field().contains("[")
                        && (record.get(v.field()) == null || record.get(v.field()).isNull())))
                .filter(v -> !v.rule().equals(CrossFieldRule.REQUIRED_WHEN))
                .toList();
    }

    /** Validates and throws when anything is wrong. */
    public static void requireValid(EntityDefinition entity, JsonNode record) {
        List<Violation> violations = validate(entity, record);
        if (!violations.isEmpty()) {
            throw new InvalidRecordException(entity.name(), violations);
        }
    }

    private static void object(Map<String, FieldDefinition> fields, JsonNode node, String path, List<Violation> out) {
        node.fieldNames().forEachRemaining(name -> {
            if (!fields.containsKey(name)) {
                out.add(new Violation(join(path, name), "unknown-field", null,
                        join(path, name) + " is not a field here; fields are " + fields.keySet()));
            }
        });
        for (FieldDefinition field : fields.values()) {
            JsonNode value = node.get(field.name());
            String fieldPath = join(path, field.name());
            if (value == null || value.isNull()) {
                if (field.required()) {
                    out.add(Violation.required(fieldPath));
                }
                continue;
            }
            value(field, value, fieldPath, out);
        }
    }

    private static void value(FieldDefinition field, JsonNode value, String path, List<Violation> out) {
        switch (field.type()) {
            case STRING, TEXT -> string(field, value, path, out);
            case REFERENCE -> reference(field, value, path, out);
            case INTEGER -> {
                if (!value.isIntegralNumber()) {
                    out.add(type(path, value, "a whole number"));
                } else {
                    range(field.minimum(), field.maximum(), value.decimalValue(), path, out);
                }
            }
            case DECIMAL -> decimal(field, value, path, out);
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    out.add(type(path, value, "true or false"));
                }
            }
            case DATE -> {
                if (parseDate(value) == null) {
                    out.add(type(path, value, "an ISO-8601 date, e.g. 2026-11-21"));
                }
            }
            case DATE_TIME -> {
                if (parseDateTime(value) == null) {
                    out.add(type(path, value, "an ISO-8601 date and time with its offset, e.g. 2026-11-21T09:30:00+08:00"));
                }
            }
            case ENUM -> {
                if (!value.isTextual()) {
                    out.add(type(path, value, "one of " + field.values()));
                } else if (!field.values().contains(value.asText())) {
                    out.add(new Violation(path, "enum", value.asText(), path + " must be one of " + field.values()));
                }
            }
            case QUANTITY -> quantity(field, value, path, out);
            case MONEY -> money(field, value, path, out);
            case OBJECT -> {
                if (!value.isObject()) {
                    out.add(type(path, value, "an object with " + field.fields().keySet()));
                } else {
                    object(field.fields(), value, path, out);
                }
            }
            case LIST -> list(field, value, path, out);
        }
    }

    private static void string(FieldDefinition field, JsonNode value, String path, List<Violation> out) {
        if (!value.isTextual()) {
            out.add(type(path, value, "a string"));
            return;
        }
        String text = value.asText();
        controlCharacter(text, field.type() == FieldType.TEXT).ifPresent(at -> out.add(new Violation(path,
                "control-character", text, path + " must not contain control characters; it has U+"
                        + String.format("%04X", (int) text.charAt(at)) + " at position " + (at + 1)
                        + (field.type() == FieldType.TEXT ? " (tabs and line breaks are allowed)" : ""))));
        int length = text.codePointCount(0, text.length());
        if (field.minLength() != null && length < field.minLength()) {
            out.add(new Violation(path, "min-length", text, path + " must be at least " + field.minLength() + " characters"));
        }
        if (field.maxLength() != null && length > field.maxLength()) {
            out.add(new Violation(path, "max-length", text, path + " must be at most " + field.maxLength() + " characters"));
        }
        if (field.compiledPattern() != null && !field.compiledPattern().matcher(text).matches()) {
            out.add(new Violation(path, "pattern", text, path + " must match " + field.pattern()));
        }
        if (field.format() != null) {
            FieldFormats.check(field.format(), path, text).ifPresent(out::add);
        }
    }

    /**
     * Where the first control character is: none belongs in a canonical value (NUL cannot even be stored),
     * except tabs and line breaks in free text.
     */
    static Optional<Integer> controlCharacter(String text, boolean freeText) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(freeText && (c == '\t' || c == '\n' || c == '\r'))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /**
     * A reference holds the business key of a record of another entity: it must have the shape of
     * that entity's key format, and each part must obey the rules of its key field.
     */
    private static void reference(FieldDefinition field, JsonNode value, String path, List<Violation> out) {
        if (!value.isTextual()) {
            out.add(type(path, value, "the key of a " + field.entity()));
            return;
        }
        EntityDefinition target = DataDictionary.standard().entity(field.entity()).orElse(null);
        if (target == null) {
            return; // a dictionary read for a test may not hold the target; the reader checked it exists where it runs
        }
        BusinessKey key = target.businessKey();
        Optional<List<String>> parts = key.split(value.asText());
        String expected = path + " must be the key of a " + target.name() + ", written " + key.format();
        if (parts.isEmpty()) {
            out.add(new Violation(path, "reference", value.asText(), expected));
            return;
        }
        List<String> placeholders = key.written();
        List<Violation> partViolations = new ArrayList<>();
        for (int i = 0; i < placeholders.size(); i++) {
            FieldDefinition keyField = target.fields().get(placeholders.get(i));
            value(keyField, keyPart(keyField, parts.get().get(i)), placeholders.get(i), partViolations);
        }
        if (!partViolations.isEmpty()) {
            out.add(new Violation(path, "reference", value.asText(), expected + ": " + partViolations.stream()
                    .map(Violation::message).collect(java.util.stream.Collectors.joining("; "))));
        }
    }

    /** A key part as the JSON value its field would hold: digits for a number field are a number. */
    private static JsonNode keyPart(FieldDefinition field, String text) {
        var nodes = CanonicalJson.mapper().getNodeFactory();
        if (field.type() == FieldType.INTEGER || field.type() == FieldType.DECIMAL) {
            try {
                BigDecimal number = new BigDecimal(text);
                return field.type() == FieldType.INTEGER && number.scale() <= 0
                        ? nodes.numberNode(number.toBigIntegerExact()) : nodes.numberNode(number);
            } catch (NumberFormatException | ArithmeticException e) {
                return nodes.textNode(text);
            }
        }
        return nodes.textNode(text);
    }

    private static void decimal(FieldDefinition field, JsonNode value, String path, List<Violation> out) {
        if (!value.isNumber()) {
            out.add(type(path, value, "a number"));
            return;
        }
        BigDecimal number = value.decimalValue();
        digits(field.precision(), field.scale(), number, path, out);
        range(field.minimum(), field.maximum(), number, path, out);
    }

    private static void quantity(FieldDefinition field, JsonNode value, String path, List<Violation> out) {
        if (!value.isObject()) {
            out.add(type(path, value, "a quantity: {\"value\": 12.5, \"unit\": \"kg\"}"));
            return;
        }
        compositeKeys(value, path, Set.of("value", "unit"), out);
        JsonNode amount = value.get("value");
        if (amount == null || amount.isNull()) {
            out.add(Violation.required(path + ".value"));
        } else if (!amount.isNumber()) {
            out.add(type(path + ".value", amount, "a number"));
        } else {
            digits(null, field.scale(), amount.decimalValue(), path + ".value", out);
            range(field.minimum(), field.maximum(), amount.decimalValue(), path + ".value", out);
        }
        JsonNode unit = value.get("unit");
        if (unit == null || unit.isNull()) {
            out.add(Violation.required(path + ".unit"));
        } else if (!unit.isTextual()) {
            out.add(type(path + ".unit", unit, "a UCUM unit code"));
        } else {
            var unknown = UnitOfMeasure.check(path + ".unit", unit.asText());
            if (unknown.isPresent()) {
                out.add(new Violation(path + ".unit", "unit", unit.asText(), unknown.get().message()));
            } else if (field.dimension() != null && !ofDimension(UnitOfMeasure.parse(unit.asText()), field.dimension())) {
                out.add(new Violation(path + ".unit", "dimension", unit.asText(),
                        path + ".unit must be a unit of " + field.dimension() + ", not " + unit.asText()));
            }
        }
    }

    private static boolean ofDimension(UnitOfMeasure unit, String dimension) {
        if (!unit.isCompatible(UnitOfMeasure.parse(DIMENSION_UNITS.get(dimension)))) {
            return false;
        }
        return switch (dimension) {
            case "count" -> !RATIO_UNITS.contains(unit.code());
            case "ratio" -> !unit.code().startsWith("{");
            default -> true;
        };
    }

    private static void money(FieldDefinition field, JsonNode value, String path, List<Violation> out) {
        if (!value.isObject()) {
            out.add(type(path, value, "an amount of money: {\"amount\": 12.50, \"currency\": \"CNY\"}"));
            return;
        }
        compositeKeys(value, path, Set.of("amount", "currency"), out);
        JsonNode amount = value.get("amount");
        if (amount == null || amount.isNull()) {
            out.add(Violation.required(path + ".amount"));
        } else if (!amount.isNumber()) {
            out.add(type(path + ".amount", amount, "a number"));
        } else {
            digits(null, field.scale() == null ? 2 : field.scale(), amount.decimalValue(), path + ".amount", out);
            range(field.minimum(), field.maximum(), amount.decimalValue(), path + ".amount", out);
        }
        JsonNode currency = value.get("currency");
        if (currency == null || currency.isNull()) {
            out.add(Violation.required(path + ".currency"));
        } else {
            FieldFormats.check("currency", path + ".currency", currency.asText()).ifPresent(out::add);
        }
    }

    private static void list(FieldDefinition field, JsonNode value, String path, List<Violation> out) {
        if (!value.isArray()) {
            out.add(type(path, value, "a list"));
            return;
        }
        if (field.minItems() != null && value.size() < field.minItems()) {
            out.add(new Violation(path, "min-items", value.size(), path + " must have at least " + field.minItems() + " items"));
        }
        if (field.maxItems() != null && value.size() > field.maxItems()) {
            out.add(new Violation(path, "max-items", value.size(), path + " must have at most " + field.maxItems() + " items"));
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemPath = path + "[" + i + "]";
            if (item == null || item.isNull()) {
                out.add(Violation.required(itemPath));
            } else {
                value(field.items(), item, itemPath, out);
            }
        }
    }

    private static void crossFieldRules(EntityDefinition entity, JsonNode record, List<Violation> out) {
        for (CrossFieldRule rule : entity.rules()) {
            if (CrossFieldRule.NOT_BEFORE.equals(rule.rule())) {
                Comparable<?> field = moment(record.get(rule.field()));
                Comparable<?> reference = moment(record.get(rule.reference()));
                if (field != null && reference != null && field.getClass() == reference.getClass()
                        && compare(field, reference) < 0) {
                    out.add(new Violation(rule.field(), CrossFieldRule.NOT_BEFORE, record.get(rule.field()).asText(),
                            rule.field() + " must not be before " + rule.reference() + " (" + record.get(rule.reference()).asText() + ")"));
                }
            } else if (CrossFieldRule.REQUIRED_WHEN.equals(rule.rule())) {
                JsonNode when = record.get(rule.whenField());
                JsonNode field = record.get(rule.field());
                if (when != null && rule.whenIn().contains(when.asText()) && (field == null || field.isNull())) {
                    out.add(new Violation(rule.field(), CrossFieldRule.REQUIRED_WHEN, null, rule.field()
                            + " is required when " + rule.whenField() + " is " + when.asText()));
                }
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Comparable a, Comparable b) {
        return a.compareTo(b);
    }

    /** A date or an instant, or null when the value is neither: the type check reports that. */
    private static Comparable<?> moment(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        LocalDate date = parseDate(value);
        if (date != null) {
            return date;
        }
        OffsetDateTime time = parseDateTime(value);
        return time == null ? null : time.toInstant();
    }

    private static LocalDate parseDate(JsonNode value) {
        try {
            return value.isTextual() ? LocalDate.parse(value.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static OffsetDateTime parseDateTime(JsonNode value) {
        try {
            return value.isTextual() ? OffsetDateTime.parse(value.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void digits(Integer precision, Integer scale, BigDecimal number, String path, List<Violation> out) {
        BigDecimal significant = number.stripTrailingZeros();
        if (scale != null && significant.scale() > scale) {
            out.add(new Violation(path, "scale", number.toPlainString(),
                    path + " may have at most " + scale + " digits after the decimal point"));
        }
        if (precision != null && significant.precision() - significant.scale() > precision - (scale == null ? 0 : scale)) {
            out.add(new Violation(path, "precision", number.toPlainString(), path + " may have at most "
                    + (precision - (scale == null ? 0 : scale)) + " digits before the decimal point"));
        }
    }

    private static void range(BigDecimal minimum, BigDecimal maximum, BigDecimal number, String path, List<Violation> out) {
        if (minimum != null && number.compareTo(minimum) < 0) {
            out.add(new Violation(path, "minimum", number.toPlainString(), path + " must be at least " + minimum.toPlainString()));
        }
        if (maximum != null && number.compareTo(maximum) > 0) {
            out.add(new Violation(path, "maximum", number.toPlainString(), path + " must be at most " + maximum.toPlainString()));
        }
    }

    private static void compositeKeys(JsonNode value, String path, Set<String> keys, List<Violation> out) {
        value.fieldNames().forEachRemaining(name -> {
            if (!keys.contains(name)) {
                out.add(new Violation(path + "." + name, "unknown-field", null, path + " has only " + keys));
            }
        });
    }

    private static Violation type(String path, JsonNode value, String expected) {
        return new Violation(path, "type", value.isValueNode() ? value.asText() : value.toString(),
                path + " must be " + expected);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
