package org.medhub.canonical.gs1;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.provider.Arguments;
import org.medhub.canonical.fixtures.SharedFixtures;

/**
 * The test vectors that GS1's Barcode Syntax Engine keeps in its C unit tests, extracted to TSV files under
 * {@code shared/fixtures/gs1-syntax-engine/extracted-test-vectors}. Cells are the C string literals as written,
 * so {@code \\} is one backslash and {@code \x1D} is GS.
 */
final class EngineVectors {

    static final String FOLDER = "gs1-syntax-engine/extracted-test-vectors/";

    private EngineVectors() {}

    /**
     * One row: its source line in the engine's C file, and its cells by column name, C escapes resolved. When the
     * file is absent there is one row standing for all of them, with {@code missing} saying why it cannot run.
     */
    record Row(String file, int line, Map<String, String> cells, String missing) {

        String get(String column) {
            String cell = cells.get(column);
            assertThat(cell).as("column %s of %s", column, file).isNotNull();
            return cell;
        }

        boolean shouldSucceed() {
            return Boolean.parseBoolean(get("should_succeed"));
        }

        /** The engine options the test set, e.g. {@code PermitUnknownAIs=true}. */
        Map<String, String> options() {
            Map<String, String> options = new HashMap<>();
            for (String option : get("options_set_in_test").split(";")) {
                int equals = option.indexOf('=');
                if (equals > 0) {
                    options.put(option.substring(0, equals).strip(), option.substring(equals + 1).strip());
                }
            }
            return options;
        }

        boolean option(String name) {
            return Boolean.parseBoolean(options().getOrDefault(name, "false"));
        }

        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    /**
     * The rows of one vector file, as JUnit arguments named after their line. When the file is absent, a single
     * row that skips with the reason, so that each file shows up as skipped in the test report.
     */
    static List<Arguments> rows(String fileName) {
        Optional<String> missing = SharedFixtures.missing(FOLDER + fileName);
        if (missing.isPresent()) {
            return List.of(Arguments.argumentSet(fileName + " " + missing.get(),
                    new Row(fileName, 0, Map.of(), missing.get())));
        }
        Path file = SharedFixtures.require(FOLDER + fileName);
        List<String> lines = SharedFixtures.lines(file);
        String[] header = lines.get(0).split("\t", -1);
        List<Arguments> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            Map<String, String> byName = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                byName.put(header[i], i < cells.length ? unescapeC(cells[i]) : "");
            }
            Row row = new Row(fileName, Integer.parseInt(cells[0]), byName, null);
            rows.add(Arguments.argumentSet("line " + row.line() + ": " + describe(byName), row));
        }
        assertThat(rows).as("rows of %s", file).isNotEmpty();
        return rows;
    }

    /** The source lines of a vector file, to check that exclusions name rows that exist. */
    static List<Integer> sourceLines(String fileName) {
        Path file = SharedFixtures.require(FOLDER + fileName);
        return SharedFixtures.lines(file).stream().skip(1).filter(l -> !l.isBlank())
                .map(l -> Integer.parseInt(l.split("\t", -1)[0])).toList();
    }

    static String unescapeC(String literal) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c != '\\' || i == literal.length() - 1) {
                text.append(c);
                continue;
            }
            char next = literal.charAt(++i);
            switch (next) {
                case 'x' -> {
                    text.append((char) Integer.parseInt(literal.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'n' -> text.append('\n');
                case 't' -> text.append('\t');
                default -> text.append(next);
            }
        }
        return text.toString();
    }

    private static String describe(Map<String, String> cells) {
        List<String> shown = new ArrayList<>();
        cells.forEach((name, value) -> {
            if (!name.equals("source_line") && !value.isEmpty()) {
                shown.add(value.replace("\u001D", "<GS>"));
            }
        });
        return String.join(" | ", shown);
    }
}
