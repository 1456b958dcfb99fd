package org.medhub.hub.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit trail's hash chain: each row's hash covers its content and the hash of the row before it, so a changed,
 * removed or inserted row breaks the chain from there on. Checked by the hub and by {@code medhub audit verify},
 * which reads the database directly.
 */
public final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    /**
     * What a check of the whole chain found.
     *
     * @param rows how many rows were checked
     * @param firstBroken the sequence of the first row whose hash does not follow from its content and its
     *     predecessor, or null when the chain is whole
     */
    public record Verification(long rows, Long firstBroken) {

        @JsonProperty
        public boolean whole() {
            return firstBroken == null;
        }
    }

    /** Reads the trail in order, row by row: its size is unbounded, so it is never held whole. */
    public static Verification verify(JdbcTemplate jdbc) {
        String[] previous = {GENESIS};
        long[] rows = {0};
        Long[] broken = {null};
        jdbc.query("select * from audit_event order by sequence", rs -> {
            if (broken[0] != null) {
                return;
            }
            rows[0]++;
            long sequence = rs.getLong("sequence");
            String expected = hash(sequence, rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor"),
                    rs.getString("action"), rs.getString("subject"), rs.getString("detail"), previous[0]);
            if (!rs.getString("previous_hash").equals(previous[0]) || !rs.getString("hash").equals(expected)) {
                broken[0] = sequence;
            }
            previous[0] = rs.getString("hash");
        });
        return new Verification(rows[0], broken[0]);
    }

    static String hash(long sequence, Instant at, String actor, String action, String subject, String detail,
            String previous) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {Long.toString(sequence), at.toString(), actor, action, subject, detail, previous}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
