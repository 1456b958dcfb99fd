package org.medhub.routes.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden-file tests of inbound mappings: every folder under {@code src/test/resources/golden/} is a case (see
 * {@link GoldenCase}). Run with {@code -Dmedhub.regenerate=true} to rewrite the expected files.
 */
class GoldenMappingTest {

    static final Path ROOT = Path.of("src/test/resources/golden");

    @TestFactory
    Stream<DynamicTest> everyGoldenCaseMapsAsExpected() {
        return GoldenCase.all(ROOT).map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
    }

    private static void run(GoldenCase golden) throws Exception {
        MappingSpec spec = new MappingSpecReader().readOrThrow(golden.mapping());
        byte[] source = Files.readAllBytes(golden.source());
        MappingEngine engine = new MappingEngine(golden.lookup());
        List<MappedRecord> records;
        try {
            records = engine.map(spec, source);
        } catch (MappingException e) {
            JsonNode actual = GoldenCase.violations(e.violations());
            if (GoldenCase.REGENERATE && !Files.exists(golden.folder().resolve("expected.json"))) {
                golden.write("expected-violations.json", actual);
                return;
            }
            JsonNode expected = golden.expected("expected-violations.json")
                    .orElseThrow(() -> new AssertionError(golden.name() + " was refused:\n" + e.describe(), e));
            assertThat(actual).as("violations of %s:\n%s", golden.name(), e.describe()).isEqualTo(expected);
            return;
        }
        JsonNode actual = GoldenCase.records(records);
        if (GoldenCase.REGENERATE && !Files.exists(golden.folder().resolve("expected-violations.json"))) {
            golden.write("expected.json", actual);
            if (Files.exists(golden.folder().resolve("expected-lineage.json"))) {
                golden.write("expected-lineage.json", GoldenCase.lineage(records));
            }
            return;
        }
        JsonNode expected = golden.expected("expected.json").orElse(null);
        if (expected == null) {
            fail(golden.name() + " mapped, but the case expects violations; it made:\n"
                    + GoldenCase.JSON.writeValueAsString(actual));
        }
        assertThat(GoldenCase.normalized(actual)).as("records of %s, made:\n%s", golden.name(),
                GoldenCase.JSON.writeValueAsString(actual)).isEqualTo(GoldenCase.normalized(expected));
        golden.expected("expected-lineage.json").ifPresent(lineage ->
                assertThat(GoldenCase.lineage(records)).as("lineage of %s", golden.name()).isEqualTo(lineage));
    }
}
