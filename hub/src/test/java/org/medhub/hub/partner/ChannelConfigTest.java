package org.medhub.hub.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medhub.connectors.file.FileDrop;
import org.medhub.connectors.poll.PartnerApi;
import org.medhub.connectors.sftp.SftpPickup;

/** The {@code channels:} section of a partner file: read when right, every problem named with file, key and rule. */
class ChannelConfigTest {

    private static final String PARTNER = """
            id: acme
            kind: CONTRACT_MANUFACTURER
            credential: env:ACME_SECRET
            inbound:
              batch-record:
                format: json
                mapping: { id: m, version: 1, entity: Batch, fields: { gtin: $.gtin, lot: $.lot } }
            """;

    @TempDir
    Path dir;

    private final Map<String, String> environment = Map.of("ACME_SECRET", "s3cret", "ACME_SFTP_PASSWORD", "sftp-pw",
            "ACME_API_TOKEN", "api-token");

    private PartnerFileReader reader() {
        return new PartnerFileReader(s -> s, new CredentialStore(dir.resolve("data"), environment::get, false),
                Set.of("erp-delivery"), url -> URI.create("http://127.0.0.1:1/"), 65536);
    }

    @Test
    void readsEveryKindOfChannelWithItsDefaults() throws Exception {
        write("acme.yml", PARTNER + """
                channels:
                  drop:
                    type: file
                    messageType: batch-record
                    folder: inbox/acme
                  sftp:
                    type: sftp
                    messageType: batch-record
                    host: sftp.acme.example.com
                    username: medhub
                    password: env:ACME_SFTP_PASSWORD
                    directory: outbound/batches/
                    include: ".*\\\\.json"
                    maxFileSize: 2MB
                    pollInterval: 30s
                  api:
                    type: poll
                    messageType: batch-record
                    url: https://api.acme.example.com/v1/batches?plant=SZ
                    interval: 5m
                    auth: { bearer: env:ACME_API_TOKEN }
                    checkpoint: { param: after, from: $.page.next }
                """);

        PartnerRegistry registry = PartnerRegistry.load(dir, reader());

        assertThat(registry.channels("acme")).hasSize(3);
        FileDrop drop = (FileDrop) registry.channels("acme").get(0).pickup();
        assertThat(drop.folder()).isEqualTo(dir.resolve("data/inbox/acme"));
        assertThat(drop.maxFileBytes()).isEqualTo(65536);
        assertThat(drop.pollInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(registry.channels("acme").get(0).routeId()).isEqualTo("channel-acme-drop");
        SftpPickup sftp = (SftpPickup) registry.channels("acme").get(1).pickup();
        assertThat(sftp.port()).isEqualTo(22);
        assertThat(sftp.password().reveal()).isEqualTo("sftp-pw");
        assertThat(sftp.toString()).doesNotContain("sftp-pw");
        assertThat(sftp.directory()).isEqualTo("outbound/batches");
        assertThat(sftp.include()).isEqualTo(".*\\.json");
        assertThat(sftp.maxFileBytes()).isEqualTo(2 * 1024 * 1024);
        PartnerApi api = (PartnerApi) registry.channels("acme").get(2).pickup();
        assertThat(api.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(api.checkpointParam()).isEqualTo("after");
        assertThat(api.checkpointFrom()).isEqualTo("$.page.next");
        assertThat(api.recordsPath()).isEqualTo("$.records");
        assertThat(api.toString()).doesNotContain("api-token");
    }

    @Test
    void namesEveryChannelProblemWithFileKeyAndRule() throws Exception {
        Path file = write("acme.yml", PARTNER + """
                channels:
                  Drop:
                    type: folder
                  drop:
                    type: file
                    messageType: shipment-notice
                    include: "*.json"
                    maxFileSize: huge
                    pollInterval: often
                    colour: blue
                  sftp:
                    type: sftp
                    messageType: batch-record
                    port: 70000
                    password: hunter2
                    directory: ../etc
                  api:
                    type: poll
                    messageType: batch-record
                    url: ftp://api.acme.example.com/batches
                    records: records
                    auth: { bearer: env:NOT_SET }
                    checkpoint: { from: $.next, fromRecord: $.updatedAt }
                """);

        PartnerConfigException failure = catchThrowableOfType(PartnerConfigException.class,
                () -> PartnerRegistry.load(dir, reader()));

        assertThat(failure.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(file.toString()));
        assertThat(failure.problems()).extracting(ConfigProblem::key, ConfigProblem::rule).containsExactlyInAnyOrder(
                tuple("channels.Drop", "id-format"),
                tuple("channels.Drop.type", "enum"),
                tuple("channels.Drop.messageType", "required"),
                tuple("channels.drop.messageType", "message-type"),
                tuple("channels.drop.folder", "required"),
                tuple("channels.drop.include", "regex"),
                tuple("channels.drop.maxFileSize", "data-size"),
                tuple("channels.drop.pollInterval", "duration"),
                tuple("channels.drop.colour", "unknown-key"),
                tuple("channels.sftp.host", "required"),
                tuple("channels.sftp.username", "required"),
                tuple("channels.sftp.port", "integer"),
                tuple("channels.sftp.password", "credential-reference"),
                tuple("channels.sftp.directory", "relative-path"),
                tuple("channels.api.url", "http-url"),
                tuple("channels.api.records", "jsonpath"),
                tuple("channels.api.auth.bearer", "credential-reference"),
                tuple("channels.api.checkpoint", "checkpoint-source"));
        assertThat(failure.getMessage()).doesNotContain("hunter2");
    }

    @Test
    void refusesAnSftpChannelWithoutOrWithBothCredentialsAndAPollWithoutCheckpoint() throws Exception {
        write("acme.yml", PARTNER + """
                channels:
                  none:
                    type: sftp
                    messageType: batch-record
                    host: h
                    username: u
                  both:
                    type: sftp
                    messageType: batch-record
                    host: h
                    username: u
                    password: env:ACME_SFTP_PASSWORD
                    privateKey: file:keys/missing
                  api:
                    type: poll
                    messageType: batch-record
                    url: https://api.example.com/
                """);

        PartnerConfigException failure = catchThrowableOfType(PartnerConfigException.class,
                () -> PartnerRegistry.load(dir, reader()));

        assertThat(failure.problems()).extracting(ConfigProblem::key, ConfigProblem::rule).containsExactlyInAnyOrder(
                tuple("channels.none", "sftp-credential"),
                tuple("channels.both", "sftp-credential"),
                tuple("channels.both.privateKey", "credential-reference"),
                tuple("channels.api.checkpoint", "required"));
    }

    @Test
    void refusesTwoChannelsWatchingOneFolderAcrossFiles() throws Exception {
        write("acme.yml", PARTNER + """
                channels:
                  drop: { type: file, messageType: batch-record, folder: inbox/shared }
                """);
        Path beta = write("beta.yml", PARTNER.replace("id: acme", "id: beta") + """
                channels:
                  drop: { type: file, messageType: batch-record, folder: inbox/shared/ }
                """);

        PartnerConfigException failure = catchThrowableOfType(PartnerConfigException.class,
                () -> PartnerRegistry.load(dir, reader()));

        assertThat(failure.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(beta.toString());
            assertThat(p.key()).isEqualTo("channels.drop.folder");
            assertThat(p.rule()).isEqualTo("folder-unique");
            assertThat(p.message()).contains("acme channel drop");
        });
    }

    @Test
    void tellsAChangedPartnerFromAnUnchangedOne() throws Exception {
        write("acme.yml", PARTNER);
        write("beta.yml", PARTNER.replace("id: acme", "id: beta"));
        PartnerRegistry before = PartnerRegistry.load(dir, reader());
        write("acme.yml", PARTNER + """
                channels:
                  drop: { type: file, messageType: batch-record, folder: inbox/acme }
                """);
        Files.delete(dir.resolve("beta.yml"));
        write("gamma.yml", PARTNER.replace("id: acme", "id: gamma"));

        PartnerChanges changes = before.changesTo(PartnerRegistry.load(dir, reader()));

        assertThat(changes.changed()).containsExactly("acme");
        assertThat(changes.removed()).containsExactly("beta");
        assertThat(changes.added()).containsExactly("gamma");
        assertThat(before.changesTo(before).unchanged()).containsExactly("acme", "beta");
    }

    private Path write(String name, String yaml) throws Exception {
        return Files.writeString(dir.resolve(name), yaml);
    }
}
