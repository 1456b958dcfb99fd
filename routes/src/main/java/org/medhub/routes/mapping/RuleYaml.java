package org.medhub.routes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.dictionary.FieldType;

/**
 * The YAML map of one field rule, as its transforms read their keys from it: problems go where every other problem
 * of the mapping goes, named by file and key path.
 *
 * @param key the rule's key path, {@code records[0].fields.status}
 * @param target the type of the value the rule gives (of a list's items for a list), null when untyped
 */
record RuleYaml(YamlKeys in, JsonNode node, String key, MappingSpec spec, FieldType target, DataDictionary dictionary) {

    /** The key path of one of the rule's keys, {@code records[0].fields.status.codes}. */
    String keyOf(String name) {
        return YamlKeys.join(key, name);
    }

    void problem(String name, String rule, String message) {
        in.problem(keyOf(name), rule, message);
    }

    /** Checks a path the rule names, in the path language of the mapping's format. */
    void checkPath(String name, String path) {
        PathSyntax.check(in, keyOf(name), path, spec);
    }
}
