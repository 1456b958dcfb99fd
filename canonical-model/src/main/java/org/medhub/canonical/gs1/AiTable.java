package org.medhub.canonical.gs1;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The GS1 Application Identifiers, read from the table embedded in this module ({@code gs1-ai-table.txt}, generated
 * from the GS1 Barcode Syntax Dictionary; its header says which version) or from any text in the dictionary's syntax.
 */
public final class AiTable {

    static final String RESOURCE = "gs1-ai-table.txt";

    /**
     * Value lengths that GS1 predefines by the first two digits of an AI (General Specifications figure 5.10.1-2).
     * The table entries say it for known AIs; this is only consulted for AIs the dictionary does not know yet.
     */
    private static final Map<String, Integer> PREDEFINED_VALUE_LENGTH = predefinedValueLengths();

    private static final AiTable STANDARD = load();

    private final Map<String, ApplicationIdentifier> byAi;
    private final int[] aiLengthByPrefix = new int[100];
    private final String release;
    private final List<String> dlPathSequences;
    private final Set<String> dlPathSequenceSet;

    private AiTable(Map<String, ApplicationIdentifier> byAi, String release) {
        this.byAi = Collections.unmodifiableMap(byAi);
        this.release = release;
        for (ApplicationIdentifier entry : byAi.values()) {
            int prefix = Integer.parseInt(entry.ai().substring(0, 2));
            if (aiLengthByPrefix[prefix] != 0 && aiLengthByPrefix[prefix] != entry.ai().length()) {
                throw new IllegalArgumentException("AIs starting " + entry.ai().substring(0, 2) + " differ in length");
            }
            aiLengthByPrefix[prefix] = entry.ai().length();
        }
        List<String> sequences = new ArrayList<>();
        for (ApplicationIdentifier entry : byAi.values()) {
            for (List<String> qualifiers : entry.dlKeyQualifiers()) {
                addOrderedSubsets(entry.ai(), qualifiers, sequences);
            }
        }
        Collections.sort(sequences);
        this.dlPathSequences = List.copyOf(sequences);
        this.dlPathSequenceSet = Set.copyOf(new HashSet<>(sequences));
    }

    /** The table embedded in this module. */
    public static AiTable standard() {
        return STANDARD;
    }

    /**
     * Reads entries in the GS1 Barcode Syntax Dictionary's line syntax, {@code AIs [Flags] Specification [Attributes]
     * [# Title]}; lines starting with {@code #} are comments, and {@code # Release: …} names the version.
     */
    public static AiTable parse(List<String> lines) {
        Map<String, ApplicationIdentifier> byAi = new LinkedHashMap<>();
        String release = "unknown";
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.startsWith("#")) {
                String comment = line.substring(1).strip();
                if (comment.startsWith("Release:")) {
                    release = comment.substring("Release:".length()).strip();
                }
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            try {
                for (ApplicationIdentifier entry : parseEntry(line)) {
                    if (byAi.put(entry.ai(), entry) != null) {
                        throw new IllegalArgumentException("AI " + entry.ai() + " is defined twice");
                    }
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("GS1 AI table line " + (n + 1) + " '" + line + "': " + e.getMessage(), e);
            }
        }
        return new AiTable(byAi, release);
    }

    public Optional<ApplicationIdentifier> lookup(String ai) {
        return Optional.ofNullable(byAi.get(ai));
    }

    public Collection<ApplicationIdentifier> all() {
        return byAi.values();
    }

    /** The dictionary's version line, e.g. {@code UNSET} for an unreleased head. */
    public String release() {
        return release;
    }

    /**
     * The definition of {@code ai}, or of an unknown AI when {@code permitUnknown} and the AI could exist (2 to 4
     * digits, and as long as the known AIs sharing its first two digits); null when it cannot be an AI.
     */
    ApplicationIdentifier resolve(String ai, boolean permitUnknown) {
        if (ai.length() < 2 || ai.length() > 4 || !Gs1Linters.allDigits(ai)) {
            return null;
        }
        ApplicationIdentifier known = byAi.get(ai);
        if (known != null || !permitUnknown) {
            return known;
        }
        int prefixLength = aiLengthByPrefix[Integer.parseInt(ai.substring(0, 2))];
        if (prefixLength != 0 && prefixLength != ai.length()) {
            return null;
        }
        int predefined = prefixLength == 0 ? 0 : PREDEFINED_VALUE_LENGTH.getOrDefault(ai.substring(0, 2), 0);
        return ApplicationIdentifier.unknown(ai, predefined);
    }

    /**
     * The AI at {@code position} of unbracketed data, found by its two-digit prefix; null when none. An unknown AI
     * is only accepted when its prefix tells its length, since nothing else separates it from its value.
     */
    ApplicationIdentifier resolveAt(String data, int position, boolean permitUnknown) {
        if (position + 2 > data.length() || !Gs1Linters.allDigits(data.substring(position, position + 2))) {
            return null;
        }
        int length = aiLengthByPrefix[Integer.parseInt(data.substring(position, position + 2))];
        if (length == 0 || position + length > data.length()) {
            return null;
        }
        return resolve(data.substring(position, position + length), permitUnknown);
    }

