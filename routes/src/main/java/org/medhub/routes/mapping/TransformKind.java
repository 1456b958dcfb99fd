package org.medhub.routes.mapping;

import java.util.List;
import java.util.function.Function;

/**
 * A transform as the grammar knows it: the keys of a field rule it takes ({@code codes} and {@code otherwise}), and
 * how it reads them. Each transform type holds its kind as {@code KIND}; {@code Transforms.ALL} lists them.
 *
 * @param reader the transform the keys give, or null when they give none ({@code trim: false}) or do not read
 *     (the reader has said why, as a problem)
 */
record TransformKind(List<String> keys, Function<RuleYaml, Transform> reader) {

    TransformKind {
        keys = List.copyOf(keys);
    }

    /** The transform of a rule that has at least one of the keys, or null. */
    Transform read(RuleYaml rule) {
        return keys.stream().anyMatch(rule.node()::has) ? reader.apply(rule) : null;
    }
}
