package org.medhub.canonical.gs1;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

/**
 * GS1 Digital Link URIs, {@code https://example.com/01/09506000134352/10/ABC123?17=201225}: a primary key and its
 * qualifiers in the path, in the order the dictionary's {@code dlpkey} attribute gives, and data attributes as query
 * parameters. The rules follow the GS1 Digital Link standard as the GS1 Barcode Syntax Engine applies it.
 */
public final class DigitalLink {

    public static final String ENTITY = "GS1 Digital Link URI";
    /** The stem of the canonical form, used when no other is given. */
    public static final String CANONICAL_STEM = "https://id.gs1.org";

    private static final String URI_CHARACTERS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%";
    private static final String BAD_DOMAIN_CHARACTERS = "_~?#@!$&'()*+,;=%";

    private DigitalLink() {}

    /** True for the four scheme spellings a Digital Link URI may start with. */
    public static boolean looksLikeDigitalLink(String text) {
        return text.startsWith("https://") || text.startsWith("HTTPS://")
                || text.startsWith("http://") || text.startsWith("HTTP://");
    }

    /** The AI data of the URI: path AIs in path order, then query AIs in query order; other query parameters dropped. */
    public static ElementString parse(String uri) {
        return parse(uri, Gs1Options.STRICT);
    }

    public static ElementString parse(String uri, Gs1Options options) {
        for (int i = 0; i < uri.length(); i++) {
            if (URI_CHARACTERS.indexOf(uri.charAt(i)) < 0) {
                throw invalid("illegal-uri-character", uri, "the URI has the character '"
                        + Gs1Linters.printable(uri.charAt(i)) + "' at position " + (i + 1) + ", which URIs do not allow");
            }
        }
        if (!looksLikeDigitalLink(uri)) {
            throw invalid("illegal-scheme", uri, "the URI must start with http:// or https:// (all lower or all upper case)");
        }
        String rest = uri.substring(uri.indexOf("//") + 2);
        int slash = rest.indexOf('/');
        String domain = slash < 0 ? rest : rest.substring(0, slash);
        for (char c : domain.toCharArray()) {
            if (BAD_DOMAIN_CHARACTERS.indexOf(c) >= 0) {
                throw invalid("illegal-domain-character", uri, "the domain '" + domain + "' has the character '" + c + "'");
            }
        }
        if (slash < 0 || domain.isEmpty()) {
            throw invalid("missing-domain-or-path", uri, "the URI needs a domain and a path");
        }
        String pathAndQuery = rest.substring(slash);
        int hash = pathAndQuery.indexOf('#');
        if (hash >= 0) {
            pathAndQuery = pathAndQuery.substring(0, hash);
        }
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        String query = question < 0 ? "" : pathAndQuery.substring(question + 1);

        List<ElementString.Entry> entries = new ArrayList<>();
        List<String> pathAis = new ArrayList<>();
        String[] segments = path.substring(1).split("/", -1);
        int root = findPrimaryKey(segments, options);
        if (root < 0) {
            throw invalid("no-primary-key", uri, "the path '" + path + "' ends in no GS1 primary key with its value"
                    + " and key qualifiers");
        }
        for (int i = root; i < segments.length; i += 2) {
            ApplicationIdentifier definition = AiTable.standard().resolve(segments[i], options.permitUnknownAis());
            if (segments[i + 1].isEmpty()) {
                throw invalid("empty-path-value", uri, "(" + segments[i] + ") has an empty value in the path");
            }
            String value = decode(segments[i + 1], false, segments[i], uri);
            entries.add(new ElementString.Entry(definition, padGtin(definition, value, options)));
            pathAis.add(definition.ai());
        }
        for (String parameter : query.split("&")) {
            int equals = parameter.indexOf('=');
            if (parameter.isEmpty() || equals <= 0 || !Gs1Linters.allDigits(parameter.substring(0, equals))) {
                continue;
            }
            String ai = parameter.substring(0, equals);
            ApplicationIdentifier definition = AiTable.standard().resolve(ai, options.permitUnknownAis());
            if (definition == null) {
                throw invalid("unknown-ai-in-query", uri, "the query parameter " + ai + " is numeric but not a GS1 AI");
            }
            if (equals == parameter.length() - 1) {
                throw invalid("empty-query-value", uri, "(" + ai + ") has an empty value in the query");
            }
            String value = decode(parameter.substring(equals + 1), true, ai, uri);
            entries.add(new ElementString.Entry(definition, padGtin(definition, value, options)));
        }

        if (!AiTable.standard().isValidDlPath(pathAis)) {
            throw invalid("invalid-key-qualifier-sequence", uri, "the path AIs " + pathAis
                    + " are not a primary key followed by its key qualifiers in their order");
        }
        Set<String> seen = new HashSet<>();
        for (ElementString.Entry entry : entries) {
            if (!seen.add(entry.definition().ai())) {
                throw invalid("duplicate-ai", uri, "(" + entry.definition().ai() + ") appears more than once");
            }
        }
        for (ElementString.Entry entry : entries.subList(pathAis.size(), entries.size())) {
            ApplicationIdentifier definition = entry.definition();
            if (!definition.dlDataAttribute()) {
                throw invalid("not-a-data-attribute", uri, "(" + definition.ai() + ") may not be a query parameter"
                        + (definition.unknown() ? " because the dictionary does not know it" : ""));
            }
            for (int at = 1; at <= pathAis.size(); at++) {
                List<String> trial = new ArrayList<>(pathAis);
                trial.add(at, definition.ai());
                if (AiTable.standard().isValidDlPath(trial)) {
                    throw invalid("belongs-in-path", uri, "(" + definition.ai() + ") qualifies the key ("
                            + pathAis.get(0) + ") and belongs in the path, not the query");
                }
            }
        }
        List<Violation> violations = new ArrayList<>();
        for (ElementString.Entry entry : entries) {
            AiValues.validate(entry.definition(), entry.value()).ifPresent(violations::add);
        }
        if (!violations.isEmpty()) {
            throw new InvalidRecordException(ENTITY, violations);
        }
        return new ElementString(entries);
    }