    /** Every valid Digital Link path: a primary key, then an ordered subset of one of its qualifier lists. */
    List<String> dlPathSequences() {
        return dlPathSequences;
    }

    boolean isValidDlPath(List<String> ais) {
        return dlPathSequenceSet.contains(String.join(" ", ais));
    }

    private static void addOrderedSubsets(String key, List<String> qualifiers, List<String> into) {
        for (int mask = 0; mask < (1 << qualifiers.size()); mask++) {
            StringBuilder sequence = new StringBuilder(key);
            for (int i = 0; i < qualifiers.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    sequence.append(' ').append(qualifiers.get(i));
                }
            }
            if (!into.contains(sequence.toString())) {
                into.add(sequence.toString());
            }
        }
    }

    private static List<ApplicationIdentifier> parseEntry(String line) {
        int hash = line.indexOf('#');
        String title = hash < 0 ? "" : line.substring(hash + 1).strip();
        List<String> tokens = new ArrayList<>(Arrays.asList((hash < 0 ? line : line.substring(0, hash)).strip().split("\\s+")));
        String ais = tokens.remove(0);
        String flags = !tokens.isEmpty() && !startsSpecification(tokens.get(0)) ? tokens.remove(0) : "";
        List<AiComponent> components = new ArrayList<>();
        while (!tokens.isEmpty() && startsSpecification(tokens.get(0))) {
            AiComponent component = AiComponent.parse(tokens.remove(0));
            for (String linter : component.linters()) {
                if (!Gs1Linters.isKnown(linter)) {
                    throw new IllegalArgumentException("linter " + linter + " is neither implemented nor listed as skipped");
                }
            }
            components.add(component);
        }
        if (components.isEmpty()) {
            throw new IllegalArgumentException("no specification");
        }
        List<String> requisites = new ArrayList<>();
        List<String> exclusions = new ArrayList<>();
        List<List<String>> dlKeyQualifiers = new ArrayList<>();
        for (String attribute : tokens) {
            if (attribute.startsWith("req=")) {
                requisites.add(attribute.substring(4));
            } else if (attribute.startsWith("ex=")) {
                exclusions.addAll(Arrays.asList(attribute.substring(3).split(",")));
            } else if (attribute.equals("dlpkey")) {
                dlKeyQualifiers.add(List.of());
            } else if (attribute.startsWith("dlpkey=")) {
                for (String alternative : attribute.substring(7).split("\\|")) {
                    dlKeyQualifiers.add(List.of(alternative.split(",")));
                }
            }
            // other attributes are ignored, as the dictionary allows new keys to be added
        }
        boolean fnc1Required = flags.indexOf('*') < 0;
        boolean dlDataAttribute = flags.indexOf('?') >= 0;
        List<ApplicationIdentifier> entries = new ArrayList<>();
        for (String ai : expand(ais)) {
            entries.add(new ApplicationIdentifier(ai, title, fnc1Required, dlDataAttribute, components,
                    requisites, exclusions, dlKeyQualifiers, false));
        }
        return entries;
    }

    private static boolean startsSpecification(String token) {
        char first = token.charAt(0);
        return first == 'N' || first == 'X' || first == 'Y' || first == 'Z' || first == '[';
    }

    /** {@code 3100-3105} is six AIs of the same length. */
    private static List<String> expand(String ais) {
        int dash = ais.indexOf('-');
        if (dash < 0) {
            return List.of(ais);
        }
        String from = ais.substring(0, dash);
        String to = ais.substring(dash + 1);
        if (from.length() != to.length()) {
            throw new IllegalArgumentException("AI range " + ais + " mixes lengths");
        }
        List<String> expanded = new ArrayList<>();
        for (int ai = Integer.parseInt(from); ai <= Integer.parseInt(to); ai++) {
            expanded.add(String.format("%0" + from.length() + "d", ai));
        }
        return expanded;
    }

    private static AiTable load() {
        try (InputStream in = AiTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("GS1 AI table resource " + RESOURCE + " is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> predefinedValueLengths() {
        Map<String, Integer> lengths = new LinkedHashMap<>();
        lengths.put("00", 18);
        lengths.put("01", 14);
        lengths.put("02", 14);
        lengths.put("03", 14);
        lengths.put("04", 16);
        for (int prefix = 11; prefix <= 19; prefix++) {
            lengths.put(String.valueOf(prefix), 6);
        }
        lengths.put("20", 2);
        for (int prefix = 31; prefix <= 36; prefix++) {
            lengths.put(String.valueOf(prefix), 6);
        }
        lengths.put("41", 13);
        return Map.copyOf(lengths);
    }
}
