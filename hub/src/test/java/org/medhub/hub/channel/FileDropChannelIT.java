package org.medhub.hub.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medhub.hub.HubIntegrationTest;

/** A partner that drops files in a folder: each file becomes a message, and the file is moved aside. */
class FileDropChannelIT extends HubIntegrationTest {

    private static final String PARTNER = "drop-factory";

    @TempDir
    Path dir;

    private Path folder;

    @BeforeEach
    void addPartnerWithAFolder() {
        erp.stubFor(post("/erp/batches").willReturn(aResponse().withStatus(201)));
        folder = dir.resolve("inbox");
        writePartnerFile(PARTNER, batchPartner(PARTNER, """
                channels:
                  drop:
                    type: file
                    messageType: batch-record
                    folder: %s
                    include: ".*\\\\.json"
                    maxFileSize: 4KB
                    pollInterval: 200ms
                """.formatted(folder)));
        var reload = reloadPartners();
        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
        assertThat(folder).as("the folder is created").isDirectory();
    }

    @AfterEach
    void removePartner() {
        removePartnerFile(PARTNER);
        assertThat(reloadPartners().statusCode()).isEqualTo(200);
    }

    @Test
    void turnsEachDroppedFileIntoACanonicalMessageAndMovesItToDone() throws Exception {
        Files.writeString(folder.resolve("lot-d1.json"), acmeBatch("DROP-1", "LOT-DROP-1"));
        Files.writeString(folder.resolve("lot-d2.json"), acmeBatch("DROP-2", "LOT-DROP-2"));

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(folder.resolve(".done/lot-d1.json"))
                && Files.exists(folder.resolve(".done/lot-d2.json")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode messages = json(get("/api/messages?status=DELIVERED&partner=" + PARTNER, "admin", ADMIN_PASSWORD))
                    .get("messages");
            assertThat(messages.findValuesAsText("businessKey")).contains(
                    "01/09506000134352/10/LOT-DROP-1", "01/09506000134352/10/LOT-DROP-2");
        });
        assertThat(folder.resolve("lot-d1.json")).doesNotExist();
        assertThat(folder.resolve(".failed")).doesNotExist();
    }

    @Test
    void keepsABadFileAsideWithEveryReasonAndRecordsItInTheLedger() throws Exception {
        Files.writeString(folder.resolve("bad.json"), """
                {"recordId": "DROP-BAD", "product": {"gtin": "09506000134353", "itemCode": "M1"}, "state": "放行",
                 "mfgDate": "2026-11-18", "expDate": "2026-01-01"}""");

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(folder.resolve(".failed/bad.json")));
        String reason = Files.readString(folder.resolve(".failed/bad.json.reason.txt"));
        assertThat(reason).contains("bad.json was refused: invalid-record").contains("stage: MAPPED")
                .contains("[gtin]").contains("[not-before]").contains("[required]");
        String messageId = reason.lines().filter(l -> l.startsWith("messageId: ")).findFirst().orElseThrow()
                .substring("messageId: ".length());
        JsonNode ledger = message(messageId);
        assertThat(ledger.get("status").asText()).isEqualTo("FAILED");
        assertThat(ledger.get("raw").get("topic").asText()).isEqualTo("medhub.raw." + PARTNER);
        assertThat(folder.resolve(".done")).doesNotExist();
    }

    @Test
    void movesAFileThatHoldsNoRecordToFailedOnceInsteadOfTryingItAgain() throws Exception {
        Files.writeString(folder.resolve("null.json"), "null");

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(folder.resolve(".failed/null.json")));
        String reason = Files.readString(folder.resolve(".failed/null.json.reason.txt"));
        assertThat(reason).contains("malformed-record").contains("the document is null");
        String messageId = reason.lines().filter(l -> l.startsWith("messageId: ")).findFirst().orElseThrow()
                .substring("messageId: ".length());
        JsonNode ledger = message(messageId);
        assertThat(ledger.get("status").asText()).isEqualTo("FAILED");
        assertThat(ledger.get("duplicates").asInt()).as("taken once, not again and again").isZero();
        assertThat(deadLetter(messageId)).isNotNull();
        assertThat(folder.resolve(".done")).doesNotExist();
        assertStillDelivers();
    }

    @Test
    void refusesAFileOverTheLimitUnreadAndKeepsItWithItsReason() throws Exception {
        Files.writeString(folder.resolve("huge.json"), " ".repeat(5000) + acmeBatch("DROP-HUGE", "LOT-HUGE"));

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(folder.resolve(".failed/huge.json")));
        assertThat(Files.readString(folder.resolve(".failed/huge.json.reason.txt")))
                .contains("file-too-large").contains("larger than the channel's limit of 4096 bytes");
        JsonNode failed = json(get("/api/messages?status=FAILED&partner=" + PARTNER, "admin", ADMIN_PASSWORD));
        assertThat(failed.get("messages").findValuesAsText("lastError")).anySatisfy(error ->
                assertThat(error).contains("4096 bytes"));
    }
}
