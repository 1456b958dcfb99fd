package org.medhub.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medhub.hub.HubIntegrationTest;
import org.medhub.hub.cli.Cli;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit trail as people and inspectors read it: filtered, exported, and its chain proved whole or broken. */
class AuditIT extends HubIntegrationTest {

    @Autowired
    private AuditTrail audit;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void listsAndExportsTheTrailByActorWithFormulasDisarmed() {
        audit.record("auditor-it", "test.first", "batch/LOT-A", Map.of("reason", "first"));
        audit.record("auditor-it", "test.second", "=HYPERLINK(\"http://x\",\"click\")", Map.of("reason", "second, with a comma"));

        JsonNode listed = json(get("/api/audit?actor=auditor-it", "admin", ADMIN_PASSWORD));
        var csv = get("/api/audit/export?format=csv&actor=auditor-it", "admin", ADMIN_PASSWORD);
        JsonNode exported = json(get("/api/audit/export?format=json&actor=auditor-it", "admin", ADMIN_PASSWORD));

        assertThat(listed.get("events").findValuesAsText("action")).containsExactly("test.second", "test.first");
        assertThat(listed.get("events").get(0).get("hash").asText()).hasSize(64);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body().lines().toList()).hasSize(3).first().asString().startsWith("sequence,recordedAt,actor");
        assertThat(csv.body()).contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",")
                .contains("\"{\"\"reason\"\":\"\"second, with a comma\"\"}\"");
        assertThat(exported.findValuesAsText("action")).containsExactly("test.first", "test.second");
        assertThat(get("/api/audit", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/audit/export?format=xlsx", "admin", ADMIN_PASSWORD).statusCode()).isEqualTo(400);
    }

    @Test
    void provesTheChainWholeAndNamesTheFirstRowThatIsNotThroughTheApiAndTheCommandLine() {
        audit.record("auditor-it", "test.entry", "test/verify", Map.of("reason", "original"));
        long sequence = jdbc.queryForObject("select max(sequence) from audit_event", Long.class);

        assertThat(json(get("/api/audit/verification", "admin", ADMIN_PASSWORD)).get("whole").asBoolean()).isTrue();
        assertThat(verifyOnTheCommandLine()).startsWith("0:").contains("audit trail whole");

        String original = jdbc.queryForObject("select detail from audit_event where sequence = ?", String.class, sequence);
        jdbc.execute("alter table audit_event disable trigger audit_event_append_only");
        try {
            jdbc.update("update audit_event set detail = ? where sequence = ?", "{\"reason\":\"forged\"}", sequence);
            JsonNode broken = json(get("/api/audit/verification", "admin", ADMIN_PASSWORD));
            assertThat(broken.get("whole").asBoolean()).isFalse();
            assertThat(broken.get("firstBroken").asLong()).isEqualTo(sequence);
            assertThat(verifyOnTheCommandLine()).startsWith("1:").contains("BROKEN at row " + sequence);
            jdbc.update("update audit_event set detail = ? where sequence = ?", original, sequence);
        } finally {
            jdbc.execute("alter table audit_event enable trigger audit_event_append_only");
        }
        assertThat(verifyOnTheCommandLine()).startsWith("0:");
    }

    /** {@code medhub audit verify} on the running hub's data directory: its exit code, a colon, what it printed. */
    private static String verifyOnTheCommandLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.run(List.of("audit", "verify", "--data-dir", DATA_DIR_FOR_TESTS).toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return exit + ":" + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }
}
