package org.medhub.hub.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medhub.hub.HubIntegrationTest;

/**
 * A property of every inbound channel: whatever arrives, the hub answers it (a 2xx or a 4xx problem, never a 5xx
 * that invites the sender to try again for ever) or moves the file aside, once; and it goes on delivering.
 * The inputs come from a seed, printed with every failure so that it can be repeated with {@code -Dfuzz.seed=}.
 */
class NoInputBreaksTheHubIT extends HubIntegrationTest {

    private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
    private static final String PARTNER = "fuzz-factory";

    @TempDir
    Path dir;

    @Test
    void answersEveryPostWithAnAcceptanceOrAProblemNeverAServerError() {
        BadInputs inputs = new BadInputs(SEED);
        for (int i = 0; i < 150; i++) {
            byte[] body = inputs.next();
            String path = "/api/inbound/acme-factory/" + inputs.messageType();
            HttpResponse<String> response = postBytes(path, ACME, ACME_SECRET, body, inputs.contentType());

            String what = "input " + i + " of seed " + SEED + " (" + body.length + " bytes to " + path + "): " + response.body();
            assertThat(response.statusCode()).as(what).isBetween(200, 499);
            if (response.statusCode() >= 400) {
                assertThat(response.headers().firstValue("Content-Type")).as(what).hasValue("application/problem+json");
                assertThat(json(response).get("detail").asText()).as(what).isNotBlank();
            }
        }
        assertStillDelivers();
    }

    @Test
    void movesEveryDroppedFileAsideOnceWhateverItHolds() throws Exception {
        Path folder = dir.resolve("inbox");
        writePartnerFile(PARTNER, batchPartner(PARTNER, """
                channels:
                  drop:
                    type: file
                    messageType: batch-record
                    folder: %s
                    maxFileSize: 1MB
                    pollInterval: 100ms
                """.formatted(folder)));
        assertThat(reloadPartners().statusCode()).isEqualTo(200);
        try {
            BadInputs inputs = new BadInputs(SEED);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String name = "input-" + i + ".json";
                // written aside and moved in whole: the channel must not see half a file
                Files.write(dir.resolve(name), inputs.next());
                Files.move(dir.resolve(name), folder.resolve(name));
                names.add(name);
            }

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    assertThat(names).as("files still in the folder, seed " + SEED)
                            .noneMatch(name -> Files.exists(folder.resolve(name))));
            for (String name : names) {
                boolean done = Files.exists(folder.resolve(".done").resolve(name));
                boolean failed = Files.exists(folder.resolve(".failed").resolve(name));
                assertThat(done ^ failed).as(name + " in exactly one of .done and .failed, seed " + SEED).isTrue();
                if (failed) {
                    assertThat(folder.resolve(".failed").resolve(name + ".reason.txt")).as("seed " + SEED).exists();
                }
            }
        } finally {
            removePartnerFile(PARTNER);
            assertThat(reloadPartners().statusCode()).isEqualTo(200);
        }
        assertStillDelivers();
    }
}
