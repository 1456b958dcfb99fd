package org.medhub.routes.mapping.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.medhub.canonical.dictionary.FieldType;
import org.medhub.canonical.unit.UnitOfMeasure;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.routes.mapping.CanonicalLookup;
import org.medhub.routes.mapping.FieldRule;
import org.medhub.routes.mapping.MappingSpec;
import org.medhub.routes.mapping.MappingViolation;
import org.medhub.routes.mapping.SourceLocation;

/**
 * Gives a field rule its value in one source record: reads it (path, constant, concat or when), then applies the
 * transforms in their fixed order. Problems become violations that name the record, the field, the rule, the
 * value and where in the source it was; a rule that fails gives {@link Value#FAILED}.
 */
public final class RuleEvaluator {

    private static final JsonNodeFactory NODES = JsonTree.NODES;
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

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

        Value with(JsonNode value, String step) {
            return new Value(value, read, location, how + "; " + step);
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
        if (rule.trim()) {
            value = value.with(NODES.textNode(value.text().strip()), "trim");
            if (value.text().isEmpty()) {
                return null;
            }
        }
        if (rule.split() != null) {
            String[] parts = value.text().split(java.util.regex.Pattern.quote(rule.split().separator()), -1);
            int index = rule.split().index() < 0 ? parts.length + rule.split().index() : rule.split().index();
            if (index < 0 || index >= parts.length || parts[index].isEmpty()) {
                return null;
            }
            value = value.with(NODES.textNode(parts[index]), "split '" + rule.split().separator() + "' [" + rule.split().index() + "]");
        }
        if (rule.upper()) {
            value = value.with(NODES.textNode(value.text().toUpperCase(Locale.ROOT)), "upper");
        }
        if (!rule.codes().isEmpty()) {
            String code = rule.codes().get(value.text());
            if (code == null && rule.codesOtherwise() == null) {
                scope.violation(field, "code-list", value.text(), value.location(), field + " '" + value.text()
                        + "' (from " + source(rule) + ") is not in the code list of mapping " + spec.id() + ": "
                        + rule.codes().keySet());
                return Value.FAILED;
            }
            String canonical = code != null ? code : rule.codesOtherwise();
            value = value.with(NODES.textNode(canonical), "codes " + value.text() + " → " + canonical);
        }
        if (rule.multiply() != null) {
            value = multiply(rule, value, context, field, scope);
            if (value == null || value.failed()) {
                return value;
            }
        }
        if (rule.unit() != null) {
            Optional<BigDecimal> number = number(value.node());
            if (number.isEmpty()) {
                scope.violation(field, "type", value.text(), value.location(), field + " '" + value.text() + "' (from "
                        + source(rule) + ") is not a number, so it cannot be converted from " + rule.unit().from());
                return Value.FAILED;
            }
            try {
                BigDecimal converted = UnitOfMeasure.parse(rule.unit().from()).convert(number.get(),
                        UnitOfMeasure.parse(rule.unit().to()));
                value = value.with(NODES.numberNode(converted), "unit " + rule.unit().from() + " → " + rule.unit().to());
            } catch (InvalidRecordException | IllegalArgumentException e) {
                scope.violation(field, "unit", value.text(), value.location(), field + ": " + e.getMessage());
                return Value.FAILED;
            }
        }
        if (rule.gs1() != null) {
            Optional<String> key = Gs1Keys.take(value.text(), rule.gs1());
            if (key.isEmpty()) {
                scope.violation(field, "gs1", value.text(), value.location(), field + " '" + value.text() + "' (from "
                        + source(rule) + ") is no EPC URN, Digital Link or element string that carries a " + rule.gs1());
                return Value.FAILED;
            }
            value = value.with(NODES.textNode(key.get()), "gs1 " + rule.gs1());
        }
        if (rule.date() != null) {
            value = outbound ? formatDate(rule, value, field, scope) : parseDate(rule, value, target, field, scope);
            if (value.failed()) {
                return value;
            }
        }
        if (rule.lookup() != null) {
            FieldRule.Lookup by = rule.lookup();
            Optional<JsonNode> found = lookup.find(by.entity(), by.match(), value.text());
            JsonNode taken = found.map(r -> r.at("/" + by.take().replace('.', '/'))).orElse(null);
            if (taken == null || !taken.isValueNode()) {
                scope.violation(field, "lookup", value.text(), value.location(), found.isEmpty()
                        ? field + ": the hub knows no " + by.entity() + " whose " + by.match() + " is '" + value.text() + "'"
                        : field + ": the " + by.entity() + " whose " + by.match() + " is '" + value.text() + "' has no " + by.take());
                return Value.FAILED;
            }
            value = value.with(taken, "lookup " + by.entity() + "." + by.match() + " → " + by.take());
        }
        return value;
    }

