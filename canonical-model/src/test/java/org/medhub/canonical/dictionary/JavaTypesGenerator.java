package org.medhub.canonical.dictionary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes the Java record of each dictionary entity: one file per entity in
 * {@code org.medhub.canonical.entity}, nested records for objects and list items, nested enums for
 * enum fields. Build tooling: {@link GeneratedSourcesAreCurrentTest} runs it.
 */
final class JavaTypesGenerator {

    static final String PACKAGE = "org.medhub.canonical.entity";

    private JavaTypesGenerator() {}

    static String source(EntityDefinition entity) {
        TreeSet<String> imports = new TreeSet<>();
        imports.add("com.fasterxml.jackson.annotation.JsonInclude");
        StringBuilder body = new StringBuilder();
        body.append(javadoc("", entity.description(), entity.fields(), entity.owner()));
        body.append("@JsonInclude(JsonInclude.Include.NON_NULL)\n");
        body.append("public record ").append(entity.name()).append("(\n");
        body.append(components(entity.fields(), "        ", imports)).append(") {\n\n");
        body.append("    public static final String ENTITY = \"").append(entity.name()).append("\";\n");
        body.append("    public static final int SCHEMA_VERSION = ").append(entity.version()).append(";\n");
        body.append(nestedTypes(entity.fields(), "    ", imports, entity.owner()));
        body.append("}\n");
        StringBuilder file = new StringBuilder();
        file.append("// Generated from dictionary/").append(entity.name())
                .append(".yml by JavaTypesGenerator: edit the YAML, not this file.\n");
        file.append("package ").append(PACKAGE).append(";\n\n");
        imports.forEach(i -> file.append("import ").append(i).append(";\n"));
        file.append("\n").append(body);
        return file.toString();
    }

    private static String components(Map<String, FieldDefinition> fields, String indent, TreeSet<String> imports) {
        List<String> parts = new ArrayList<>();
        fields.values().forEach(f -> parts.add(indent + javaType(f, imports) + " " + f.name()));
        return String.join(",\n", parts);
    }

    private static String nestedTypes(Map<String, FieldDefinition> fields, String indent, TreeSet<String> imports,
            SystemOfRecord owner) {
        StringBuilder out = new StringBuilder();
        for (FieldDefinition field : fields.values()) {
            FieldDefinition shape = field.type() == FieldType.LIST ? field.items() : field;
            String name = typeName(field);
            if (shape.type() == FieldType.ENUM) {
                out.append("\n").append(indent).append("/** ").append(oneLine(field.description())).append(" */\n");
                out.append(indent).append("public enum ").append(name).append(" {\n");
                out.append(indent).append("    ").append(String.join(",\n" + indent + "    ", shape.values())).append("\n");
                out.append(indent).append("}\n");
            } else if (shape.type() == FieldType.OBJECT) {
                out.append("\n").append(javadoc(indent, field.description(), shape.fields(),
                        field.owner() == null ? owner : field.owner()));
                out.append(indent).append("@JsonInclude(JsonInclude.Include.NON_NULL)\n");
                out.append(indent).append("public record ").append(name).append("(\n");
                out.append(components(shape.fields(), indent + "        ", imports)).append(") {\n");
                String nested = nestedTypes(shape.fields(), indent + "    ", imports,
                        field.owner() == null ? owner : field.owner());
                out.append(nested.isEmpty() ? "" : nested);
                out.append(indent).append("}\n");
            }
        }
        return out.toString();
    }

    private static String javaType(FieldDefinition field, TreeSet<String> imports) {
        return switch (field.type()) {
            case STRING, TEXT, REFERENCE -> "String";
            case INTEGER -> "Long";
            case DECIMAL -> {
                imports.add("java.math.BigDecimal");
                yield "BigDecimal";
            }
            case BOOLEAN -> "Boolean";
            case DATE -> {
                imports.add("java.time.LocalDate");
                yield "LocalDate";
            }
            case DATE_TIME -> {
                imports.add("java.time.OffsetDateTime");
                yield "OffsetDateTime";
            }
            case QUANTITY -> {
                imports.add("org.medhub.canonical.unit.Quantity");
                yield "Quantity";
            }
            case MONEY -> {
                imports.add("org.medhub.canonical.money.Money");
                yield "Money";
            }
            case ENUM, OBJECT -> typeName(field);
            case LIST -> {
                imports.add("java.util.List");
                FieldDefinition items = field.items();
                yield "List<" + (items.type() == FieldType.ENUM || items.type() == FieldType.OBJECT
                        ? typeName(field) : javaType(items, imports)) + ">";
            }
        };
    }

    /** A nested type is named for its field; list items for one element of the list ({@code lines} → {@code Line}). */
    static String typeName(FieldDefinition field) {
        String name = field.name();
        if (field.type() == FieldType.LIST) {
            if (name.endsWith("ies")) {
                name = name.substring(0, name.length() - 3) + "y";
            } else if (name.endsWith("sses") || name.endsWith("xes")) {
                name = name.substring(0, name.length() - 2);
            } else if (name.endsWith("s")) {
                name = name.substring(0, name.length() - 1);
            } else {
                name = name + "Item";
            }
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String javadoc(String indent, String description, Map<String, FieldDefinition> fields,
            SystemOfRecord owner) {
        StringBuilder doc = new StringBuilder(indent + "/**\n");
        doc.append(indent).append(" * ").append(oneLine(description)).append("\n").append(indent).append(" *\n");
        for (FieldDefinition field : fields.values()) {
            SystemOfRecord fieldOwner = field.owner() == null ? owner : field.owner();
            doc.append(indent).append(" * @param ").append(field.name()).append(" ")
                    .append(oneLine(field.description())).append(field.required() ? " Required." : "")
                    .append(fieldOwner == null ? "" : " Owner: " + fieldOwner + ".").append("\n");
        }
        return doc.append(indent).append(" */\n").toString();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ").replace("*/", "*&#47;");
    }
}
