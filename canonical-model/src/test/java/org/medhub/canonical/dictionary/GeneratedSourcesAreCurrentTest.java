package org.medhub.canonical.dictionary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Java types and {@code docs/data-dictionary.md} are made from the dictionary files and
 * committed; this test fails when they differ from what the files make now. To regenerate after
 * changing a dictionary file: {@code ./mvnw -pl canonical-model test -Dmedhub.regenerate=true}.
 */
class GeneratedSourcesAreCurrentTest {

    private static final boolean REGENERATE = Boolean.getBoolean("medhub.regenerate");
    private static final Path ENTITY_SOURCES = Path.of("src/main/java/org/medhub/canonical/entity");
    private static final Path DOCS = Path.of("../docs/data-dictionary.md");
    private static final String HOW = "; regenerate with ./mvnw -pl canonical-model test -Dmedhub.regenerate=true";

    @Test
    void javaTypesAreTheOnesTheDictionaryMakes() throws IOException {
        Map<Path, String> expected = new LinkedHashMap<>();
        DataDictionary.standard().entities().forEach(entity ->
                expected.put(ENTITY_SOURCES.resolve(entity.name() + ".java"), JavaTypesGenerator.source(entity)));
        if (REGENERATE) {
            Files.createDirectories(ENTITY_SOURCES);
            try (Stream<Path> old = Files.list(ENTITY_SOURCES)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            for (Map.Entry<Path, String> file : expected.entrySet()) {
                Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8);
            }
        }
        try (Stream<Path> present = Files.list(ENTITY_SOURCES)) {
            assertThat(present.toList()).as("generated entity sources" + HOW)
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
        }
        for (Map.Entry<Path, String> file : expected.entrySet()) {
            assertThat(Files.readString(file.getKey(), StandardCharsets.UTF_8)).as(file.getKey() + HOW)
                    .isEqualTo(file.getValue());
        }
    }

    @Test
    void dataDictionaryDocumentIsTheOneTheDictionaryMakes() throws IOException {
        String expected = DictionaryDocs.markdown(DataDictionary.standard());
        if (REGENERATE) {
            Files.writeString(DOCS, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(DOCS)).as(DOCS + HOW).isTrue();
        assertThat(Files.readString(DOCS, StandardCharsets.UTF_8)).as(DOCS + HOW).isEqualTo(expected);
    }
}
