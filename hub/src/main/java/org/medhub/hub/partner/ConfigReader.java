package org.medhub.hub.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.medhub.routes.mapping.YamlKeys;

/** Reads one partner file's YAML tree; each problem names the file, the key and the rule. */
final class ConfigReader extends YamlKeys {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Ids become topic names, consumer groups and URL segments: keep them to safe characters. */
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final String file;
    private final List<ConfigProblem> problems;

    ConfigReader(String file, List<ConfigProblem> problems, UnaryOperator<String> placeholders) {
        super((key, rule, message) -> problems.add(new ConfigProblem(file, key, rule, message)), placeholders);
        this.file = file;
        this.problems = problems;
    }

    /** The file's YAML map, or empty (the problem noted) when it is not one. */
    Optional<JsonNode> yamlMap(Path file, String whatItHolds) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            problem("", "yaml", "not readable as YAML: " + e.getMessage());
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            problem("", "yaml", "must be a YAML map with " + whatItHolds);
            return Optional.empty();
        }
        return Optional.of(root);
    }

    /** The required {@code id}: safe characters, and the file's own name. */
    String fileId(JsonNode root, Path file) {
        String id = text(root, "", "id", true);
        String expectedId = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (id != null && !ID.matcher(id).matches()) {
            problem("id", "id-format", "'" + id + "' must be lower-case letters, digits and dashes, at most 63");
        } else if (id != null && !id.equals(expectedId)) {
            problem("id", "id-matches-file", "'" + id + "' must equal the file name, " + expectedId);
        }
        return id;
    }

    boolean hasProblem(String key) {
        return problems.stream().anyMatch(p -> p.file().equals(file) && p.key().equals(key));
    }
}
