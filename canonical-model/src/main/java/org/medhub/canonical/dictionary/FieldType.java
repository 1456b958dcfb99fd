package org.medhub.canonical.dictionary;

import java.util.Arrays;
import java.util.Optional;

/** The types a dictionary field can have, by the name they have in the YAML files. */
public enum FieldType {
    STRING("string"),
    TEXT("text"),
    INTEGER("integer"),
    DECIMAL("decimal"),
    BOOLEAN("boolean"),
    DATE("date"),
    DATE_TIME("dateTime"),
    ENUM("enum"),
    QUANTITY("quantity"),
    MONEY("money"),
    REFERENCE("reference"),
    OBJECT("object"),
    LIST("list");

    private final String yamlName;

    FieldType(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public boolean isScalar() {
        return this != OBJECT && this != LIST && this != QUANTITY && this != MONEY;
    }

    public static Optional<FieldType> of(String yamlName) {
        return Arrays.stream(values()).filter(t -> t.yamlName.equals(yamlName)).findFirst();
    }
}
