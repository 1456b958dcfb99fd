package org.medhub.hub.cdc;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.routes.cdc.TableStates;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What the hub remembers of each source and captured table, in PostgreSQL ({@code cdc_source}, {@code cdc_table_state}). */
@Repository
class JdbcTableStates implements TableStates {

    private static final TypeReference<Map<String, String>> COLUMNS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcTableStates(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Saved> load(String source, String table) {
        return jdbc.query("select column_types, stopped from cdc_table_state where source = ? and table_name = ?",
                (row, n) -> new Saved(read(row.getString(1)), row.getString(2)), source, table).stream().findFirst();
    }

    @Override
    public void save(String source, String table, Saved state) {
        jdbc.update("""
                insert into cdc_table_state (source, table_name, column_types, stopped, updated_at)
                values (?, ?, ?::jsonb, ?, ?)
                on conflict (source, table_name) do update set column_types = excluded.column_types,
                    stopped = excluded.stopped, updated_at = excluded.updated_at""",
                source, table, CanonicalJson.toText(state.columnTypes()), state.stopped(), Timestamp.from(clock.instant()));
    }

    @Override
    public boolean hasPosition(String source) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from cdc_offset where source = ?)",
                Boolean.class, source));
    }

    @Override
    public boolean paused(String source) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from cdc_source where source = ? and paused)",
                Boolean.class, source));
    }

    @Override
    public void setPaused(String source, boolean paused) {
        jdbc.update("""
                insert into cdc_source (source, paused, updated_at) values (?, ?, ?)
                on conflict (source) do update set paused = excluded.paused, updated_at = excluded.updated_at""",
                source, paused, Timestamp.from(clock.instant()));
    }

    private static Map<String, String> read(String json) {
        try {
            return CanonicalJson.mapper().readValue(json, COLUMNS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cdc_table_state holds what is not a column map: " + e.getMessage(), e);
        }
    }
}
