package org.medhub.canonical.dictionary;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medhub.canonical.envelope.CanonicalJson;

/** The dictionary for people (Markdown) and for programs (JSON, in the shape of the YAML files). */
public final class DictionaryDocs {

    private DictionaryDocs() {}

    public static String markdown(DataDictionary dictionary) {
        StringBuilder md = new StringBuilder();
        md.append("# The medhub data dictionary\n\n");
        md.append("Generated from `canonical-model/src/main/resources/dictionary/*.yml`; edit those, not this file.\n");
        md.append("Every canonical record on a `medhub.canonical.<topic>` topic is one of these entities. The owner is\n");
        md.append("the system of record for a field: an update from another system is a conflict, not an overwrite.\n\n");
        md.append("| entity | version | kind | topic | business key | life cycle |\n|---|---|---|---|---|---|\n");
        for (EntityDefinition entity : dictionary.entities()) {
            md.append("| [").append(entity.name()).append("](#").append(entity.name().toLowerCase()).append(") | ")
                    .append(entity.version()).append(" | ").append(entity.kind()).append(" | `medhub.canonical.")
                    .append(entity.topic()).append("` | `").append(entity.businessKey().format()).append("` | ")
                    .append(entity.lifeCycle().map(m -> m.field() + ": " + String.join(", ", m.transitions().keySet()))
                            .orElse("")).append(" |\n");
        }
        for (EntityDefinition entity : dictionary.entities()) {
            md.append("\n## ").append(entity.name()).append("\n\n").append(cell(entity.description())).append("\n\n");
            md.append("Version ").append(entity.version()).append(", ").append(entity.kind()).append(" data on `medhub.canonical.")
                    .append(entity.topic()).append("`, keyed `").append(entity.businessKey().format())
                    .append("`. Owner unless a field says otherwise: ").append(entity.owner()).append(".\n\n");
            md.append("| field | type | required | rules | owner | description |\n|---|---|---|---|---|---|\n");
            rows(entity.fields(), "", entity.owner(), md);
            entity.lifeCycle().ifPresent(machine -> {
                md.append("\nLife cycle of `").append(machine.field()).append("`, starting in ")
                        .append(String.join(" or ", machine.initial())).append(":\n\n");
                machine.transitions().forEach((from, to) -> md.append("- ").append(from).append(" → ")
                        .append(to.isEmpty() ? "(final)" : String.join(", ", to)).append("\n"));
            });
            if (!entity.rules().isEmpty()) {
                md.append("\nRules across fields:\n\n");
                for (CrossFieldRule rule : entity.rules()) {
                    md.append("- `").append(rule.field()).append("` ").append(CrossFieldRule.NOT_BEFORE.equals(rule.rule())
                            ? "is not before `" + rule.reference() + "`"
                            : "is required when `" + rule.whenField() + "` is " + String.join(" or ", rule.whenIn()))
                            .append("\n");
                }
            }
        }
        return md.toString();
    }

    private static void rows(Map<String, FieldDefinition> fields, String prefix, SystemOfRecord owner, StringBuilder md) {
        for (FieldDefinition field : fields.values()) {
            SystemOfRecord fieldOwner = field.owner() == null ? owner : field.owner();
            String path = prefix + field.name();
            FieldDefinition shape = field.type() == FieldType.LIST ? field.items() : field;
            String type = field.type() == FieldType.LIST ? "list of " + shape.type().yamlName() : field.type().yamlName();
            md.append("| `").append(path).append("` | ").append(type).append(" | ").append(field.required() ? "yes" : "")
                    .append(" | ").append(cell(String.join("; ", rules(field)))).append(" | ").append(fieldOwner)
                    .append(" | ").append(cell(field.description())).append(" |\n");
            if (shape.type() == FieldType.OBJECT) {
                rows(shape.fields(), path + (field.type() == FieldType.LIST ? "[]." : "."), fieldOwner, md);
            }
        }
    }

