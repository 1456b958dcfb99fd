package org.medhub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medhub.hub.HubIntegrationTest;
import org.medhub.hub.customs.CustomsHoldings;
import org.medhub.routes.pipeline.CanonicalPublisher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** {@code medhub trace}: the genealogy read from the hub's database, forward, backward and as a recall's impact. */
class TraceCommandIT extends HubIntegrationTest {

    @TempDir
    Path dir;

    @Autowired
    private CanonicalPublisher publisher;

    @Autowired
    private Environment environment;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void tracesALotForwardToItsBatchAndBackAndPrintsWhatARecallReaches() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String lot = "RES-PP/CLI-" + run;
        String batch = "01/" + CustomsHoldings.SYRINGE + "/10/CLI-" + run;
        new CustomsHoldings(publisher).keep("MaterialConsumption", "CLI-" + run, """
                {"eventId": "CLI-%s", "eventType": "CONSUMPTION", "outputBatch": "%s", "inputMaterial": "RES-PP",
                 "inputMaterialLot": "%s", "quantity": {"value": 2.5, "unit": "kg"}, "consumedAt": "2026-12-05T09:00:00+08:00"}"""
                .formatted(run, batch, lot));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/trace?from=" + URLEncoder.encode(lot, StandardCharsets.UTF_8),
                "admin", ADMIN_PASSWORD).statusCode() == 200);

        assertThat(trace(lot)).as(text(err)).isEqualTo(TraceCommand.FOUND);
        assertThat(text(out)).startsWith("forward from " + lot + ": 1 link(s)")
                .contains("MaterialLot " + lot + " -CONSUMED_INTO-> Batch " + batch + " (2.5 kg)").contains("from hub");

        assertThat(trace("(01)" + CustomsHoldings.SYRINGE + "(10)CLI-" + run, "--backward")).isEqualTo(TraceCommand.FOUND);
        assertThat(text(out)).startsWith("backward from " + batch + ": 1 link(s)");

        assertThat(trace(lot, "--impact", "--csv")).isEqualTo(TraceCommand.FOUND);
        assertThat(text(out)).startsWith("item_entity,item,quantity,unit,shipment,customer,country,declarations");

        assertThat(trace("NOTHING-" + run)).isEqualTo(TraceCommand.NOTHING);
        assertThat(trace(lot, "--depth", "two")).isEqualTo(TraceCommand.USAGE);
        assertThat(text(err)).contains("--depth");
    }

    private int trace(String... arguments) throws IOException {
        out.reset();
        err.reset();
        Path password = Files.writeString(dir.resolve("db.password"), environment.getProperty("spring.datasource.password", ""));
        List<String> args = new ArrayList<>(List.of(arguments));
        args.addAll(List.of("--jdbc-url", environment.getProperty("spring.datasource.url"), "--user",
                environment.getProperty("spring.datasource.username"), "--password-file", password.toString()));
        return TraceCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
