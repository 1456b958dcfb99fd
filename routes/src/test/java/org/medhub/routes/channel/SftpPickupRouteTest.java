package org.medhub.routes.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medhub.connectors.sftp.SftpPickup;
import org.medhub.connectors.transport.Secret;

/** Against a real SFTP server (Apache MINA SSHD on a free port), its files in a temporary folder. */
class SftpPickupRouteTest {

    private static final String PASSWORD = "sftp-test-password";

    @TempDir
    Path dir;

    private final ChannelTestSupport.Ingest ingest = new ChannelTestSupport.Ingest();
    private SshServer sftp;
    private CamelContext camel;
    private Path outbox;

    @BeforeEach
    void start() throws Exception {
        Path root = Files.createDirectories(dir.resolve("server"));
        outbox = Files.createDirectories(root.resolve("outbox"));
        sftp = SshServer.setUpDefaultServer();
        sftp.setHost("127.0.0.1");
        sftp.setPort(0);
        sftp.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(dir.resolve("host.key")));
        sftp.setPasswordAuthenticator((user, password, session) -> "medhub".equals(user) && PASSWORD.equals(password));
        sftp.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sftp.setFileSystemFactory(new VirtualFileSystemFactory(root));
        sftp.start();

        camel = new DefaultCamelContext();
        camel.addRoutes(new ChannelTestSupport.IngestErrors());
        camel.addRoutes(ingest);
        camel.addRoutes(new FilePickupRouteTemplates(
                ChannelTestSupport.deadLetters(ChannelTestSupport.producer(), new ChannelTestSupport.RecordingLedger())));
        camel.start();
        new ChannelRoutes(new ChannelTestSupport.MemoryCheckpoints(), null, null).add(camel, new InboundChannel("acme", "sftp",
                "batch-record", new SftpPickup("127.0.0.1", sftp.getPort(), "medhub", new Secret(PASSWORD), null, null, null,
                "outbox", null, 1000, Duration.ofMillis(200))));
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        sftp.stop(true);
    }

    @Test
    void picksUpAFileAndMovesItToDoneOnTheServer() throws Exception {
        Files.writeString(outbox.resolve("lot-1.json"), "{\"lot\":1}");

        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(outbox.resolve(".done/lot-1.json")));
        assertThat(ingest.received).containsExactly("acme/batch-record:{\"lot\":1}");
        assertThat(outbox.resolve("lot-1.json")).doesNotExist();
    }

    @Test
    void movesARefusedFileToFailedOnTheServerWithItsReason() throws Exception {
        ingest.verdict = body -> ChannelTestSupport.invalid("gtin");
        Files.writeString(outbox.resolve("lot-2.json"), "{\"lot\":2}");

        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(outbox.resolve(".failed/lot-2.json")));
        assertThat(Files.readString(outbox.resolve(".failed/lot-2.json.reason.txt")))
                .contains("invalid-record").contains("gtin: gtin is required [required]");
    }

    @Test
    void refusesAnOversizedFileUnread() throws Exception {
        Files.write(outbox.resolve("big.json"), new byte[1001]);

        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(outbox.resolve(".failed/big.json")));
        assertThat(Files.readString(outbox.resolve(".failed/big.json.reason.txt"))).contains("file-too-large");
        assertThat(ingest.received).isEmpty();
    }
}
