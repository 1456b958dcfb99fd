package org.medhub.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A ledger written by the hub before the migrations that reshaped it (schema version 20): its messages
 * keep where they were published and what became of them for each subscriber, and listing by status
 * still finds them.
 */
class LedgerMigrationIT {

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void ledgerAtVersion20() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).target("20").load().migrate();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        // as the hub wrote them then: the delivery's outcome on the message row too, and an owed delivery as a row
        insertMessage("M-DELIVERED", "DELIVERED", 7L);
        insertMessage("M-OWED", "PUBLISHED", 8L);
        insertMessage("M-FAILED", "FAILED", 9L);
        insertMessage("M-REJECTED", "FAILED", null);
        insertDelivery("M-DELIVERED", "DELIVERED");
        insertDelivery("M-OWED", "PENDING");
        insertDelivery("M-FAILED", "FAILED");
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).load().migrate();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void keepsWhereEachMessageWasPublished() {
        Map<String, Object> published = jdbc.queryForMap(
                "select canonical_topic, canonical_partition, canonical_offset from message_view where message_id = 'M-DELIVERED'");
        assertThat(published).containsEntry("canonical_topic", "medhub.canonical.batch")
                .containsEntry("canonical_partition", 1).containsEntry("canonical_offset", 7L);
        assertThat(jdbc.queryForObject("select count(*) from publication", Integer.class)).isEqualTo(3);
    }

    @Test
    void worksOutEachMessagesStatusAsBefore() {
        assertThat(status("M-DELIVERED")).isEqualTo("DELIVERED");
        assertThat(status("M-OWED")).isEqualTo("PUBLISHED");
        assertThat(status("M-FAILED")).isEqualTo("FAILED");
        assertThat(status("M-REJECTED")).isEqualTo("FAILED");
    }

    @Test
    void listsMessagesByStatus() {
        assertThat(listed("DELIVERED")).containsExactly("M-DELIVERED");
        assertThat(listed("PUBLISHED")).containsExactly("M-OWED");
        assertThat(listed("FAILED")).containsExactlyInAnyOrder("M-FAILED", "M-REJECTED");
    }

    private static String status(String messageId) {
        return jdbc.queryForObject("select current_status from message_view where message_id = ?", String.class, messageId);
    }

    private static List<String> listed(String status) {
        StringBuilder sql = new StringBuilder("select message_id from message_view where true");
        List<Object> args = new ArrayList<>();
        MessageStatusFilter.append(sql, args, status);
        return jdbc.queryForList(sql.toString(), String.class, args.toArray());
    }

    private static void insertMessage(String messageId, String status, Long canonicalOffset) {
        jdbc.update("""
                insert into message (message_id, partner, message_type, entity, business_key, status, raw_topic,
                                     raw_partition, raw_offset, canonical_topic, canonical_partition, canonical_offset,
                                     received_at, updated_at)
                values (?, 'acme-factory', 'batch-record', 'Batch', ?, ?, 'medhub.raw.acme-factory', 0, 1, ?, ?, ?,
                        now(), now())""",
                messageId, "01/09506000134352/10/" + messageId, status,
                canonicalOffset == null ? null : "medhub.canonical.batch", canonicalOffset == null ? null : 1, canonicalOffset);
    }

    private static void insertDelivery(String messageId, String status) {
        jdbc.update("""
                insert into delivery (subscriber, message_id, business_key, canonical_topic, canonical_partition,
                                      canonical_offset, status, attempts, first_at, last_at)
                values ('erp', ?, ?, 'medhub.canonical.batch', 1, 7, ?, 1, now(), now())""",
                messageId, "01/09506000134352/10/" + messageId, status);
    }
}
