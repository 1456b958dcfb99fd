package org.medhub.hub.genealogy;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.routes.genealogy.Edge;
import org.medhub.routes.genealogy.GenealogyEdges;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The genealogy kept from the canonical topics: each version of a record replaces the links it made before (so an
 * aggregation undone unlinks the item from its case), a deletion removes them, a reversal removes the links of the
 * event it reverses. Applying a version twice changes nothing, so the topics can be read again from the start.
 */
public class GenealogyProjection {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public GenealogyProjection(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void apply(Envelope envelope) {
        String entity = envelope.entity();
        if (!GenealogyEdges.ENTITIES.contains(entity)) {
            return;
        }
        forget(entity, envelope.businessKey());
        if (envelope.deleted() || envelope.payload() == null) {
            return;
        }
        JsonNode record = envelope.payload();
        String reversed = GenealogyEdges.reversed(entity, record);
        if (reversed != null) {
            forget(entity, reversed);
            return;
        }
        List<Edge> edges = GenealogyEdges.of(entity, record);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                insert into genealogy_edge (from_entity, from_key, to_entity, to_key, relation, quantity, unit, made_by_entity,
                    made_by_key, message_id, partner, mapping_id, mapping_version, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""", edges, edges.size(), (statement, edge) -> {
                    statement.setString(1, edge.fromEntity());
                    statement.setString(2, edge.fromKey());
                    statement.setString(3, edge.toEntity());
                    statement.setString(4, edge.toKey());
                    statement.setString(5, edge.relation().name());
                    statement.setBigDecimal(6, edge.quantity());
                    statement.setString(7, edge.unit());
                    statement.setString(8, entity);
                    statement.setString(9, envelope.businessKey());
                    statement.setString(10, envelope.messageId());
                    statement.setString(11, envelope.partner());
                    statement.setString(12, envelope.mapping() == null ? null : envelope.mapping().id());
                    statement.setObject(13, envelope.mapping() == null ? null : envelope.mapping().version());
                    statement.setTimestamp(14, now);
                });
    }

    /** A deletion on a compacted topic: the record's links go with it. */
    @Transactional
    public void deleted(String entity, String businessKey) {
        forget(entity, businessKey);
    }

    private void forget(String entity, String businessKey) {
        jdbc.update("delete from genealogy_edge where made_by_entity = ? and made_by_key = ?", entity, businessKey);
    }
}
