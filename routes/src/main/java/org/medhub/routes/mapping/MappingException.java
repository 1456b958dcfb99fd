package org.medhub.routes.mapping;

import java.util.List;
import org.medhub.canonical.validation.Violation;

/** A source record could not be mapped: it is not well-formed, or a rule found no usable value. */
public class MappingException extends RuntimeException {

    private final List<Violation> violations;

    public MappingException(String message, List<Violation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    public MappingException(String message) {
        this(message, List.of());
    }

    public List<Violation> violations() {
        return violations;
    }
}
