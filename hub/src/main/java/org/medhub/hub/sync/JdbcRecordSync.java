package org.medhub.hub.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.hub.partner.LivePartners;
import org.medhub.hub.settings.MedhubProperties;
import org.medhub.routes.sync.MergeResult;
import org.medhub.routes.sync.RecordSync;
import org.medhub.routes.sync.SyncPolicy;
import org.medhub.routes.sync.SyncResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores what {@link SyncPolicy} decides: the current version of every record in PostgreSQL ({@code record_state}), every earlier version
 * ({@code record_version}, the bases of three-way merges) and the resolution queue ({@code conflict}).
 * A message already applied is recognised by its id, so a batch that runs again after a crash gives
 * the same results.
 */
@Component
public class JdbcRecordSync implements RecordSync {

    public static final String HUB = SyncPolicy.HUB;

    private final JdbcTemplate jdbc;
    private final SyncPolicy policy;
    private final Clock clock;

    public JdbcRecordSync(JdbcTemplate jdbc, LivePartners partners, MedhubProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.policy = new SyncPolicy(properties.sync().ownership(), partners);
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<SyncResult> apply(List<Envelope> updates) {
        if (updates.isEmpty()) {
            return List.of();
        }
        Map<String, SyncPolicy.Current> states = new LinkedHashMap<>();
        Map<String, Long> alreadyApplied = new HashMap<>();
        lockStates(updates, states, alreadyApplied);
        String now = clock.instant().toString();
        Writes writes = new Writes();
        List<SyncResult> results = new ArrayList<>(updates.size());
        for (Envelope update : updates) {
            String key = key(update.entity(), update.businessKey());
            Long applied = alreadyApplied.get(update.messageId());
            if (applied != null) {
                results.add(SyncResult.applied(update.applied(version(update, applied), applied)));
                continue;
            }
            results.add(apply(update, states.get(key), states, writes, now));
        }
        writes.flush(jdbc, states, now);
        return results;
    }

    /**
     * What a batch changes, written at its end with one statement per table, whatever its size: the
     * versions, the latest state of each record, the flagged and unchanged messages.
     */
    private static final class Writes {
        final List<Object[]> versions = new ArrayList<>();
        /** by record, the last of its versions: the record's new state, its JSON written once for both tables */
        final Map<String, Object[]> lastVersion = new LinkedHashMap<>();
        final List<String[]> flags = new ArrayList<>();
        final List<String> unchanged = new ArrayList<>();

        void flush(JdbcTemplate jdbc, Map<String, SyncPolicy.Current> states, String now) {
            if (!versions.isEmpty()) {
                jdbc.update("""
                        insert into record_version (entity, business_key, version, record, message_id, source, recorded_at)
                        select x.e, x.k, x.v, x.r::jsonb, x.m, x.s, ?::timestamptz
                        from unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::text[], ?::varchar[], ?::varchar[])
                             as x(e, k, v, r, m, s)""", now,
                        versions.stream().map(v -> v[0]).toArray(String[]::new),
                        versions.stream().map(v -> v[1]).toArray(String[]::new),
                        versions.stream().map(v -> v[2]).toArray(Long[]::new),
                        versions.stream().map(v -> v[3]).toArray(String[]::new),
                        versions.stream().map(v -> v[4]).toArray(String[]::new),
                        versions.stream().map(v -> v[5]).toArray(String[]::new));
                List<String> keys = new ArrayList<>(lastVersion.keySet());
                jdbc.update("""
                        insert into record_state (entity, business_key, version, record, writers, message_id, updated_at)
                        select x.e, x.k, x.v, x.r::jsonb, x.w::jsonb, x.m, ?::timestamptz
                        from unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::text[], ?::text[], ?::varchar[])
                             as x(e, k, v, r, w, m)
                        on conflict (entity, business_key) do update set version = excluded.version,
                            record = excluded.record, writers = excluded.writers, message_id = excluded.message_id,
                            updated_at = excluded.updated_at""", now,
                        keys.stream().map(k -> k.substring(0, k.indexOf('\u0000'))).toArray(String[]::new),
                        keys.stream().map(k -> k.substring(k.indexOf('\u0000') + 1)).toArray(String[]::new),
                        keys.stream().map(k -> states.get(k).version()).toArray(Long[]::new),
                        keys.stream().map(k -> (String) lastVersion.get(k)[3]).toArray(String[]::new),
                        keys.stream().map(k -> states.get(k).writers().toString()).toArray(String[]::new),
                        keys.stream().map(k -> (String) lastVersion.get(k)[4]).toArray(String[]::new));
            }
            if (!flags.isEmpty()) {
                jdbc.update("""
                        insert into message_stage (message_id, stage, subscriber, status, attempts, last_error, first_at, last_at)
                        select x.m, 'OWNERSHIP', '', 'FLAGGED', 1, x.note, ?::timestamptz, ?::timestamptz
                        from unnest(?::varchar[], ?::text[]) as x(m, note)
                        on conflict (message_id, stage, subscriber) do nothing""", now, now,
                        flags.stream().map(f -> f[0]).toArray(String[]::new), flags.stream().map(f -> f[1]).toArray(String[]::new));
            }
            if (!unchanged.isEmpty()) {
                jdbc.update("update message set status = 'UNCHANGED', updated_at = ?::timestamptz where message_id = any(?::varchar[])",
                        now, unchanged.toArray(String[]::new));
            }
        }
    }

    private SyncResult apply(Envelope update, SyncPolicy.Current current, Map<String, SyncPolicy.Current> states, Writes writes, String now) {
        ObjectNode base = null;
        if (current != null && update.baseVersion() != null && update.baseVersion() < current.version()) {
            base = version(update, update.baseVersion());
        }
        SyncPolicy.Decision decision = policy.decide(update, current, base);
        if (decision instanceof SyncPolicy.Refused refused) {
            return SyncResult.refused(refused.reason(), refused.violations());
        }
        if (decision instanceof SyncPolicy.Conflicted conflicted) {
            return conflict(update, current, conflicted.merge(), now);
        }
        if (decision instanceof SyncPolicy.Applied applied) {
            Object[] version = {update.entity(), update.businessKey(), applied.version(), applied.record().toString(),
                update.messageId(), update.source()};
            writes.versions.add(version);
            writes.lastVersion.put(key(update.entity(), update.businessKey()), version);
            if (applied.flag() != null) {
                writes.flags.add(new String[] {update.messageId(), applied.flag()});
            }
            states.put(key(update.entity(), update.businessKey()), applied.current());
            return SyncResult.applied(update.applied(applied.record(), applied.version()));
        }
        writes.unchanged.add(update.messageId());
        return SyncResult.unchanged();
    }

    private SyncResult conflict(Envelope update, SyncPolicy.Current current, MergeResult merge, String now) {
        var fields = CanonicalJson.mapper().createArrayNode();
        merge.conflicts().forEach(c -> fields.addObject().put("field", c.field())
                .<ObjectNode>set("base", c.base()).<ObjectNode>set("current", c.current()).set("incoming", c.incoming()));
        Long id = jdbc.queryForObject("""
                insert into conflict (entity, business_key, message_id, source, base_version, current_version, fields,
                                      envelope, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, 'OPEN', ?::timestamptz)
                on conflict (message_id) do update set status = conflict.status
                returning id""", Long.class,
                update.entity(), update.businessKey(), update.messageId(), update.source(), update.baseVersion(),
                current.version(), fields.toString(), CanonicalJson.toBytes(update), now);
        jdbc.update("update message set status = 'CONFLICT', last_error = ?, updated_at = ?::timestamptz where message_id = ?",
                "conflict " + id + " on " + merge.conflicts().stream().map(c -> c.field()).toList(), now, update.messageId());
        ObjectNode event = CanonicalJson.mapper().createObjectNode();
        event.put("conflictId", id).put("entity", update.entity()).put("businessKey", update.businessKey())
                .put("messageId", update.messageId()).put("source", update.source())
                .put("currentVersion", current.version()).set("fields", fields);
        if (update.baseVersion() != null) {
            event.put("baseVersion", update.baseVersion());
        }
        return SyncResult.conflict(event.toString().getBytes(StandardCharsets.UTF_8),
                "conflict " + id + " on " + merge.conflicts().stream().map(c -> c.field()).toList());
    }

    /**
     * The current states of the batch's records, locked in one order until the transaction ends, and the
     * versions its messages already made (a batch run again after a crash): one round trip for both.
     */
    private void lockStates(List<Envelope> updates, Map<String, SyncPolicy.Current> states,
            Map<String, Long> alreadyApplied) {
        jdbc.query("""
                with locked as (
                    select entity, business_key, version, record::text as record, writers::text as writers
                    from record_state
                    where (entity, business_key) in (select * from unnest(?::varchar[], ?::varchar[]))
                    order by entity, business_key for update)
                select entity, business_key, version, record, writers from locked
                union all
                select null, message_id, version, null, null from record_version where message_id = any(?::varchar[])""",
                rs -> {
                    if (rs.getString(1) == null) {
                        alreadyApplied.put(rs.getString(2), rs.getLong(3));
                    } else {
                        states.put(key(rs.getString(1), rs.getString(2)),
                                new SyncPolicy.Current(rs.getLong(3), object(rs.getString(4)), object(rs.getString(5))));
                    }
                },
                updates.stream().map(Envelope::entity).toArray(String[]::new),
                updates.stream().map(Envelope::businessKey).toArray(String[]::new),
                updates.stream().map(Envelope::messageId).toArray(String[]::new));
    }

    private ObjectNode version(Envelope update, long version) {
        List<String> found = jdbc.queryForList(
                "select record::text from record_version where entity = ? and business_key = ? and version = ?",
                String.class, update.entity(), update.businessKey(), version);
        return found.isEmpty() ? null : object(found.get(0));
    }

    static String key(String entity, String businessKey) {
        return entity + "\u0000" + businessKey;
    }

    static ObjectNode object(String json) {
        try {
            return (ObjectNode) CanonicalJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable record JSON", e);
        }
    }

}