    /**
     * The Digital Link URI of {@code data}: the first primary key in the data, with as many of its qualifiers as the
     * data has (the longest sequence the dictionary allows), then every other AI as a query parameter, the
     * predefined-length ones first; repeated AIs are written once.
     *
     * @param stem scheme and domain, possibly with a path prefix; null for {@link #CANONICAL_STEM}
     */
    public static String toUri(String stem, ElementString data) {
        List<ElementString.Entry> entries = data.entries();
        ElementString.Entry key = entries.stream().filter(e -> e.definition().isDlPrimaryKey()).findFirst()
                .orElseThrow(() -> invalid("no-primary-key", data.bracketed(),
                        "the data has no GS1 Digital Link primary key such as (01) or (00)"));
        String keyAi = key.definition().ai();
        Set<String> present = new HashSet<>();
        entries.forEach(e -> present.add(e.definition().ai()));
        List<String> path = List.of(keyAi);
        for (String sequence : AiTable.standard().dlPathSequences()) {
            List<String> ais = List.of(sequence.split(" "));
            if (ais.get(0).equals(keyAi) && present.containsAll(ais) && ais.size() > path.size()) {
                path = ais;
            }
        }
        String base = stem == null ? CANONICAL_STEM : stem;
        StringBuilder uri = new StringBuilder(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        for (String ai : path) {
            uri.append('/').append(ai).append('/').append(encode(data.value(ai).orElseThrow(), false));
        }
        Set<String> written = new LinkedHashSet<>(path);
        List<String> parameters = new ArrayList<>();
        for (boolean predefinedLength : new boolean[] {true, false}) {
            for (ElementString.Entry entry : entries) {
                ApplicationIdentifier definition = entry.definition();
                if (definition.fnc1Required() == predefinedLength || written.contains(definition.ai())) {
                    continue;
                }
                if (!definition.dlDataAttribute()) {
                    throw invalid("not-a-data-attribute", data.bracketed(), "(" + definition.ai()
                            + ") may not be a Digital Link query parameter, and is not a qualifier of (" + keyAi
                            + ") in the path " + path);
                }
                parameters.add(definition.ai() + "=" + encode(entry.value(), true));
                written.add(definition.ai());
            }
        }
        if (!parameters.isEmpty()) {
            uri.append('?').append(String.join("&", parameters));
        }
        return uri.toString();
    }

    /** Walks the path from its end in AI/value pairs, back to the rightmost primary key; -1 when there is none. */
    private static int findPrimaryKey(String[] segments, Gs1Options options) {
        for (int valueAt = segments.length - 1; valueAt >= 1; valueAt -= 2) {
            ApplicationIdentifier definition = AiTable.standard().resolve(segments[valueAt - 1], options.permitUnknownAis());
            if (definition == null) {
                return -1;
            }
            if (definition.isDlPrimaryKey()) {
                return valueAt - 1;
            }
        }
        return -1;
    }

    private static String padGtin(ApplicationIdentifier definition, String value, Gs1Options options) {
        boolean shortGtin = value.length() == 8 || value.length() == 12 || value.length() == 13;
        return options.permitZeroSuppressedGtin() && definition.ai().equals("01") && shortGtin
                ? "0".repeat(14 - value.length()) + value : value;
    }

    /** Percent-decoding; in the query '+' is a space. A '%' without two hex digits stays as it is. */
    private static String decode(String encoded, boolean query, String ai, String uri) {
        StringBuilder decoded = new StringBuilder();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length()
                    && Character.digit(encoded.charAt(i + 1), 16) >= 0 && Character.digit(encoded.charAt(i + 2), 16) >= 0) {
                char byteValue = (char) Integer.parseInt(encoded.substring(i + 1, i + 3), 16);
                if (byteValue == 0) {
                    throw invalid("illegal-null", uri, "the value of (" + ai + ") decodes to a NUL character");
                }
                decoded.append(byteValue);
                i += 2;
            } else if (query && c == '+') {
                decoded.append(' ');
            } else {
                decoded.append(c);
            }
        }
        return decoded.toString();
    }

    private static String encode(String value, boolean query) {
        StringBuilder encoded = new StringBuilder();
        for (char c : value.toCharArray()) {
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append(c);
            } else if (query && c == ' ') {
                encoded.append('+');
            } else {
                encoded.append(String.format("%%%02X", (int) c));
            }
        }
        return encoded.toString();
    }

    private static InvalidRecordException invalid(String rule, String value, String message) {
        return new InvalidRecordException(ENTITY, List.of(new Violation("uri", rule, value, message)));
    }
}
