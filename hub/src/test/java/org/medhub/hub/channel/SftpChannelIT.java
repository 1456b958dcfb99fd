package org.medhub.hub.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.medhub.hub.HubIntegrationTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A partner whose files the hub picks up from the partner's own SFTP server (Apache MINA SSHD on a
 * free port). Processed and refused files are moved aside on that server.
 */
@ExtendWith(OutputCaptureExtension.class)
class SftpChannelIT extends HubIntegrationTest {

    private static final String PARTNER = "sftp-factory";
    private static final String SFTP_PASSWORD = "sftp-it-Pa55word";

    @TempDir
    Path dir;

    private SshServer sftp;
    private Path outbox;

    @BeforeEach
    void startServerAndAddPartner() throws Exception {
        erp.stubFor(post("/erp/batches").willReturn(aResponse().withStatus(201)));
        Path root = Files.createDirectories(dir.resolve("server"));
        outbox = Files.createDirectories(root.resolve("to-medhub"));
        sftp = SshServer.setUpDefaultServer();
        sftp.setHost("127.0.0.1");
        sftp.setPort(0);
        sftp.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(dir.resolve("host.key")));
        sftp.setPasswordAuthenticator((user, password, session) -> "medhub".equals(user) && SFTP_PASSWORD.equals(password));
        sftp.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sftp.setFileSystemFactory(new VirtualFileSystemFactory(root));
        sftp.start();

        // the password is referenced, never written in the partner file
        Path secret = Path.of(DATA_DIR_FOR_TESTS, "secrets", PARTNER + ".sftp");
        Files.createDirectories(secret.getParent());
        Files.writeString(secret, SFTP_PASSWORD + "\n");
        writePartnerFile(PARTNER, batchPartner(PARTNER, """
                channels:
                  sftp:
                    type: sftp
                    messageType: batch-record
                    host: 127.0.0.1
                    port: %d
                    username: medhub
                    password: file:secrets/%s.sftp
                    directory: to-medhub
                    pollInterval: 200ms
                """.formatted(sftp.getPort(), PARTNER)));
        var reload = reloadPartners();
        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
    }

    @AfterEach
    void removePartnerAndStopServer() throws Exception {
        removePartnerFile(PARTNER);
        assertThat(reloadPartners().statusCode()).isEqualTo(200);
        sftp.stop(true);
    }

    @Test
    void picksUpAFileFromThePartnersServerAndMovesItToDoneThere(CapturedOutput output) throws Exception {
        Files.writeString(outbox.resolve("lot-s1.json"), acmeBatch("SFTP-1", "LOT-SFTP-1"));

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(outbox.resolve(".done/lot-s1.json")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode messages = json(get("/api/messages?businessKey=01/09506000134352/10/LOT-SFTP-1",
                    "admin", ADMIN_PASSWORD)).get("messages");
            assertThat(messages.findValuesAsText("partner")).containsExactly(PARTNER);
            assertThat(messages.valueStream().map(m -> m.get("status").asText()).toList()).containsExactly("DELIVERED");
        });
        assertThat(outbox.resolve("lot-s1.json")).doesNotExist();
        assertThat(output.getAll()).as("the SFTP password is never logged").doesNotContain(SFTP_PASSWORD);
    }

    @Test
    void movesARefusedFileToFailedOnThePartnersServerWithItsReason() throws Exception {
        Files.writeString(outbox.resolve("no-lot.json"), """
                {"recordId": "SFTP-BAD", "product": {"gtin": "09506000134352", "itemCode": "M1"}, "state": "生产中"}""");

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(outbox.resolve(".failed/no-lot.json")));
        assertThat(Files.readString(outbox.resolve(".failed/no-lot.json.reason.txt")))
                .contains("invalid-record").contains("lot: ").contains("[required]");
        assertThat(outbox.resolve(".done")).doesNotExist();
    }
}
