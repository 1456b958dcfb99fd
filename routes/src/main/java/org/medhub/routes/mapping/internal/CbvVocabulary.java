package org.medhub.routes.mapping.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A vocabulary of the GS1 Core Business Vocabulary (bizStep, disposition...): its URN and Web URI prefixes and its
 * terms, read from the table embedded in this module ({@code cbv-vocabularies.yml}, CBV 2.0), so that a new term of
 * the standard is a line of that file.
 *
 * @param name how a problem names the vocabulary
 */
record CbvVocabulary(String name, List<String> prefixes, Set<String> terms) {

    static final String RESOURCE = "cbv-vocabularies.yml";

    private static final Map<String, CbvVocabulary> STANDARD = load();

    static final CbvVocabulary BIZ_STEP = standard("bizStep");
    static final CbvVocabulary DISPOSITION = standard("disposition");
    static final CbvVocabulary BUSINESS_TRANSACTION = standard("bizTransactionType");
    static final CbvVocabulary SOURCE_DESTINATION = standard("sourceDestinationType");
    static final CbvVocabulary ERROR_REASON = standard("errorReason");

    CbvVocabulary {
        prefixes = List.copyOf(prefixes);
        terms = Set.copyOf(terms);
    }

    /** The bare term of a CBV value, the value itself when it is another URI or CURIE, or null when it is no term. */
    String normalize(String value) {
        for (String prefix : prefixes) {
            if (value.startsWith(prefix)) {
                String term = value.substring(prefix.length());
                return terms.contains(term) ? term : null;
            }
        }
        if (!value.contains(":")) {
            return terms.contains(value) ? value : null;
        }
        return value;
    }

    /** A vocabulary of the embedded table, by its key there. */
    static CbvVocabulary standard(String key) {
        CbvVocabulary vocabulary = STANDARD.get(key);
        if (vocabulary == null) {
            throw new IllegalStateException("CBV table " + RESOURCE + " has no vocabulary '" + key + "'; it has " + STANDARD.keySet());
        }
        return vocabulary;
    }

    /**
     * Reads vocabularies by key, each with {@code name}, {@code urn} (urn:epcglobal:cbv:&lt;urn&gt;:term), {@code web}
     * (https://ref.gs1.org/cbv/&lt;web&gt;-term, and the CURIEs cbv: and gs1:) and {@code terms}.
     *
     * @throws IllegalArgumentException naming the vocabulary when one is incomplete
     */
    static Map<String, CbvVocabulary> parse(JsonNode table) {
        Map<String, CbvVocabulary> vocabularies = new LinkedHashMap<>();
        table.fields().forEachRemaining(entry -> {
            JsonNode vocabulary = entry.getValue();
            String urn = text(vocabulary, "urn", entry.getKey());
            String web = text(vocabulary, "web", entry.getKey());
            JsonNode terms = vocabulary.path("terms");
            Set<String> bare = new HashSet<>();
            terms.forEach(term -> {
                if (!term.isTextual() || term.asText().isBlank() || term.asText().contains(":")) {
                    throw new IllegalArgumentException("CBV vocabulary " + entry.getKey() + ": '" + term.asText()
                            + "' is not a bare term (quote a term YAML reads as a boolean or number)");
                }
                bare.add(term.asText());
            });
            if (bare.isEmpty()) {
                throw new IllegalArgumentException("CBV vocabulary " + entry.getKey() + " lists no terms");
            }
            vocabularies.put(entry.getKey(), new CbvVocabulary(text(vocabulary, "name", entry.getKey()),
                    List.of("urn:epcglobal:cbv:" + urn + ":", "https://ref.gs1.org/cbv/" + web + "-", "cbv:" + web + "-",
                            "gs1:" + web + "-"), bare));
        });
        return vocabularies;
    }

    private static String text(JsonNode vocabulary, String field, String key) {
        JsonNode value = vocabulary.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("CBV vocabulary " + key + " needs " + field);
        }
        return value.asText();
    }

    private static Map<String, CbvVocabulary> load() {
        try (InputStream in = CbvVocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("CBV table resource " + RESOURCE + " is missing from the classpath");
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
