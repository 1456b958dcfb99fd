package org.medhub.hub.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;

/** The engines this process started for itself; closed after everything that uses them has stopped. */
public final class EmbeddedEngines implements AutoCloseable {

    private final Log log;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final Map<String, Object> properties = new java.util.LinkedHashMap<>();

    /** @param log written once logging is set up: the engines start before it is */
    EmbeddedEngines(Log log) {
        this.log = log;
    }

    /** Starts both engines under {@code dataDir}, as {@code medhub run} does, for tools that need them alone. */
    public static EmbeddedEngines start(Path dataDir, Log log) {
        EmbeddedEngines engines = new EmbeddedEngines(log);
        try {
            engines.startPostgresql(dataDir.resolve("postgresql"));
            engines.startKafka(dataDir.resolve("kafka"));
            return engines;
        } catch (RuntimeException e) {
            engines.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return (String) properties.get("spring.kafka.bootstrap-servers");
    }

    public String jdbcUrl() {
        return (String) properties.get("spring.datasource.url");
    }

    void startKafka(Path directory) {
        EmbeddedKafka kafka = EmbeddedKafka.start(directory);
        running.add(kafka);
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        log.info("Embedded Kafka broker (KRaft) at " + kafka.bootstrapServers() + ", its log in " + directory);
    }

    void startPostgresql(Path directory) {
        EmbeddedPostgresql postgres = EmbeddedPostgresql.start(directory);
        running.add(postgres);
        properties.put("spring.datasource.url", postgres.jdbcUrl());
        properties.put("spring.datasource.username", EmbeddedPostgresql.USER);
        log.info("Embedded PostgreSQL at " + postgres.jdbcUrl() + ", its cluster in " + directory);
    }

    /** Where the started engines are, as Spring properties. */
    Map<String, Object> properties() {
        return properties;
    }

    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                log.warn("An embedded engine did not stop cleanly", e);
            }
        }
        running.clear();
    }
}
