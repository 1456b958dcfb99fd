package org.medhub.routes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The canonical records the hub already knows, for a {@code lookup} rule: "the GTIN of the Product whose
 * materialNumber is X". The hub answers from its database; the command line and tests from memory.
 */
@FunctionalInterface
public interface CanonicalLookup {

    /** The record of {@code entity} whose {@code field} (a dotted path) equals {@code value}, if there is one. */
    Optional<JsonNode> find(String entity, String field, String value);

    /**
     * The hub could not answer a lookup (its database is away): the document is not at fault, and mapping it
     * again later will do. Every other failure while mapping is the document's.
     */
    class UnavailableException extends RuntimeException {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A lookup that knows no record: every lookup rule fails with a violation. */
    static CanonicalLookup none() {
        return (entity, field, value) -> Optional.empty();
    }
}
