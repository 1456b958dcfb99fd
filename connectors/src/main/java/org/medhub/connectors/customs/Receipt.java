package org.medhub.connectors.customs;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What customs answered about a declaration, in any dialect.
 *
 * @param clientSeqNo the declarant's own number of the declaration it answers
 * @param status the declaration status it tells of: SUBMITTED (received, nothing more), ACCEPTED, REJECTED, INSPECTION,
 *     RELEASED or CLEARED
 * @param code the authority's own code (ResponseCode, CHANNEL, a DMS notification type), as sent
 * @param reasons why, for a rejection: each with the declaration field the authority names, where it names one
 * @param at when customs issued it, with its offset; null when the receipt says nothing of it
 */
public record Receipt(String clientSeqNo, String status, String code, String seqNo, String entryId, List<Reason> reasons,
        OffsetDateTime at) {

    public Receipt {
        reasons = List.copyOf(reasons);
    }

    /** @param field the element the authority names (e.g. {@code DecList[2].CodeTS}), or null */
    public record Reason(String field, String text) {}
}
