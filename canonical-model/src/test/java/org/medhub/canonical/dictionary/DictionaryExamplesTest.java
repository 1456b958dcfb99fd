package org.medhub.canonical.dictionary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.validation.Violation;

/**
 * Golden files: {@code dictionary-examples/<Entity>/<case>/record.json} with {@code expected.json},
 * either {@code {"valid": true}} or the exact violations as field and rule. Adding a case is adding a
 * folder. A valid record must also read into the entity's generated Java type and write back the same.
 */
class DictionaryExamplesTest {

    static final Path EXAMPLES = Path.of("src/test/resources/dictionary-examples");

    @TestFactory
    Stream<DynamicTest> everyExampleIsJudgedAsExpected() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> entities = Files.list(EXAMPLES)) {
            for (Path entityDir : entities.filter(Files::isDirectory).sorted().toList()) {
                EntityDefinition entity = DataDictionary.standard().entity(entityDir.getFileName().toString())
                        .orElseThrow(() -> new AssertionError(entityDir + " names no entity of the dictionary"));
                try (Stream<Path> cases = Files.list(entityDir)) {
                    cases.filter(Files::isDirectory).sorted().forEach(caseDir -> tests.add(DynamicTest.dynamicTest(
                            entity.name() + "/" + caseDir.getFileName(), () -> judge(entity, caseDir))));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void everyEntityHasAValidExampleAndAnInvalidOne() throws IOException {
        for (EntityDefinition entity : DataDictionary.standard().entities()) {
            Path dir = EXAMPLES.resolve(entity.name());
            assertThat(dir).as("examples of " + entity.name()).isDirectory();
            try (Stream<Path> cases = Files.list(dir)) {
                List<JsonNode> expectations = cases.map(c -> read(c.resolve("expected.json"))).toList();
                assertThat(expectations).as(entity.name() + " examples").anyMatch(e -> e.path("valid").asBoolean())
                        .anyMatch(e -> e.has("violations"));
            }
        }
    }

    private static void judge(EntityDefinition entity, Path caseDir) throws Exception {
        JsonNode record = read(caseDir.resolve("record.json"));
        JsonNode expected = read(caseDir.resolve("expected.json"));
        List<Violation> violations = RecordValidator.validate(entity, record);
        if (expected.path("valid").asBoolean()) {
            assertThat(violations).as(caseDir + " is valid").isEmpty();
            Class<?> javaType = Class.forName("org.medhub.canonical.entity." + entity.name());
            Object typed = CanonicalJson.mapper().treeToValue(record, javaType);
            // the typed form normalises (EA becomes {each}), so compare what survives, not the bytes
            JsonNode written = CanonicalJson.mapper().valueToTree(typed);
            assertThat(RecordValidator.validate(entity, written)).as(caseDir + " written back").isEmpty();
            assertThat(CanonicalJson.mapper().treeToValue(written, javaType)).isEqualTo(typed);
            assertThat(fieldNames(written)).as(caseDir + " fields through " + javaType.getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(fieldNames(record));
        } else {
            List<String> actual = violations.stream().map(v -> v.field() + " " + v.rule()).sorted().toList();
            List<String> wanted = new ArrayList<>();
            expected.path("violations").forEach(v -> wanted.add(v.get("field").asText() + " " + v.get("rule").asText()));
            assertThat(actual).as(caseDir + ": " + violations).containsExactlyInAnyOrderElementsOf(wanted);
        }
    }

    private static List<String> fieldNames(JsonNode record) {
        List<String> names = new ArrayList<>();
        record.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode read(Path file) {
        try {
            return CanonicalJson.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