    private Value multiply(FieldRule rule, Value value, SourceNode context, String field, Scope scope) {
        Optional<BigDecimal> number = number(value.node());
        if (number.isEmpty()) {
            scope.violation(field, "type", value.text(), value.location(), field + " '" + value.text() + "' (from "
                    + source(rule) + ") is not a number, so it cannot be multiplied");
            return Value.FAILED;
        }
        BigDecimal factor = rule.multiply().by();
        String by = factor == null ? null : factor.toPlainString();
        if (factor == null) {
            Value other = readPath(rule.multiply().path(), context, field, scope);
            if (other == null || other.failed()) {
                return other;
            }
            Optional<BigDecimal> otherNumber = number(other.node());
            if (otherNumber.isEmpty()) {
                scope.violation(field, "type", other.text(), other.location(), field + ": the factor '" + other.text()
                        + "' (from " + rule.multiply().path() + ") is not a number");
                return Value.FAILED;
            }
            factor = otherNumber.get();
            by = rule.multiply().path() + " ('" + other.text() + "')";
        }
        return value.with(NODES.numberNode(number.get().multiply(factor)), "multiply by " + by);
    }

    private Value parseDate(FieldRule rule, Value value, FieldType target, String field, Scope scope) {
        FieldRule.DateFormat format = rule.date();
        TemporalAccessor parsed;
        try {
            DateTimeFormatter formatter = format.pattern() == null ? ISO : format.formatter();
            parsed = formatter.parseBest(value.text(), OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
        } catch (DateTimeException e) {
            scope.violation(field, "date", value.text(), value.location(), field + " '" + value.text() + "' (from "
                    + source(rule) + ") is not a date or time in the pattern " + (format.pattern() == null ? "ISO-8601"
                            : "'" + format.pattern() + "'"));
            return Value.FAILED;
        }
        ZoneId zone = format.zoneId();
        String result;
        if (target == FieldType.DATE) {
            LocalDate date = parsed instanceof OffsetDateTime time
                    ? (zone == null ? time.toLocalDate() : time.atZoneSameInstant(zone).toLocalDate())
                    : parsed instanceof LocalDateTime time ? time.toLocalDate() : (LocalDate) parsed;
            result = date.toString();
        } else if (target == FieldType.DATE_TIME) {
            OffsetDateTime time;
            if (parsed instanceof OffsetDateTime withOffset) {
                time = withOffset;
            } else if (zone == null) {
                scope.violation(field, "date", value.text(), value.location(), field + " '" + value.text()
                        + "' has no offset, and the date rule names no zone to place it in");
                return Value.FAILED;
            } else if (parsed instanceof LocalDateTime local) {
                time = ZonedDateTime.of(local, zone).toOffsetDateTime();
            } else {
                time = ((LocalDate) parsed).atStartOfDay(zone).toOffsetDateTime();
            }
            result = time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } else if (parsed instanceof OffsetDateTime time) {
            // into text (an id, a reference), one instant is written one way: in the rule's zone when it names one
            result = (zone == null ? time : time.atZoneSameInstant(zone).toOffsetDateTime())
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } else if (parsed instanceof LocalDateTime local && zone != null) {
            result = ZonedDateTime.of(local, zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } else {
            result = parsed.toString();
        }
        return value.with(NODES.textNode(result), "date " + (format.pattern() == null ? "ISO-8601" : "'" + format.pattern() + "'")
                + (zone == null ? "" : " in " + zone));
    }

    private Value formatDate(FieldRule rule, Value value, String field, Scope scope) {
        FieldRule.DateFormat format = rule.date();
        try {
            TemporalAccessor parsed = ISO.parseBest(value.text(), OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
            if (parsed instanceof OffsetDateTime time && format.zone() != null) {
                parsed = time.atZoneSameInstant(format.zoneId());
            }
            String text = format.pattern() == null ? value.text()
                    : format.formatter().format(parsed);
            return value.with(NODES.textNode(text), "date '" + format.pattern() + "'"
                    + (format.zone() == null ? "" : " in " + format.zone()));
        } catch (DateTimeException e) {
            scope.violation(field, "date", value.text(), value.location(), field + " '" + value.text()
                    + "' cannot be written in the pattern '" + format.pattern() + "': " + e.getMessage());
            return Value.FAILED;
        }
    }

    private Optional<BigDecimal> number(JsonNode node) {
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

    private static String source(FieldRule rule) {
        if (rule.path() != null) {
            return rule.path();
        }
        if (rule.forEach() != null) {
            return rule.forEach();
        }
        return rule.constant() != null ? "constant" : !rule.concat().isEmpty() ? "concat" : "when";
    }
}
