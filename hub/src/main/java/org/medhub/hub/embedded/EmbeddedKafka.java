package org.medhub.hub.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.security.plain.PlainLoginModule;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.medhub.hub.secrets.SecretFile;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), inside this JVM,
 * keeping its log under the data directory so that topics and offsets survive a restart.
 */
final class EmbeddedKafka implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    /** The one user of the broker: the hub, and its own broker and controller talking to each other. */
    static final String USER = "medhub";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Map<String, Object> clientSettings;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, Map<String, Object> clientSettings) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.clientSettings = clientSettings;
    }

    /** @param passwordFile the password of {@link #USER}, generated there at first start */
    static EmbeddedKafka start(Path directory, Path passwordFile) {
        Path logs = directory.resolve("logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + logs, e);
        }
        LocalPorts ports = new LocalPorts(directory.resolve("ports.properties"));
        int brokerPort = ports.port("broker");
        int controllerPort = ports.port("controller");
        ports.save();
        // Every listener, the controller's too, asks for the password: no other local process may read the raw
        // records, or write to the canonical topics and the audit mirror.
        String password = SecretFile.readOrGenerate(passwordFile);
        String jaas = PlainLoginModule.class.getName() + " required username=\"" + USER + "\" password=\"" + password
                + "\" user_" + USER + "=\"" + password + "\";";

        Properties config = new Properties();
        config.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "BROKER://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "BROKER://127.0.0.1:" + brokerPort),
                Map.entry("listener.security.protocol.map", "BROKER:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT"),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "BROKER"),
                Map.entry("sasl.enabled.mechanisms", "PLAIN"),
                Map.entry("sasl.mechanism.inter.broker.protocol", "PLAIN"),
                Map.entry("sasl.mechanism.controller.protocol", "PLAIN"),
                Map.entry("listener.name.broker.plain.sasl.jaas.config", jaas),
                Map.entry("listener.name.controller.plain.sasl.jaas.config", jaas),
                Map.entry("log.dirs", logs.toString()),
                Map.entry("auto.create.topics.enable", "false"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "5"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024))));

        if (!Files.exists(logs.resolve("meta.properties"))) {
            format(logs);
        }
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
        server.startup();
        EmbeddedKafka kafka = new EmbeddedKafka(server, "127.0.0.1:" + brokerPort, Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + brokerPort,
                AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, "PLAIN",
                SaslConfigs.SASL_JAAS_CONFIG, PlainLoginModule.class.getName() + " required username=\"" + USER
                        + "\" password=\"" + password + "\";"));
        kafka.awaitReady();
        return kafka;
    }

    private static void format(Path logs) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .addDirectory(logs.toString())
                    .setMetadataLogDirectory(logs.toString())
                    .setControllerListenerName("CONTROLLER")
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the embedded Kafka log directory " + logs, e);
        }
    }

    private void awaitReady() {
        try (Admin admin = Admin.create(clientSettings)) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            close();
            throw new IllegalStateException("the embedded Kafka broker did not come up at " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the embedded Kafka broker", e);
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** What a client needs to reach this broker: where it is, and how to sign in. */
    Map<String, Object> clientSettings() {
        return clientSettings;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
