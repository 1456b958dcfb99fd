package org.medhub.hub.audit;

import java.time.Instant;

/** One row of the audit trail. */
public record AuditEvent(long sequence, Instant recordedAt, String actor, String action, String subject,
        String detail, String previousHash, String hash) {}
