package org.medhub.hub.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medhub.hub.MedhubApplication;
import org.springframework.core.NestedExceptionUtils;

/** A bad partner file stops start-up, and the message names the file, the key and the rule. */
class BadPartnerFileIT {

    @TempDir
    Path dir;

    @Test
    void stopsStartUpNamingTheFileTheKeyAndTheRule() throws Exception {
        Path partners = Files.createDirectories(dir.resolve("config/partners"));
        Path file = partners.resolve("lims.yml");
        Files.writeString(file, """
                id: lims
                kind: LIMS
                subscriptions:
                  - entity: Batch
                    url: ftp://lims.example.com/batches
                    resilience: erp-delivery
                """);

        Throwable failure = catchThrowable(() -> MedhubApplication.start(
                "--medhub.config-dir=" + dir.resolve("config"), "--medhub.data-dir=" + dir.resolve("data"),
                "--server.port=0"));

        Throwable cause = NestedExceptionUtils.getRootCause(failure);
        assertThat(cause).isInstanceOf(PartnerConfigException.class);
        assertThat(((PartnerConfigException) cause).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(file.toString());
            assertThat(problem.key()).isEqualTo("subscriptions[0].url");
            assertThat(problem.rule()).isEqualTo("http-url");
        });
    }
}
