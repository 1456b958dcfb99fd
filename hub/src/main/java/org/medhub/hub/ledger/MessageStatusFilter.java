package org.medhub.hub.ledger;

import java.util.List;

/**
 * A filter on {@code message_view.current_status} that starts from the few rows it can match. The
 * status across subscribers is worked out per row, so filtering on it alone would work it out for every
 * message there is; the stored status and the failed deliveries narrow it first.
 */
public final class MessageStatusFilter {

    /** Every status a message can be in, as {@code message_view.current_status} tells it. */
    public static final java.util.Set<String> STATUSES = java.util.Set.of("RECEIVED", "ADMITTED", "PUBLISHED",
            "DELIVERED", "FAILED", "CONFLICT", "UNCHANGED", "RESOLVED", "REPLAYED", "DISCARDED");

    private MessageStatusFilter() {}

    /** Appends the filter for {@code status} to a query on {@code message_view}, and its arguments. */
    public static void append(StringBuilder sql, List<Object> args, String status) {
        switch (status) {
            case "FAILED" -> sql.append(" and current_status = 'FAILED' and message_id in (")
                    .append("select message_id from message where status = 'FAILED'")
                    .append(" union all select message_id from delivery where status in ('FAILED', 'STOPPED'))");
            // neither publication nor delivery rewrites the row: a published message is stored as ADMITTED
            case "ADMITTED", "PUBLISHED", "DELIVERED" -> {
                sql.append(" and status = 'ADMITTED' and current_status = ?");
                args.add(status);
            }
            default -> {
                sql.append(" and status = ?");
                args.add(status);
            }
        }
    }
}
