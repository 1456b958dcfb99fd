package org.medhub.canonical.dictionary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every canonical entity the hub knows, read from {@code dictionary/*.yml} on the classpath. The
 * files are listed in {@code dictionary/entities.txt}: a folder inside a jar cannot be listed
 * reliably, and a test keeps the list and the folder in step.
 */
public final class DataDictionary {

    static final String FOLDER = "dictionary/";
    static final String INDEX = FOLDER + "entities.txt";

    private static final class Standard {
        static final DataDictionary INSTANCE = loadStandard();
    }

    private final Map<String, EntityDefinition> entities;

    private DataDictionary(Map<String, EntityDefinition> entities) {
        this.entities = Map.copyOf(entities);
    }

    /** The dictionary shipped with medhub. */
    public static DataDictionary standard() {
        return Standard.INSTANCE;
    }

    /**
     * Reads a dictionary from its files (file name to YAML bytes).
     *
     * @throws DictionaryException naming every problem in every file
     */
    public static DataDictionary read(Map<String, byte[]> files) {
        DictionaryReader reader = new DictionaryReader();
        Map<String, EntityDefinition> entities = new LinkedHashMap<>();
        files.forEach((file, yaml) -> {
            EntityDefinition entity = reader.read(file, yaml);
            if (entity != null) {
                entities.put(entity.name(), entity);
            }
        });
        reader.checkReferences(entities.keySet());
        if (!reader.problems().isEmpty()) {
            throw new DictionaryException(reader.problems());
        }
        return new DataDictionary(entities);
    }

    public Optional<EntityDefinition> entity(String name) {
        return Optional.ofNullable(entities.get(name));
    }

    /** The entities in name order. */
    public Collection<EntityDefinition> entities() {
        return entities.values().stream().sorted(java.util.Comparator.comparing(EntityDefinition::name)).toList();
    }

    private static DataDictionary loadStandard() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : index()) {
            files.put(FOLDER + name + ".yml", resource(FOLDER + name + ".yml"));
        }
        return read(files);
    }

    static List<String> index() {
        return new String(resource(INDEX), StandardCharsets.UTF_8).lines()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    private static byte[] resource(String name) {
        try (InputStream in = DataDictionary.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the data dictionary has no " + name + " on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
