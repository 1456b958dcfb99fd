package org.medhub.routes.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden-file tests of outbound mappings: every folder under {@code src/test/resources/golden-outbound/} holds a
 * {@code mapping.yml} (or {@code mapping.ref}), the canonical {@code records.json} (an array), and the document
 * the subscriber must receive, {@code expected.xml}, {@code expected.json} or {@code expected.csv}, byte for byte
 * (in the mapping's charset); or {@code expected-violations.json}. Run with {@code -Dmedhub.regenerate=true} to
 * rewrite the expected files.
 */
class GoldenOutboundTest {

    static final Path ROOT = Path.of("src/test/resources/golden-outbound");

    @TestFactory
    Stream<DynamicTest> everyOutboundCaseRendersAsExpected() {
        return GoldenCase.all(ROOT).map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
    }

    private static void run(GoldenCase golden) throws Exception {
        MappingSpec spec = new MappingSpecReader().readOrThrow(golden.mapping());
        List<JsonNode> records = new ArrayList<>();
        GoldenCase.read(golden.folder().resolve("records.json")).forEach(records::add);
        Path expected = golden.folder().resolve("expected." + spec.format().yamlName());
        byte[] rendered;
        try {
            rendered = new OutboundRenderer(golden.lookup()).render(spec, records);
        } catch (MappingException e) {
            JsonNode violations = GoldenCase.violations(e.violations());
            if (GoldenCase.REGENERATE) {
                golden.write("expected-violations.json", violations);
                return;
            }
            assertThat(violations).as(e.describe()).isEqualTo(golden.expected("expected-violations.json")
                    .orElseThrow(() -> new AssertionError(golden.name() + " was refused:\n" + e.describe(), e)));
            return;
        }
        if (GoldenCase.REGENERATE) {
            write(expected, rendered);
            return;
        }
        assertThat(new String(rendered, spec.charsetOrUtf8()))
                .isEqualTo(new String(Files.readAllBytes(expected), spec.charsetOrUtf8()));
        assertThat(rendered).as("the bytes, in %s", spec.charsetOrUtf8()).isEqualTo(Files.readAllBytes(expected));
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
