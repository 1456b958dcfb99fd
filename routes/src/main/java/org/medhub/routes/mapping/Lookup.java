package org.medhub.routes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.medhub.canonical.dictionary.EntityDefinition;
import org.medhub.routes.mapping.internal.RuleEvaluator.Value;
import org.medhub.routes.mapping.internal.Targets;
import org.medhub.routes.mapping.internal.TransformContext;

/**
 * {@code lookup: { entity: Product, match: materialNumber, take: gtin }}: a value of a canonical record the hub
 * knows ({@link CanonicalLookup}), found by one of its fields; none found is a violation ({@code lookup}).
 */
public record Lookup(String entity, String match, String take) implements Transform {

    static final TransformKind KIND = new TransformKind(List.of("lookup"), Lookup::read);

    private static Lookup read(RuleYaml rule) {
        YamlKeys in = rule.in();
        JsonNode lookup = in.object(rule.node(), rule.key(), "lookup", false);
        if (lookup == null) {
            return null;
        }
        String key = rule.keyOf("lookup");
        in.onlyKeys(lookup, key, Set.of("entity", "match", "take"));
        String entityName = in.text(lookup, key, "entity", true);
        String match = in.text(lookup, key, "match", true);
        String take = in.text(lookup, key, "take", true);
        EntityDefinition entity = entityName == null ? null : rule.dictionary().entity(entityName).orElse(null);
        if (entityName != null && entity == null) {
            in.problem(YamlKeys.join(key, "entity"), "dictionary-entity", "'" + entityName + "' is not an entity of the data dictionary");
        }
        if (entity != null) {
            for (String[] field : new String[][] {{"match", match}, {"take", take}}) {
                if (field[1] != null && Targets.leaf(entity.fields(), field[1]).isEmpty()) {
                    in.problem(YamlKeys.join(key, field[0]), "dictionary-field", "'" + field[1] + "' is not a value of "
                            + entity.name() + "; its fields are " + entity.fields().keySet());
                }
            }
        }
        return new Lookup(entityName, match, take);
    }

    @Override
    public Value apply(Value value, TransformContext context) {
        Optional<JsonNode> found = context.lookup().find(entity, match, value.text());
        JsonNode taken = found.map(r -> r.at("/" + take.replace('.', '/'))).orElse(null);
        if (taken == null || !taken.isValueNode()) {
            return context.fail("lookup", value, found.isEmpty()
                    ? context.field() + ": the hub knows no " + entity + " whose " + match + " is '" + value.text() + "'"
                    : context.field() + ": the " + entity + " whose " + match + " is '" + value.text() + "' has no " + take);
        }
        return value.with(taken, "lookup " + entity + "." + match + " → " + take);
    }
}
