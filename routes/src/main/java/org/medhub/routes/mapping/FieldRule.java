package org.medhub.routes.mapping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How one canonical field gets its value: where it is read, then its transforms, in the order of
 * {@code Transforms.ALL} ({@code trim}, {@code split}, {@code upper}, {@code codes}, {@code multiply}, {@code unit},
 * {@code gs1}, {@code date}, {@code lookup}; see the routes README). A {@code default} is used as it is when the
 * source gives nothing.
 *
 * <p>Exactly one of {@code path}, {@code constant}, {@code concat}, {@code when} says where the value comes from
 * (a rule with only a {@code default} is allowed). A rule for a list field has {@code forEach}: each selected node
 * gives one item, made by {@code fields} (a list of objects) or by the rule's own transforms (a list of values).
 *
 * @param path where the value is, in the path language of the mapping's format
 * @param constant a fixed value
 * @param concat values and literal text joined; a part with a {@code constant} is literal text
 * @param when conditions, the first that holds gives the value
 * @param elseRule the value when no condition holds
 * @param defaultValue the canonical value when the source gives nothing
 * @param transforms what is done to the value read, in the order it is done
 */
public record FieldRule(
        String path,
        String constant,
        List<FieldRule> concat,
        List<Condition> when,
        FieldRule elseRule,
        String defaultValue,
        List<Transform> transforms,
        String forEach,
        Map<String, FieldRule> fields) {

    public FieldRule {
        concat = concat == null ? List.of() : List.copyOf(concat);
        when = when == null ? List.of() : List.copyOf(when);
        transforms = transforms == null ? List.of() : List.copyOf(transforms);
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The rule of the first mappings: a path, a default, and a code list. */
    public FieldRule(String path, String defaultValue, Map<String, String> codes) {
        this(path, null, null, null, null, defaultValue,
                codes == null || codes.isEmpty() ? List.of() : List.of(new Codes(codes, null)), null, null);
    }

    public static FieldRule path(String path) {
        return builder().path(path).build();
    }

    public static FieldRule constant(String value) {
        return builder().constant(value).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isList() {
        return forEach != null;
    }

    /** The transform of one kind, if the rule has it: {@code rule.transform(Codes.class)}. */
    public <T extends Transform> Optional<T> transform(Class<T> kind) {
        return transforms.stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }

    /** The rule's code list, empty without one (a shortcut the first API had). */
    public Map<String, String> codes() {
        return transform(Codes.class).map(Codes::codes).orElse(Map.of());
    }

    /** The canonical value of a code the list does not name, or null (a shortcut the first API had). */
    public String codesOtherwise() {
        return transform(Codes.class).map(Codes::otherwise).orElse(null);
    }

    /** The rule's multiplication, or null (a shortcut the first API had). */
    public Multiply multiply() {
        return transform(Multiply.class).orElse(null);
    }

    /**
     * One condition of a {@code when}: the value at {@code path} {@code equals} a value, is {@code in} a list,
     * {@code matches} a regular expression, is a number {@code above} or {@code below} a limit, or {@code exists}
     * (or not). Several keys in one condition must all hold.
     */
    public record Condition(String path, String equals, List<String> in, Pattern matches, BigDecimal above,
            BigDecimal below, Boolean exists, FieldRule then) {

        public Condition {
            in = in == null ? null : List.copyOf(in);
        }

        // a compiled Pattern has no equals of its own: without these, a reload saw every such mapping as changed
        @Override
        public boolean equals(Object other) {
            return other instanceof Condition that && Objects.equals(path, that.path) && Objects.equals(equals, that.equals)
                    && Objects.equals(in, that.in) && Objects.equals(regex(matches), regex(that.matches))
                    && Objects.equals(above, that.above) && Objects.equals(below, that.below)
                    && Objects.equals(exists, that.exists) && Objects.equals(then, that.then);
        }

        @Override
        public int hashCode() {
            return Objects.hash(path, equals, in, regex(matches), above, below, exists, then);
        }

        private static String regex(Pattern pattern) {
            return pattern == null ? null : pattern.flags() + "/" + pattern.pattern();
        }
    }

    /** Builds a rule key by key, as the spec reader and tests do. */
    public static final class Builder {
        private String path;
        private String constant;
        private List<FieldRule> concat;
        private List<Condition> when;
        private FieldRule elseRule;
        private String defaultValue;
        private final List<Transform> transforms = new ArrayList<>();
        private String forEach;
        private Map<String, FieldRule> fields;

        public Builder path(String value) { path = value; return this; }
        public Builder constant(String value) { constant = value; return this; }
        public Builder concat(List<FieldRule> value) { concat = value; return this; }
        public Builder when(List<Condition> value) { when = value; return this; }
        public Builder elseRule(FieldRule value) { elseRule = value; return this; }
        public Builder defaultValue(String value) { defaultValue = value; return this; }
        /** Adds a transform after those added before: they apply in this order. */
        public Builder transform(Transform value) { transforms.add(value); return this; }
        public Builder forEach(String value) { forEach = value; return this; }
        public Builder fields(Map<String, FieldRule> value) { fields = value; return this; }

        public FieldRule build() {
            return new FieldRule(path, constant, concat, when, elseRule, defaultValue, transforms, forEach, fields);
        }
    }
}
