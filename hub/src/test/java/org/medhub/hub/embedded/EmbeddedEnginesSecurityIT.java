package org.medhub.hub.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.config.SaslConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.medhub.hub.MedhubApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The hub as {@code ./medhub run} starts it keeps its engines to itself: the data directory is the hub user's
 * alone, PostgreSQL and Kafka ask for passwords generated at first start, the simulators' admin API is closed, the
 * console never shows a secret, and a refused record is one line of the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedEnginesSecurityIT {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void keepsTheEnginesAndTheSecretsToTheHubsOwnUser(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext hub = MedhubApplication.start(arguments())) {
            String adminPassword = read("admin.password");
            assertThat(output.getAll()).as("the console says where the admin password is, not what")
                    .doesNotContain(adminPassword).contains(dataDir.resolve("data/secrets/admin.password").toString());
            assertThat(permissions("")).isEqualTo("rwx------");
            assertThat(permissions("secrets")).isEqualTo("rwx------");
            assertThat(permissions("secrets/postgresql.password")).isEqualTo("rw-------");

            String jdbc = hub.getEnvironment().getRequiredProperty("spring.datasource.url");
            assertThatThrownBy(() -> DriverManager.getConnection(jdbc, "postgres", null).close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(jdbc, "postgres", "guessed").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            DriverManager.getConnection(jdbc, "postgres", read("postgresql.password")).close();

            String bootstrap = hub.getEnvironment().getRequiredProperty("spring.kafka.bootstrap-servers");
            assertThat(describeCluster(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)))
                    .as("a client that does not sign in").isFalse();
            assertThat(describeCluster(sasl(bootstrap, "guessed"))).as("a wrong password").isFalse();
            assertThat(describeCluster(sasl(bootstrap, read("kafka.password")))).as("the hub's password").isTrue();

            Matcher simulator = Pattern.compile("Simulated ERP listening on (http://127\\.0\\.0\\.1:\\d+)").matcher(output.getAll());
            assertThat(simulator.find()).as("the sample configuration starts the simulated ERP").isTrue();
            HttpResponse<String> admin = http.send(HttpRequest.newBuilder(URI.create(simulator.group(1) + "/__admin/mappings"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(admin.statusCode()).as("the simulator's admin API").isEqualTo(401);

            int port = hub.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/inbound/acme-factory/batch-record"))
                    .header("Authorization", basic("acme-factory", read("acme-factory.secret")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"recordId\": \"R-LOG\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(422);
            String messageId = refused.body().replaceAll(".*\"messageId\":\"([0-9a-f]+)\".*", "$1");
            assertThat(output.getAll().lines().filter(line -> line.contains(messageId)))
                    .as("a refusal is one WARN line with its message id").singleElement().asString().contains(" WARN ");
            assertThat(output.getAll()).as("no stack trace for a refusal").doesNotContain("RecordRejectedException");
        }
    }

    @Test
    void makesAClusterAnEarlierVersionLeftTrustingAskForThePassword() throws Exception {
        Path cluster = dataDir.resolve("data/postgresql/cluster");
        Files.createDirectories(cluster);
        EmbeddedPostgres.builder().setDataDirectory(cluster).setCleanDataDirectory(false).start().close();
        assertThat(Files.readString(cluster.resolve("pg_hba.conf"))).contains("trust");

        try (ConfigurableApplicationContext hub = MedhubApplication.start(arguments())) {
            String jdbc = hub.getEnvironment().getRequiredProperty("spring.datasource.url");
            assertThatThrownBy(() -> DriverManager.getConnection(jdbc, "postgres", null).close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
            DriverManager.getConnection(jdbc, "postgres", read("postgresql.password")).close();
        }
    }

    private String[] arguments() {
        return new String[] {
            "--spring.config.additional-location=optional:file:" + REPOSITORY.resolve("config") + "/",
            "--medhub.config-dir=" + REPOSITORY.resolve("config"),
            "--medhub.data-dir=" + dataDir.resolve("data"),
            "--server.port=0"
        };
    }

    private String read(String secret) throws Exception {
        return Files.readString(dataDir.resolve("data/secrets").resolve(secret), StandardCharsets.UTF_8).strip();
    }

    private String permissions(String inDataDir) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("data").resolve(inDataDir)));
    }

    private static Map<String, Object> sasl(String bootstrap, String password) {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, "PLAIN",
                SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required"
                        + " username=\"medhub\" password=\"" + password + "\";");
    }

    /** Whether a client with these settings gets an answer from the broker within a few seconds. */
    private static boolean describeCluster(Map<String, Object> settings) throws InterruptedException {
        try (Admin admin = Admin.create(settings)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000)).clusterId().get();
            return true;
        } catch (ExecutionException e) {
            return false;
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
