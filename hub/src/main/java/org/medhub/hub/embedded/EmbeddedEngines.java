package org.medhub.hub.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.medhub.hub.secrets.SecretFile;

/** The engines this process started for itself; closed after everything that uses them has stopped. */
public final class EmbeddedEngines implements AutoCloseable {

    private final Log log;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final Map<String, Object> properties = new java.util.LinkedHashMap<>();
    private Map<String, Object> kafkaClientSettings = Map.of();

    /** @param log written once logging is set up: the engines start before it is */
    EmbeddedEngines(Log log) {
        this.log = log;
    }

    /** Starts both engines under {@code dataDir}, as {@code medhub run} does, for tools that need them alone. */
    public static EmbeddedEngines start(Path dataDir, Log log) {
        EmbeddedEngines engines = new EmbeddedEngines(log);
        try {
            engines.startPostgresql(dataDir);
            engines.startKafka(dataDir);
            return engines;
        } catch (RuntimeException e) {
            engines.close();
            throw e;
        }
    }

    /** What a Kafka client of a tool needs to reach the embedded broker, password included. */
    public Map<String, Object> kafkaClientSettings() {
        return kafkaClientSettings;
    }

    /** Under {@code dataDir}: the broker's log in {@code kafka/}, the hub's password in {@code secrets/}. */
    void startKafka(Path dataDir) {
        SecretFile.ownerOnlyDirectory(dataDir);
        Path directory = dataDir.resolve("kafka");
        EmbeddedKafka kafka = EmbeddedKafka.start(directory, dataDir.resolve("secrets").resolve("kafka.password"));
        running.add(kafka);
        kafkaClientSettings = kafka.clientSettings();
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        properties.put("spring.kafka.security.protocol", kafka.clientSettings().get(AdminClientConfig.SECURITY_PROTOCOL_CONFIG));
        properties.put("spring.kafka.properties.sasl.mechanism", kafka.clientSettings().get(SaslConfigs.SASL_MECHANISM));
        properties.put("spring.kafka.properties.sasl.jaas.config", kafka.clientSettings().get(SaslConfigs.SASL_JAAS_CONFIG));
        log.info("Embedded Kafka broker (KRaft) at " + kafka.bootstrapServers() + ", its log in " + directory
                + "; clients sign in as '" + EmbeddedKafka.USER + "'");
    }

    /** Under {@code dataDir}: the cluster in {@code postgresql/}, the superuser's password in {@code secrets/}. */
    void startPostgresql(Path dataDir) {
        SecretFile.ownerOnlyDirectory(dataDir);
        Path directory = dataDir.resolve("postgresql");
        EmbeddedPostgresql postgres = EmbeddedPostgresql.start(directory,
                dataDir.resolve("secrets").resolve("postgresql.password"));
        running.add(postgres);
        properties.put("spring.datasource.url", postgres.jdbcUrl());
        properties.put("spring.datasource.username", EmbeddedPostgresql.USER);
        properties.put("spring.datasource.password", postgres.password());
        // for config/cdc/legacy-erp.yml, which reads the sample legacy ERP database beside the hub's own
        properties.put("medhub.embedded.postgresql.port", postgres.port());
        properties.put("medhub.embedded.legacy-erp", true);
        log.info("Embedded PostgreSQL at " + postgres.jdbcUrl() + ", its cluster in " + directory
                + "; it asks for the password in " + dataDir.resolve("secrets").resolve("postgresql.password"));
    }

    /** Where the started engines are and how to sign in to them, as command-line arguments of a hub. */
    public java.util.List<String> arguments() {
        return properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toList();
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
