package org.medhub.canonical.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.medhub.canonical.dictionary.EntityDefinition;

/** Brings a record of any earlier schema version of its entity up to the current one, one version at a time. */
public final class Upcasters {

    private static final Upcasters STANDARD = new Upcasters(List.of(new BatchV1ToV2()));

    private final Map<String, Upcaster> byEntityAndVersion;

    Upcasters(List<Upcaster> upcasters) {
        this.byEntityAndVersion = upcasters.stream()
                .collect(Collectors.toMap(u -> u.entity() + "@" + u.fromVersion(), Function.identity()));
    }

    public static Upcasters standard() {
        return STANDARD;
    }

    /**
     * The record as the current version of {@code entity} defines it.
     *
     * @throws IllegalArgumentException when the version is newer than the dictionary's, or no upcaster
     *     bridges a version on the way
     */
    public ObjectNode toCurrent(EntityDefinition entity, int version, JsonNode record) {
        if (version > entity.version()) {
            throw new IllegalArgumentException(entity.name() + " version " + version
                    + " is newer than this hub's dictionary (version " + entity.version() + "): upgrade the hub");
        }
        ObjectNode current = record.deepCopy();
        for (int v = version; v < entity.version(); v++) {
            Upcaster upcaster = byEntityAndVersion.get(entity.name() + "@" + v);
            if (upcaster == null) {
                throw new IllegalArgumentException("no upcaster reads " + entity.name() + " version " + v
                        + " as version " + (v + 1));
            }
            current = upcaster.upcast(current);
        }
        return current;
    }
}
