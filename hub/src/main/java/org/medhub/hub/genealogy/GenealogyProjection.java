package org.medhub.hub.genealogy;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.routes.genealogy.Edge;
import org.medhub.routes.genealogy.GenealogyEdges;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The genealogy kept from the canonical topics: each version of a record replaces the links it made before (so a
 * serial unit's new status unlinks it from its case), a deletion removes them, a reversal removes the links of the
 * event it reverses, an aggregation taken apart removes the packing links it undoes, whichever of the two is read
 * first. Applying a version twice changes nothing, so the topics can be read again from the start.
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
        OffsetDateTime happened = Optional.ofNullable(GenealogyEdges.happenedAt(entity, record)).orElse(envelope.occurredAt());
        Timestamp occurredAt = happened == null ? null : Timestamp.from(happened.toInstant());
        GenealogyEdges.Unpacking unpacking = GenealogyEdges.unpacked(entity, record);
        if (unpacking != null) {
            lock(unpacking.parent());
            unpack(envelope.businessKey(), unpacking, occurredAt);
            return;
        }
        List<Edge> edges = GenealogyEdges.of(entity, record).stream()
                .filter(edge -> !"Aggregation".equals(entity) || !undoneLater(edge, occurredAt)).toList();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                insert into genealogy_edge (from_entity, from_key, to_entity, to_key, relation, quantity, unit, made_by_entity,
                    made_by_key, message_id, partner, mapping_id, mapping_version, recorded_at, occurred_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
                    statement.setTimestamp(15, occurredAt);
                });
    }

    /** Removes the aggregation links the unpacking undoes, and keeps it for a packing that may be read after it. */
    private void unpack(String madeBy, GenealogyEdges.Unpacking unpacking, Timestamp occurredAt) {
        GenealogyEdges.Node parent = unpacking.parent();
        GenealogyEdges.Node child = unpacking.child();
        jdbc.update("""
                insert into genealogy_unpacking (made_by_key, parent_entity, parent_key, child_entity, child_key, occurred_at)
                values (?, ?, ?, ?, ?, ?)""", madeBy, parent.entity(), parent.key(), child == null ? null : child.entity(),
                child == null ? null : child.key(), occurredAt);
        jdbc.update("""
                delete from genealogy_edge
                 where to_key = ? and to_entity = ? and relation = 'PACKED_IN' and made_by_entity = 'Aggregation'
                   and (cast(? as varchar) is null or (from_key = ? and from_entity = ?)) and occurred_at <= ?""",
                parent.key(), parent.entity(), child == null ? null : child.key(), child == null ? null : child.key(),
                child == null ? null : child.entity(), occurredAt);
    }

    private boolean undoneLater(Edge packing, Timestamp occurredAt) {
        lock(new GenealogyEdges.Node(packing.toEntity(), packing.toKey()));
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from genealogy_unpacking
                                where parent_key = ? and parent_entity = ? and occurred_at >= ?
                                  and (child_key is null or (child_key = ? and child_entity = ?)))""", Boolean.class,
                packing.toKey(), packing.toEntity(), occurredAt, packing.fromKey(), packing.fromEntity()));
    }

    /** A deletion on a compacted topic: the record's links go with it. */
    @Transactional
    public void deleted(String entity, String businessKey) {
        forget(entity, businessKey);
    }

    /**
     * One packing or unpacking of a parent at a time, until the transaction ends: another instance applying the other
     * half concurrently would otherwise see neither and leave a link that was undone.
     */
    private void lock(GenealogyEdges.Node parent) {
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> { }, parent.entity() + "|" + parent.key());
    }

    private void forget(String entity, String businessKey) {
        jdbc.update("delete from genealogy_edge where made_by_entity = ? and made_by_key = ?", entity, businessKey);
        if ("Aggregation".equals(entity)) {
            jdbc.update("delete from genealogy_unpacking where made_by_key = ?", businessKey);
        }
    }
}
