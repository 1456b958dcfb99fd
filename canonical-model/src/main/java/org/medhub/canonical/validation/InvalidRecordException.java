package org.medhub.canonical.validation;

import java.util.List;

/** A record broke one or more rules of the data dictionary; every violation is listed, not only the first. */
public class InvalidRecordException extends RuntimeException {

    private final String entity;
    private final List<Violation> violations;

    public InvalidRecordException(String entity, List<Violation> violations) {
        super(entity + " is invalid: " + violations);
        this.entity = entity;
        this.violations = List.copyOf(violations);
    }

    public String entity() {
        return entity;
    }

    public List<Violation> violations() {
        return violations;
    }
}
