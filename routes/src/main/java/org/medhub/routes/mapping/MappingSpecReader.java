package org.medhub.routes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.routes.mapping.MappingSpec.CsvOptions;
import org.medhub.routes.mapping.MappingSpec.Direction;
import org.medhub.routes.mapping.MappingSpec.EdiOptions;
import org.medhub.routes.mapping.MappingSpec.EpcisOptions;
import org.medhub.routes.mapping.MappingSpec.OutputOptions;

/**
 * Reads and checks a mapping: a file of {@code config/mappings/}, or a mapping inline in a partner file. Every
 * problem is collected, not thrown, and names the file, the key and the rule, so that a person fixes them all at
 * once: unknown keys, entities and fields the dictionary lacks, paths that do not parse, prefixes not declared,
 * codes or constants outside an enum, date patterns, zones and units that do not exist.
 */
public final class MappingSpecReader {

    /** Ids become file names and appear in every record's envelope: keep them to safe characters. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP = Set.of("id", "version", "description", "direction", "format", "charset",
            "namespaces", "csv", "edi", "epcis", "output", "records", "entity", "forEach", "sourceId", "occurredAt", "baseVersion", "deleted", "partial", "fields");
    private static final Set<SourceFormat> OUTBOUND_FORMATS = Set.of(SourceFormat.JSON, SourceFormat.XML, SourceFormat.CSV);

    private final RecordRuleReader records;

    public MappingSpecReader() {
        this(DataDictionary.standard());
    }

    public MappingSpecReader(DataDictionary dictionary) {
        this.records = new RecordRuleReader(dictionary);
    }

    /** What a partner's message type says when its mapping does not: the format and charset it sends. */
    public record Defaults(SourceFormat format, Charset charset) {
        public static final Defaults NONE = new Defaults(null, null);
    }

    /** Reads a mapping file. */
    public Optional<MappingSpec> read(Path file, List<SpecProblem> problems) {
        String fileName = file.toString();
        JsonNode root;
        try {
            root = YAML.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            problems.add(new SpecProblem(fileName, "", "yaml", "not readable as YAML: " + e.getMessage()));
            return Optional.empty();
        }
        return read(root, fileName, "", Defaults.NONE, problems);
    }

    /**
     * Reads the mapping {@code id} of a mappings folder ({@code config/mappings/<id>.yml}), whose id must be its
     * file name. A missing file is a problem of {@code referrer} at {@code key}.
     */
    public Optional<MappingSpec> readById(Path mappingsDir, String id, String referrer, String key,
            List<SpecProblem> problems) {
        if (!ID.matcher(id).matches()) {
            problems.add(new SpecProblem(referrer, key, "id-format", "'" + id
                    + "' is not a mapping id (lower-case letters, digits and dashes)"));
            return Optional.empty();
        }
        Path file = mappingsDir.resolve(id + ".yml");
        if (!Files.isRegularFile(file)) {
            problems.add(new SpecProblem(referrer, key, "mapping-file", "no mapping '" + id + "': " + file
                    + " does not exist"));
            return Optional.empty();
        }
        int before = problems.size();
        Optional<MappingSpec> spec = read(file, problems);
        if (spec.isPresent() && !spec.get().id().equals(id)) {
            problems.add(new SpecProblem(file.toString(), "id", "id-matches-file", "'" + spec.get().id()
                    + "' must equal the file name, " + id));
        }
        return problems.size() > before ? Optional.empty() : spec;
    }

    /** Reads a mapping file, or fails with every problem in it. */
    public MappingSpec readOrThrow(Path file) {
        List<SpecProblem> problems = new ArrayList<>();
        Optional<MappingSpec> spec = read(file, problems);
        if (!problems.isEmpty() || spec.isEmpty()) {
            throw new MappingSpecException(problems);
        }
        return spec.get();
    }

    /**
     * Reads a mapping's YAML tree.
     *
     * @param file the file it is in, for problems
     * @param at the key of the mapping in that file ({@code inbound.batch-record.mapping}), empty for a mapping file
     */
    public Optional<MappingSpec> read(JsonNode node, String file, String at, Defaults defaults, List<SpecProblem> problems) {
        YamlKeys in = new YamlKeys(
                (key, rule, message) -> problems.add(new SpecProblem(file, YamlKeys.join(at, key), rule, message)),
                UnaryOperator.identity());
        int before = problems.size();
        if (node == null || !node.isObject()) {
            in.problem("", "type", "a mapping must be a map with id, version, format and records (or entity and fields)");
            return Optional.empty();
        }
        in.onlyKeys(node, "", TOP);
        String id = in.text(node, "", "id", true);
        if (id != null && !ID.matcher(id).matches()) {
            in.problem("id", "id-format", "'" + id + "' must be lower-case letters, digits and dashes, at most 63");
        }
        int version = in.integer(node, "", "version", true, 1);
        Direction direction = Direction.INBOUND;
        String directionName = in.text(node, "", "direction", false);
        if (directionName != null) {
            switch (directionName) {
                case "inbound" -> direction = Direction.INBOUND;
                case "outbound" -> direction = Direction.OUTBOUND;
                default -> in.problem("direction", "enum", "'" + directionName + "' is not one of [inbound, outbound]");
            }
        }
        SourceFormat format = defaults.format();
        String formatName = in.text(node, "", "format", defaults.format() == null);
        if (formatName != null) {
            format = SourceFormat.of(formatName).orElse(null);
            if (format == null) {
                in.problem("format", "enum", "'" + formatName + "' is not one of " + SourceFormat.names());
            } else if (defaults.format() != null && defaults.format() != format) {
                in.problem("format", "format-mismatch", "the mapping reads " + format.yamlName()
                        + " but the message type says " + defaults.format().yamlName());
            }
        }
        if (format != null && direction == Direction.OUTBOUND && !OUTBOUND_FORMATS.contains(format)) {
            in.problem("format", "outbound-format", "an outbound mapping writes json, xml or csv, not " + format.yamlName());
        }
        Charset charset = defaults.charset();
        String charsetName = in.text(node, "", "charset", false);
        if (charsetName != null) {
            try {
                charset = Charset.forName(charsetName);
            } catch (IllegalArgumentException e) {
                in.problem("charset", "charset", "'" + charsetName + "' is not a character set this Java knows (e.g. UTF-8, GB18030, GBK)");
            }
        }
        Map<String, String> namespaces = FormatOptionsReader.namespaces(in, node);
        CsvOptions csv = FormatOptionsReader.csv(in, node, format);
        EdiOptions edi = FormatOptionsReader.edi(in, node, format);
        EpcisOptions epcis = FormatOptionsReader.epcis(in, node, format);
        OutputOptions output = FormatOptionsReader.output(in, node, format, direction);
        MappingSpec draft = new MappingSpec(id, version, direction, format, charset, namespaces, csv, edi, epcis, output, List.of());
        List<RecordRule> records = this.records.read(in, node, draft);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new MappingSpec(id, version, direction, format, charset, namespaces, csv, edi, epcis, output,
                records));
    }
}
