package org.medhub.canonical.dictionary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DictionaryFilesTest {

    @Test
    void listsEveryDefinitionFileInTheIndexAndNothingElse() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/dictionary"))) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yml"))
                    .map(n -> n.substring(0, n.length() - 4)))
                    .as("dictionary/entities.txt lists every dictionary/*.yml")
                    .containsExactlyInAnyOrderElementsOf(DataDictionary.index());
        }
    }

    @Test
    void loadsTheStandardDictionary() {
        assertThat(DataDictionary.standard().entities()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.fields()).containsKeys(e.businessKey().fields().toArray(String[]::new)));
    }
}
