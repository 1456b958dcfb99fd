package org.medhub.canonical.evolution;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a record of one schema version of an entity as the next version. Written when a change is
 * not compatible (see the module README), so that records already on topics and in replays stay
 * readable.
 */
public interface Upcaster {

    String entity();

    /** The version this upcaster reads; it writes {@code fromVersion() + 1}. */
    int fromVersion();

    /** The record in the next version; {@code record} is a copy the upcaster may change. */
    ObjectNode upcast(ObjectNode record);
}
