package org.medhub.routes.mapping.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.medhub.routes.mapping.MappingException;
import org.medhub.routes.mapping.MappingSpec.CsvOptions;
import org.medhub.routes.mapping.MappingViolation;
import org.medhub.routes.mapping.SourceLocation;

/**
 * Delimited text: every data row is a source record, and a path is a column name as the header row writes it
 * (Chinese headers of an Excel export are fine). Quoted fields may hold delimiters and line breaks.
 */
public final class CsvSource implements SourceDocument {

    private record Row(CSVRecord record, int line) {}

    private final Map<String, Integer> columns = new LinkedHashMap<>();
    private final List<SourceNode> rows = new ArrayList<>();

    public CsvSource(String text, CsvOptions options) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int[] lineStarts = lineStarts(content);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(options.delimiter())
                .setQuote(options.quote())
                .setIgnoreEmptyLines(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
            int number = 0;
            boolean headerPending = options.header();
            for (CSVRecord record : parser) {
                int line = lineOf(lineStarts, record.getCharacterPosition());
                if (headerPending) {
                    headerPending = false;
                    readHeader(record, line);
                    continue;
                }
                number++;
                rows.add(new SourceNode(null, new SourceLocation(line, 1, "row " + number), number,
                        new Row(record, line)));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new MappingException("malformed CSV: " + e.getMessage());
        }
        if (!options.header()) {
            for (int i = 0; i < options.columns().size(); i++) {
                columns.put(options.columns().get(i), i);
            }
        } else if (columns.isEmpty()) {
            throw new MappingException("malformed CSV: the document has no header row");
        }
    }

    private void readHeader(CSVRecord header, int line) {
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (name.isEmpty()) {
                continue;
            }
            if (columns.putIfAbsent(name, i) != null) {
                throw new MappingException("malformed CSV at line " + line + ": the header names column '" + name
                        + "' twice");
            }
        }
    }

    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    @Override
    public SourceNode root() {
        return new SourceNode(null, new SourceLocation(1, 1, ""), 1, null);
    }

    @Override
    public List<SourceNode> records(String forEach) {
        return rows;
    }

    @Override
    public List<SourceNode> select(SourceNode context, String path) {
        if (PathFacts.isFact(path)) {
            return PathFacts.select(context, path).orElse(List.of());
        }
        Integer index = columns.get(path);
        if (index == null || !(context.handle() instanceof Row row) || index >= row.record().size()) {
            return List.of();
        }
        return List.of(new SourceNode(JsonNodeFactory.instance.textNode(row.record().get(index)),
                new SourceLocation(row.line(), 0, "row " + context.position() + ", column " + path), 1, null));
    }

    @Override
    public Optional<MappingViolation> pathProblem(String path) {
        if (PathFacts.isFact(path) || columns.containsKey(path)) {
            return Optional.empty();
        }
        return Optional.of(MappingViolation.ofDocument("csv-column", new SourceLocation(1, 0, "header"),
                "the document has no column '" + path + "'; its columns are " + columns.keySet()));
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] lineStarts, long position) {
        int found = Arrays.binarySearch(lineStarts, (int) position);
        return (found >= 0 ? found : -found - 2) + 1;
    }
}
