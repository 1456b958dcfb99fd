package org.medhub.routes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.dictionary.EntityDefinition;
import org.medhub.canonical.dictionary.FieldDefinition;
import org.medhub.canonical.dictionary.FieldType;
import org.medhub.routes.mapping.MappingSpec.Direction;

/**
 * Reads the record rules of a mapping ({@code records}, or {@code entity} and {@code fields} at the top): the
 * entity, the source records ({@code forEach}), the record's id, time and base version, and its field rules, which
 * inbound fill fields of the entity and outbound name places in the subscriber's format.
 */
final class RecordRuleReader {

    private static final Set<String> KEYS = Set.of("entity", "forEach", "sourceId", "occurredAt", "baseVersion", "deleted", "partial",
            "fields");

    private final DataDictionary dictionary;
    private final FieldRuleReader fieldRules;

    RecordRuleReader(DataDictionary dictionary) {
        this.dictionary = dictionary;
        this.fieldRules = new FieldRuleReader(dictionary);
    }

    /** @param spec the mapping read so far, which says the format and direction */
    List<RecordRule> read(YamlKeys in, JsonNode node, MappingSpec spec) {
        List<RecordRule> records = new ArrayList<>();
        boolean shorthand = node.has("entity") || node.has("fields");
        JsonNode list = node.get("records");
        if (shorthand && list != null) {
            in.problem("records", "records-or-fields", "give records, or entity and fields for a one-record mapping, not both");
            return records;
        }
        if (shorthand) {
            record(in, node, "", spec).ifPresent(records::add);
            return records;
        }
        if (list == null || !list.isArray() || list.isEmpty()) {
            in.problem("records", "required", "a mapping needs records (a list of entity, forEach and fields), "
                    + "or entity and fields for a one-record mapping");
            return records;
        }
        if (spec.direction() == Direction.OUTBOUND && list.size() != 1) {
            in.problem("records", "outbound-records", "an outbound mapping renders one entity: give one record");
        }
        for (int i = 0; i < list.size(); i++) {
            String key = "records[" + i + "]";
            if (!list.get(i).isObject()) {
                in.problem(key, "type", "must be a map with entity, forEach and fields");
                continue;
            }
            in.onlyKeys(list.get(i), key, KEYS);
            record(in, list.get(i), key, spec).ifPresent(records::add);
        }
        return records;
    }

    private Optional<RecordRule> record(YamlKeys in, JsonNode node, String key, MappingSpec spec) {
        String entityName = in.text(node, key, "entity", true);
        EntityDefinition entity = entityName == null ? null : dictionary.entity(entityName).orElse(null);
        if (entityName != null && entity == null) {
            in.problem(YamlKeys.join(key, "entity"), "dictionary-entity", "'" + entityName + "' is not an entity of the data dictionary");
        }
        String forEach = in.text(node, key, "forEach", false);
        if (forEach != null) {
            if (spec.format() == SourceFormat.CSV) {
                in.problem(YamlKeys.join(key, "forEach"), "csv-rows", "every row of a CSV document is a record: leave forEach out");
            } else if (spec.direction() == Direction.OUTBOUND) {
                in.problem(YamlKeys.join(key, "forEach"), "outbound-records", "an outbound mapping renders the records it is given: leave forEach out");
            } else {
                PathSyntax.check(in, YamlKeys.join(key, "forEach"), forEach, spec);
            }
        }
        boolean outbound = spec.direction() == Direction.OUTBOUND;
        Map<String, FieldDefinition> fields = entity == null ? null : entity.fields();
        FieldRule sourceId = node.has("sourceId") ? fieldRules.rule(in, node.get("sourceId"), YamlKeys.join(key, "sourceId"), spec, null, FieldType.STRING) : null;
        FieldRule occurredAt = node.has("occurredAt") ? fieldRules.rule(in, node.get("occurredAt"), YamlKeys.join(key, "occurredAt"), spec, null, FieldType.DATE_TIME) : null;
        FieldRule baseVersion = node.has("baseVersion") ? fieldRules.rule(in, node.get("baseVersion"), YamlKeys.join(key, "baseVersion"), spec, null, FieldType.INTEGER) : null;
        FieldRule deleted = node.has("deleted") ? fieldRules.rule(in, node.get("deleted"), YamlKeys.join(key, "deleted"), spec, null, FieldType.BOOLEAN) : null;
        Map<String, FieldRule> rules = new LinkedHashMap<>();
        JsonNode fieldsNode = in.object(node, key, "fields", true);
        if (fieldsNode != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = fieldsNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String fieldKey = YamlKeys.join(key, "fields." + field.getKey());
                FieldRule rule = outbound ? outboundRule(in, field, fieldKey, spec)
                        : fieldRules.fieldRule(in, field.getKey(), field.getValue(), fieldKey, spec, fields, entityName);
                rules.put(field.getKey(), rule);
            }
        }
        boolean partial = node.path("partial").asBoolean(false);
        return Optional.of(new RecordRule(entityName, forEach, sourceId, occurredAt, baseVersion, deleted, partial, rules));
    }

    private FieldRule outboundRule(YamlKeys in, Map.Entry<String, JsonNode> field, String key, MappingSpec spec) {
        String target = field.getKey();
        boolean valid = switch (spec.format() == null ? SourceFormat.JSON : spec.format()) {
            case XML -> target.matches("([A-Za-z_][\\w.-]*:)?[A-Za-z_][\\w.-]*(/([A-Za-z_][\\w.-]*:)?[A-Za-z_][\\w.-]*)*(/@([A-Za-z_][\\w.-]*:)?[A-Za-z_][\\w.-]*)?|@([A-Za-z_][\\w.-]*:)?[A-Za-z_][\\w.-]*");
            case JSON -> target.matches("[^.\\s]+(\\.[^.\\s]+)*");
            default -> !target.isBlank();
        };
        if (!valid) {
            in.problem(key, "target-path", "'" + target + "' is not a target path: XML names elements as a/b/c with an "
                    + "optional /@attribute, JSON as dotted names, CSV as a column name");
        }
        if (spec.format() == SourceFormat.XML) {
            for (String step : target.split("/")) {
                String name = step.startsWith("@") ? step.substring(1) : step;
                int colon = name.indexOf(':');
                if (colon > 0 && !spec.namespaces().containsKey(name.substring(0, colon))) {
                    in.problem(key, "xpath", "prefix '" + name.substring(0, colon) + "' is not declared under namespaces");
                }
            }
        }
        MappingSpec canonicalSource = new MappingSpec(spec.id(), spec.version(), Direction.OUTBOUND, SourceFormat.JSON,
                null, null, null, null, null, null, List.of());
        return fieldRules.rule(in, field.getValue(), key, canonicalSource, null, null);
    }
}
