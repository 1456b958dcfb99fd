package org.medhub.routes.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.producer.MockProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medhub.connectors.file.FileDrop;

class FileDropRouteTest {

    @TempDir
    Path dir;

    private final ChannelTestSupport.Ingest ingest = new ChannelTestSupport.Ingest();
    private final ChannelTestSupport.RecordingLedger ledger = new ChannelTestSupport.RecordingLedger();
    private final MockProducer<String, byte[]> kafka = ChannelTestSupport.producer();
    private CamelContext camel;
    private Path folder;

    @BeforeEach
    void start() throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new ChannelTestSupport.IngestErrors());
        camel.addRoutes(ingest);
        camel.addRoutes(new FilePickupRouteTemplates(ChannelTestSupport.deadLetters(kafka, ledger)));
        camel.start();
        folder = dir.resolve("drop/acme");
        new ChannelRoutes(new ChannelTestSupport.MemoryCheckpoints(), null, null).add(camel,
                new InboundChannel("acme", "drop", "batch-record", new FileDrop(folder, ".*\\.json", 100, Duration.ofMillis(100))));
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    @Test
    void createsTheFolderAndMovesAnAcceptedFileToDone() throws Exception {
        assertThat(folder).isDirectory();
        Files.writeString(folder.resolve("lot-1.json"), "{\"lot\":1}");

        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(folder.resolve(".done/lot-1.json")));
        assertThat(ingest.received).containsExactly("acme/batch-record:{\"lot\":1}");
        assertThat(folder.resolve("lot-1.json")).doesNotExist();
        assertThat(folder.resolve(".failed")).doesNotExist();
    }

    @Test
    void keepsARefusedFileAsideWithTheReasonAndEveryViolation() throws Exception {
        ingest.verdict = body -> ChannelTestSupport.invalid("lot");
        Files.writeString(folder.resolve("lot-2.json"), "{\"nolot\":2}");

        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(folder.resolve(".failed/lot-2.json")));
        String reason = Files.readString(folder.resolve(".failed/lot-2.json.reason.txt"));
        assertThat(reason).contains("lot-2.json was refused: invalid-record").contains("stage: MAPPED")
                .contains("breaks 1 rule(s)").contains("lot: lot is required [required]").contains("rejected-id");
        assertThat(folder.resolve(".done")).doesNotExist();
    }

    @Test
    void refusesAFileLargerThanTheLimitWithoutReadingIt() throws Exception {
        Files.write(folder.resolve("big.json"), new byte[101]);

        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(folder.resolve(".failed/big.json.reason.txt")));
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(folder.resolve(".failed/big.json")));
        assertThat(Files.readString(folder.resolve(".failed/big.json.reason.txt"))).contains("file-too-large")
                .contains("101 bytes, larger than the channel's limit of 100 bytes");
        assertThat(ingest.received).isEmpty();
        assertThat(ledger.rejected).singleElement().asString().contains("acme/batch-record RECEIVED").contains("101 bytes");
        assertThat(kafka.history()).singleElement().satisfies(letter -> {
            assertThat(letter.topic()).isEqualTo("medhub.dlq");
            assertThat(new String(letter.value(), StandardCharsets.UTF_8)).contains("\"bytesKept\":\"NOT_KEPT\"")
                    .contains("101 bytes");
        });
    }

    @Test
    void leavesAFileInPlaceWhenTheHubCannotStoreItAndTakesItLater() throws Exception {
        ingest.verdict = body -> new IllegalStateException("Kafka is down");
        Files.writeString(folder.resolve("lot-3.json"), "{\"lot\":3}");

        await().atMost(Duration.ofSeconds(10)).until(() -> ingest.received.size() >= 2);
        assertThat(folder.resolve("lot-3.json")).exists();
        assertThat(folder.resolve(".failed")).doesNotExist();

        ingest.verdict = body -> null;
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(folder.resolve(".done/lot-3.json")));
    }

    @Test
    void ignoresFilesItIsNotToTakeAndFilesStillBeingWritten() throws Exception {
        Files.writeString(folder.resolve("notes.txt"), "not a record");
        Files.writeString(folder.resolve("lot-4.json.part"), "{\"lot\":");
        Path growing = folder.resolve("lot-5.json");
        Files.writeString(growing, "{\"lot\":5}");

        // while the writer keeps appending, the read lock does not let the file be taken
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Files.writeString(growing, " ", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
                    return Files.exists(growing) && ingest.received.isEmpty();
                });

        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(folder.resolve(".done/lot-5.json")));
        assertThat(ingest.received).singleElement().asString().startsWith("acme/batch-record:{\"lot\":5}");
        assertThat(folder.resolve("notes.txt")).exists();
        assertThat(folder.resolve("lot-4.json.part")).exists();
    }
}
