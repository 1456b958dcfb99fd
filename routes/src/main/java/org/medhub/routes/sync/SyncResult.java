package org.medhub.routes.sync;

import java.util.List;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.canonical.validation.Violation;

/**
 * What became of one update.
 *
 * @param published for {@link Outcome#APPLIED}, the envelope to publish: the merged record at its new version
 * @param conflict for {@link Outcome#CONFLICT}, the conflict as it goes on {@code medhub.conflicts}
 */
public record SyncResult(Outcome outcome, Envelope published, byte[] conflict, String reason, List<Violation> violations) {

    public enum Outcome {
        /** A new version of the record: published to its subscribers. */
        APPLIED,
        /** It changes nothing: nothing to publish. */
        UNCHANGED,
        /** Fields changed on both sides: waits in the resolution queue. */
        CONFLICT,
        /** Forbidden by the field-ownership policy or the life cycle: dead-lettered. */
        REFUSED
    }

    public static SyncResult applied(Envelope published) {
        return new SyncResult(Outcome.APPLIED, published, null, null, List.of());
    }

    public static SyncResult unchanged() {
        return new SyncResult(Outcome.UNCHANGED, null, null, null, List.of());
    }

    public static SyncResult conflict(byte[] conflict, String reason) {
        return new SyncResult(Outcome.CONFLICT, null, conflict, reason, List.of());
    }

    public static SyncResult refused(String reason, List<Violation> violations) {
        return new SyncResult(Outcome.REFUSED, null, null, reason, violations);
    }
}
