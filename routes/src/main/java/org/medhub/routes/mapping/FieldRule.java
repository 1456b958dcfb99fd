package org.medhub.routes.mapping;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How one canonical field gets its value: where it is read, then the transforms in a fixed order (see the
 * routes README): {@code trim}, {@code split}, {@code upper}, {@code codes}, {@code multiply}, {@code unit},
 * {@code gs1}, {@code date}, {@code lookup}. A {@code default} is used as it is when the source gives nothing.
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
 * @param codes partner code to canonical code
 * @param codesOtherwise the canonical value of a code the list does not name; without it, such a code is a violation
 * @param gs1 which GS1 key to take from an EPC URN, Digital Link URI or element string: gtin, lot, serial, sscc, gln
 */
public record FieldRule(
        String path,
        String constant,
        List<FieldRule> concat,
        List<Condition> when,
        FieldRule elseRule,
        String defaultValue,
        boolean trim,
        Split split,
        boolean upper,
        Map<String, String> codes,
        String codesOtherwise,
        Multiply multiply,
        UnitConversion unit,
        String gs1,
        DateFormat date,
        Lookup lookup,
        String forEach,
        Map<String, FieldRule> fields) {

    public FieldRule {
        concat = concat == null ? List.of() : List.copyOf(concat);
        when = when == null ? List.of() : List.copyOf(when);
        codes = codes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(codes));
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The rule of the first mappings: a path, a default, and a code list. */
    public FieldRule(String path, String defaultValue, Map<String, String> codes) {
        this(path, null, null, null, null, defaultValue, false, null, false, codes, null, null, null, null, null, null,
                null, null);
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

    /** {@code { separator: "-", index: 0 }}: one part of the value; a negative index counts from the end. */
    public record Split(String separator, int index) {}

    /** {@code { path: ../price }} or {@code { by: 0.01 }}: the value times another value of the source, or a number. */
    public record Multiply(String path, BigDecimal by) {}

    /** {@code { from: g, to: kg }}: an exact conversion between UCUM units. */
    public record UnitConversion(String from, String to) {}

    /**
     * {@code { pattern: "yyyyMMdd", zone: Asia/Shanghai }}: the partner's date or time format. Reading, a time
     * without offset is placed in the zone; writing (outbound), a time is shown in the zone.
     *
     * @param pattern a {@link java.time.format.DateTimeFormatter} pattern; null for ISO-8601
     * @param formatter the pattern built once, read {@link #strict strictly}; null when there is no pattern
     * @param zoneId the zone built once; null when there is no zone
     */
    public record DateFormat(String pattern, String zone, DateTimeFormatter formatter, ZoneId zoneId) {

        /** @throws IllegalArgumentException or {@link java.time.DateTimeException} for a bad pattern or zone */
        public DateFormat(String pattern, String zone) {
            this(pattern, zone, pattern == null ? null : strict(pattern), zone == null ? null : ZoneId.of(zone));
        }

        /**
         * A pattern read strictly (no 30 February), with year-of-era read as the proleptic year so that yyyy
         * works.
         */
        public static DateTimeFormatter strict(String pattern) {
            StringBuilder fixed = new StringBuilder();
            boolean quoted = false;
            for (char c : pattern.toCharArray()) {
                if (c == '\'') {
                    quoted = !quoted;
                }
                fixed.append(!quoted && c == 'y' && !pattern.contains("G") ? 'u' : c);
            }
            return DateTimeFormatter.ofPattern(fixed.toString(), Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
        }

        // formatter and zoneId follow from pattern and zone, and DateTimeFormatter has no equals of its own
        @Override
        public boolean equals(Object other) {
            return other instanceof DateFormat that && Objects.equals(pattern, that.pattern)
                    && Objects.equals(zone, that.zone);
        }

        @Override
        public int hashCode() {
            return Objects.hash(pattern, zone);
        }
    }

    /** {@code { entity: Product, match: materialNumber, take: gtin }}: a value of a canonical record the hub knows. */
    public record Lookup(String entity, String match, String take) {}

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
        private boolean trim;
        private Split split;
        private boolean upper;
        private Map<String, String> codes;
        private String codesOtherwise;
        private Multiply multiply;
        private UnitConversion unit;
        private String gs1;
        private DateFormat date;
        private Lookup lookup;
        private String forEach;
        private Map<String, FieldRule> fields;

        public Builder path(String value) { path = value; return this; }
        public Builder constant(String value) { constant = value; return this; }
        public Builder concat(List<FieldRule> value) { concat = value; return this; }
        public Builder when(List<Condition> value) { when = value; return this; }
        public Builder elseRule(FieldRule value) { elseRule = value; return this; }
        public Builder defaultValue(String value) { defaultValue = value; return this; }
        public Builder trim(boolean value) { trim = value; return this; }
        public Builder split(Split value) { split = value; return this; }
        public Builder upper(boolean value) { upper = value; return this; }
        public Builder codes(Map<String, String> value) { codes = value; return this; }
        public Builder codesOtherwise(String value) { codesOtherwise = value; return this; }
        public Builder multiply(Multiply value) { multiply = value; return this; }
        public Builder unit(UnitConversion value) { unit = value; return this; }
        public Builder gs1(String value) { gs1 = value; return this; }
        public Builder date(DateFormat value) { date = value; return this; }
        public Builder lookup(Lookup value) { lookup = value; return this; }
        public Builder forEach(String value) { forEach = value; return this; }
        public Builder fields(Map<String, FieldRule> value) { fields = value; return this; }

        public FieldRule build() {
            return new FieldRule(path, constant, concat, when, elseRule, defaultValue, trim, split, upper, codes,
                    codesOtherwise, multiply, unit, gs1, date, lookup, forEach, fields);
        }
    }
}
