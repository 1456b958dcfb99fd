package org.medhub.canonical.dictionary;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.medhub.canonical.batch.Batch;

/** Every canonical entity the hub knows, by name. */
public final class DataDictionary {

    public static final Entity<Batch> BATCH = new Entity<>(
            Batch.ENTITY, Batch.SCHEMA_VERSION, "batch", Batch.class, Batch::businessKey, Batch::violations);

    private static final Map<String, Entity<?>> ENTITIES = Map.of(BATCH.name(), BATCH);

    private DataDictionary() {}

    public static Optional<Entity<?>> entity(String name) {
        return Optional.ofNullable(ENTITIES.get(name));
    }

    public static Collection<Entity<?>> entities() {
        return ENTITIES.values();
    }
}
