package org.medhub.hub.partner;

import java.util.List;
import java.util.function.UnaryOperator;
import org.medhub.routes.mapping.YamlKeys;

/** Reads one partner file's YAML tree; each problem names the file, the key and the rule. */
final class ConfigReader extends YamlKeys {

    private final String file;
    private final List<ConfigProblem> problems;

    ConfigReader(String file, List<ConfigProblem> problems, UnaryOperator<String> placeholders) {
        super((key, rule, message) -> problems.add(new ConfigProblem(file, key, rule, message)), placeholders);
        this.file = file;
        this.problems = problems;
    }

    boolean hasProblem(String key) {
        return problems.stream().anyMatch(p -> p.file().equals(file) && p.key().equals(key));
    }
}