    private static List<String> rules(FieldDefinition field) {
        List<String> rules = new ArrayList<>();
        FieldDefinition shape = field.type() == FieldType.LIST ? field.items() : field;
        if (field.type() == FieldType.LIST) {
            rules.addAll(rules(shape));
            if (field.minItems() != null) {
                rules.add("at least " + field.minItems() + " items");
            }
            if (field.maxItems() != null) {
                rules.add("at most " + field.maxItems() + " items");
            }
            return rules;
        }
        if (field.format() != null) {
            rules.add("format " + field.format());
        }
        if (field.values() != null) {
            rules.add("one of " + String.join(", ", field.values()));
        }
        if (field.minLength() != null) {
            rules.add("at least " + field.minLength() + " characters");
        }
        if (field.maxLength() != null) {
            rules.add("at most " + field.maxLength() + " characters");
        }
        if (field.pattern() != null) {
            rules.add("matches `" + field.pattern() + "`");
        }
        if (field.dimension() != null) {
            rules.add("unit of " + field.dimension());
        }
        if (field.precision() != null) {
            rules.add(field.precision() + " digits");
        }
        if (field.scale() != null) {
            rules.add("at most " + field.scale() + " decimals");
        }
        if (field.minimum() != null) {
            rules.add("≥ " + field.minimum().toPlainString());
        }
        if (field.maximum() != null) {
            rules.add("≤ " + field.maximum().toPlainString());
        }
        if (field.entity() != null) {
            rules.add("key of a " + field.entity());
        }
        return rules;
    }

    private static String cell(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ").replace("|", "\\|");
    }

    /** The dictionary as JSON, entity by entity, in the shape of the YAML files. */
    public static ObjectNode json(DataDictionary dictionary) {
        ObjectNode root = CanonicalJson.mapper().createObjectNode();
        ArrayNode entities = root.putArray("entities");
        for (EntityDefinition entity : dictionary.entities()) {
            ObjectNode node = entities.addObject();
            node.put("entity", entity.name()).put("version", entity.version()).put("description", cell(entity.description()))
                    .put("kind", entity.kind()).put("topic", entity.topic()).put("owner", entity.owner().name());
            ObjectNode key = node.putObject("businessKey");
            entity.businessKey().fields().forEach(key.putArray("fields")::add);
            key.put("format", entity.businessKey().format());
            node.set("fields", fields(entity.fields()));
            entity.lifeCycle().ifPresent(machine -> {
                ObjectNode sm = node.putObject("stateMachine").put("field", machine.field());
                machine.initial().forEach(sm.putArray("initial")::add);
                ObjectNode transitions = sm.putObject("transitions");
                machine.transitions().forEach((from, to) -> to.forEach(transitions.withArray(from)::add));
                machine.transitions().forEach((from, to) -> {
                    if (to.isEmpty()) {
                        transitions.putArray(from);
                    }
                });
            });
            if (!entity.rules().isEmpty()) {
                node.set("rules", CanonicalJson.mapper().valueToTree(entity.rules()));
            }
        }
        return root;
    }

    private static ObjectNode fields(Map<String, FieldDefinition> fields) {
        ObjectNode node = CanonicalJson.mapper().createObjectNode();
        fields.values().forEach(field -> node.set(field.name(), field(field)));
        return node;
    }

    private static ObjectNode field(FieldDefinition field) {
        ObjectNode node = CanonicalJson.mapper().createObjectNode();
        node.put("type", field.type().yamlName());
        if (field.description() != null) {
            node.put("description", cell(field.description()));
        }
        if (field.owner() != null) {
            node.put("owner", field.owner().name());
        }
        if (field.required()) {
            node.put("required", true);
        }
        putIfPresent(node, "minLength", field.minLength());
        putIfPresent(node, "maxLength", field.maxLength());
        putIfPresent(node, "pattern", field.pattern());
        putIfPresent(node, "format", field.format());
        if (field.minimum() != null) {
            node.put("minimum", field.minimum());
        }
        if (field.maximum() != null) {
            node.put("maximum", field.maximum());
        }
        putIfPresent(node, "precision", field.precision());
        putIfPresent(node, "scale", field.scale());
        if (field.values() != null) {
            field.values().forEach(node.putArray("values")::add);
        }
        putIfPresent(node, "dimension", field.dimension());
        putIfPresent(node, "entity", field.entity());
        if (field.type() == FieldType.OBJECT) {
            node.set("fields", fields(field.fields()));
        }
        if (field.items() != null) {
            node.set("items", field(field.items()));
        }
        putIfPresent(node, "minItems", field.minItems());
        putIfPresent(node, "maxItems", field.maxItems());
        return node;
    }

    private static void putIfPresent(ObjectNode node, String key, Object value) {
        if (value instanceof Integer number) {
            node.put(key, number);
        } else if (value != null) {
            node.put(key, value.toString());
        }
    }
}
