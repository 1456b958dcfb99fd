package org.medhub.canonical.gs1;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

/**
 * GS1 Application Identifier data: an ordered list of AIs with values, each valid by the GS1 Barcode Syntax Dictionary
 * (format, character set, check digits, dates). Whether the AIs belong together (the dictionary's {@code req} and
 * {@code ex} rules) is a separate question, answered by {@link #associationViolations()}, because a label may spread
 * its AIs over several barcodes.
 *
 * <p>Parsers throw {@link InvalidRecordException} whose violations name the AI as the field, e.g. {@code (17)}, the
 * rule, and the offending value.
 */
public final class ElementString {

    public static final String ENTITY = "GS1 element string";
    /** The ASCII group separator that stands for FNC1 in transmitted scan data. */
    public static final char GS = '\u001D';

    private final List<Entry> entries;

    /** An AI and the definition it was validated against, which for an unknown AI is made up on the spot. */
    record Entry(ApplicationIdentifier definition, String value) {

        AiElement element() {
            return new AiElement(definition.ai(), value);
        }
    }

    ElementString(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Validates each element's value; for building AI data from canonical records. */
    public static ElementString of(List<AiElement> elements) {
        List<Entry> entries = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (AiElement element : elements) {
            ApplicationIdentifier definition = AiTable.standard().resolve(element.ai(), false);
            if (definition == null) {
                violations.add(unknownAi(element.ai()));
                continue;
            }
            AiValues.validate(definition, element.value()).ifPresent(violations::add);
            entries.add(new Entry(definition, element.value()));
        }
        throwIfAny(violations);
        return new ElementString(entries);
    }

    public static ElementString of(AiElement... elements) {
        return of(List.of(elements));
    }

    /** Parses the human-readable form {@code (01)09506000134352(17)201225(10)ABC123}; {@code \(} is a bracket in a value. */
    /**
     * Identifiers as a person or a scanner writes them: bracketed, a GS1 Digital Link URI, or a scanner's unbracketed
     * data starting with an SSCC or a GTIN; empty when the text is none of these (a lot or a number as typed).
     */
    public static java.util.Optional<ElementString> parseAnyForm(String text) {
        try {
            if (text.startsWith("(")) {
                return java.util.Optional.of(parseBracketed(text));
            }
            if (DigitalLink.looksLikeDigitalLink(text)) {
                return java.util.Optional.of(DigitalLink.parse(text));
            }
            if (text.matches(GS + "?0[01]\\d{14,}.*")) {
                return java.util.Optional.of(parseUnbracketed(text));
            }
        } catch (RuntimeException notGs1) {
            // then it is not written in any GS1 form
        }
        return java.util.Optional.empty();
    }

    public static ElementString parseBracketed(String text) {
        return parseBracketed(text, Gs1Options.STRICT);
    }

    public static ElementString parseBracketed(String text, Gs1Options options) {
        List<Entry> entries = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        if (text.isEmpty()) {
            throw invalid(structural("empty-data", text, "there is no AI data"));
        }
        int position = 0;
        while (position < text.length()) {
            if (text.charAt(position) != '(') {
                throw invalid(structural("ai-expected", text,
                        "an AI in brackets is expected at position " + (position + 1) + " of '" + text + "'"));
            }
            int close = text.indexOf(')', position + 1);
            if (close < 0) {
                throw invalid(structural("ai-not-terminated", text,
                        "the AI opened at position " + (position + 1) + " of '" + text + "' has no closing bracket"));
            }
            String ai = text.substring(position + 1, close);
            ApplicationIdentifier definition = AiTable.standard().resolve(ai, options.permitUnknownAis());
            if (definition == null) {
                throw invalid(unknownAi(ai));
            }
            StringBuilder value = new StringBuilder();
            int next = close + 1;
            while (true) {
                int bracket = text.indexOf('(', next);
                int end = bracket < 0 ? text.length() : bracket;
                if (bracket > 0 && text.charAt(bracket - 1) == '\\') {
                    value.append(text, next, bracket - 1).append('(');
                    next = bracket + 1;
                    continue;
                }
                value.append(text, next, end);
                position = end;
                break;
            }
            AiValues.validate(definition, value.toString()).ifPresent(violations::add);
            entries.add(new Entry(definition, value.toString()));
        }
        throwIfAny(violations);
        return new ElementString(entries);
    }

    /**
     * Parses unbracketed AI data as a scanner transmits it after the symbology identifier: AIs one after another,
     * a GS (0x1D) after each variable-length value that is not last. One leading GS (FNC1 in first position, as some
     * scanners send it) is tolerated.
     */
    public static ElementString parseUnbracketed(String data) {
        return parseUnbracketed(data, Gs1Options.STRICT);
    }

    public static ElementString parseUnbracketed(String data, Gs1Options options) {
        String body = !data.isEmpty() && data.charAt(0) == GS ? data.substring(1) : data;
        return parseSeparated(body, GS, options);
    }

    /**
     * Parses the notation of GS1's barcode software (BWIPP, the GS1 Syntax Engine), where {@code ^} stands for FNC1:
     * {@code ^0109506000134352^10ABC123^17201225}; the leading FNC1 is required.
     */
    public static ElementString parseCaretFnc1(String data) {
        return parseCaretFnc1(data, Gs1Options.STRICT);
    }

    public static ElementString parseCaretFnc1(String data, Gs1Options options) {
        if (data.isEmpty() || data.charAt(0) != '^') {
            throw invalid(structural("missing-fnc1-in-first-position", data, "the data must start with ^ (FNC1)"));
        }
        return parseSeparated(data.substring(1), '^', options);
    }

    /** Unbracketed AI data without a leading FNC1, with {@code separator} ending variable-length values. */
    static ElementString parseSeparated(String data, char separator, Gs1Options options) {
        if (data.isEmpty()) {
            throw invalid(structural("empty-data", data, "there is no AI data"));
        }
        List<Entry> entries = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        int position = 0;
        while (position < data.length()) {
            ApplicationIdentifier definition = AiTable.standard().resolveAt(data, position, options.permitUnknownAis());
            if (definition == null) {
                violations.add(structural("unknown-ai", data.substring(position), "no known AI starts the data '"
                        + printable(data.substring(position)) + "' at position " + (position + 1)));
                break;
            }
            int start = position + definition.ai().length();
            int end = data.indexOf(separator, start);
            end = end < 0 ? data.length() : end;
            if (!definition.fnc1Required()) {
                end = Math.min(end, start + definition.maxLength());
            }
            String value = data.substring(start, end);
            Optional<Violation> violation = AiValues.validate(definition, value);
            entries.add(new Entry(definition, value));
            position = end < data.length() && data.charAt(end) == separator ? end + 1 : end;
            if (violation.isPresent()) {
                violations.add(violation.get());
                if (AiValues.LENGTH_RULES.contains(violation.get().rule())) {
                    break;
                }
            }
        }
        throwIfAny(violations);
        return new ElementString(entries);
    }

    public List<AiElement> elements() {
        return entries.stream().map(Entry::element).toList();
    }

    List<Entry> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The value of the first occurrence of {@code ai}. */
    public Optional<String> value(String ai) {
        return entries.stream().filter(e -> e.definition().ai().equals(ai)).map(Entry::value).findFirst();
    }

    public boolean contains(String ai) {
        return value(ai).isPresent();
    }

    /** {@code (01)09506000134352(10)ABC123}, a bracket inside a value escaped as {@code \(}. */
    public String bracketed() {
        StringBuilder text = new StringBuilder();
        for (Entry entry : entries) {
            text.append('(').append(entry.definition().ai()).append(')').append(entry.value().replace("(", "\\("));
        }
        return text.toString();
    }

    /** The unbracketed data a scanner transmits after the symbology identifier, GS ending variable-length values. */
    public String unbracketed() {
        return separated(GS);
    }

    /** The {@code ^} notation: {@code ^0109506000134352^10ABC123}. */
    public String caretFnc1() {
        return "^" + separated('^');
    }

    String separated(char separator) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            data.append(entry.definition().ai()).append(entry.value());
            if (entry.definition().fnc1Required() && i < entries.size() - 1) {
                data.append(separator);
            }
        }
        return data.toString();
    }

    /**
     * Every broken association rule: an AI repeated with another value ({@code ai-repeated-with-different-values}),
     * AIs that exclude each other ({@code ai-mutually-exclusive}, the dictionary's {@code ex=}), an AI without the AIs
     * it needs ({@code ai-requisite-missing}, {@code req=}, e.g. a lot (10) without a GTIN (01)), and a digital
     * signature (8030) with an unserialised key ({@code digsig-requires-serialised-key}).
     */
    public List<Violation> associationViolations() {
        List<Violation> violations = new ArrayList<>();
        Map<String, Entry> first = new LinkedHashMap<>();
        for (Entry entry : entries) {
            Entry earlier = first.putIfAbsent(entry.definition().ai(), entry);
            if (earlier != null && !earlier.value().equals(entry.value())) {
                violations.add(new Violation(AiValues.field(entry.definition().ai()), "ai-repeated-with-different-values",
                        entry.value(), entry.definition().label() + " appears as '" + earlier.value() + "' and as '"
                                + entry.value() + "'"));
            }
        }
        Set<String> present = first.keySet();
        for (Entry entry : first.values()) {
            ApplicationIdentifier definition = entry.definition();
            Set<String> clashes = new LinkedHashSet<>();
            for (String pattern : definition.exclusions()) {
                present.stream().filter(ai -> !ai.equals(definition.ai()) && matches(pattern, ai)).forEach(clashes::add);
            }
            for (String clash : clashes) {
                violations.add(new Violation(AiValues.field(definition.ai()), "ai-mutually-exclusive", entry.value(),
                        definition.label() + " must not appear with (" + clash + ") (ex="
                                + String.join(",", definition.exclusions()) + ")"));
            }
            for (String requisite : definition.requisites()) {
                if (!isSatisfied(requisite, definition.ai(), present)) {
                    violations.add(new Violation(AiValues.field(definition.ai()), "ai-requisite-missing", entry.value(),
                            definition.label() + " '" + entry.value() + "' needs " + describe(requisite)
                                    + " in the same data (req=" + requisite + ")"));
                }
            }
        }
        if (present.contains("8030")) {
            for (String key : List.of("253", "255", "8003")) {
                Entry entry = first.get(key);
                if (entry != null && entry.value().length() == entry.definition().minLength()) {
                    violations.add(new Violation(AiValues.field(key), "digsig-requires-serialised-key", entry.value(),
                            entry.definition().label() + " '" + entry.value()
                                    + "' must carry its serial component when a digital signature (8030) is present"));
                }
            }
        }
        return violations;
    }

    /** Throws {@link InvalidRecordException} listing {@link #associationViolations()}, if any. */
    public ElementString requireValidAssociations() {
        throwIfAny(associationViolations());
        return this;
    }

    /** A dictionary pattern such as {@code 310n} or {@code 31nn}: 'n' is any digit. */
    static boolean matches(String pattern, String ai) {
        if (pattern.length() != ai.length()) {
            return false;
        }
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) != 'n' && pattern.charAt(i) != ai.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSatisfied(String requisite, String self, Set<String> present) {
        for (String group : requisite.split(",")) {
            boolean all = true;
            for (String pattern : group.split("\\+")) {
                all &= present.stream().anyMatch(ai -> !ai.equals(self) && matches(pattern, ai));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static String describe(String requisite) {
        List<String> groups = new ArrayList<>();
        for (String group : requisite.split(",")) {
            groups.add("(" + group.replace("+", ") with (") + ")");
        }
        return groups.size() == 1 ? groups.get(0)
                : String.join(", ", groups.subList(0, groups.size() - 1)) + " or " + groups.get(groups.size() - 1);
    }

    static Violation unknownAi(String ai) {
        boolean wellFormed = ai.length() >= 2 && ai.length() <= 4 && Gs1Linters.allDigits(ai);
        return wellFormed
                ? new Violation(AiValues.field(ai), "unknown-ai", ai, "(" + ai + ") is not a GS1 Application Identifier")
                : new Violation(AiValues.field(ai), "invalid-ai", ai, "'" + ai + "' is not an AI: an AI is 2 to 4 digits");
    }

    static Violation structural(String rule, String value, String message) {
        return new Violation("element string", rule, value, message);
    }

    static String printable(String data) {
        StringBuilder text = new StringBuilder();
        data.chars().forEach(c -> text.append(Gs1Linters.printable((char) c)));
        return text.toString();
    }

    static InvalidRecordException invalid(Violation violation) {
        return new InvalidRecordException(ENTITY, List.of(violation));
    }

    private static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidRecordException(ENTITY, violations);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ElementString that && elements().equals(that.elements());
    }

    @Override
    public int hashCode() {
        return elements().hashCode();
    }

    @Override
    public String toString() {
        return bracketed();
    }
}
