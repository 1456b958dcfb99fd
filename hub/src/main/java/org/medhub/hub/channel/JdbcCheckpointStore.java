package org.medhub.hub.channel;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.medhub.routes.channel.CheckpointStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Checkpoints of polled channels in PostgreSQL ({@code channel_checkpoint}), so that a restart resumes from them. */
@Repository
class JdbcCheckpointStore implements CheckpointStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcCheckpointStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<String> checkpoint(String partner, String channel) {
        return jdbc.queryForList("select checkpoint from channel_checkpoint where partner = ? and channel = ?",
                String.class, partner, channel).stream().findFirst();
    }

    @Override
    public void advance(String partner, String channel, String checkpoint) {
        jdbc.update("""
                insert into channel_checkpoint (partner, channel, checkpoint, updated_at) values (?, ?, ?, ?)
                on conflict (partner, channel) do update set checkpoint = excluded.checkpoint, updated_at = excluded.updated_at""",
                partner, channel, checkpoint, Timestamp.from(clock.instant()));
    }
}
