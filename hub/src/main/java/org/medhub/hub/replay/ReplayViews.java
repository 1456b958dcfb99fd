package org.medhub.hub.replay;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** What the replay API answers. */
final class ReplayViews {

    private ReplayViews() {}

    /** @param progress where to follow it */
    record Started(long replayId, String progress) {}

    /** @param status what the replay is now: RUNNING, PAUSED or STOPPED */
    record Steered(long replayId, String status) {}

    /** A dry run: what a replay would do to each message, sending and changing nothing. */
    record Plan(boolean dryRun, int count, List<Planned> messages) {}

    /**
     * @param outcome WOULD_REPLAY, WOULD_BE_REFUSED, WOULD_DELIVER, WOULD_SKIP or GONE
     * @param wouldPublish from raw: each record the current mapping makes, and the fields it would change
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Planned(String messageId, String outcome, String detail, List<WouldPublish> wouldPublish) {}

    record WouldPublish(String businessKey, List<String> changes, JsonNode record) {}

    /**
     * A replay and what it did to each message so far.
     *
     * @param source raw or canonical
     * @param status RUNNING, PAUSED, DONE, STOPPED or FAILED
     */
    record Progress(long id, String source, String subscriber, boolean force, int rate, String status, int total,
            int done, @JsonProperty("requested_by") String requestedBy, @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("finished_at") Instant finishedAt, List<Item> items) {}

    /** @param outcome REPLAYED, REFUSED, QUEUED, SKIPPED or GONE */
    record Item(@JsonProperty("message_id") String messageId, String outcome, String detail,
            @JsonProperty("new_message_id") String newMessageId) {

        static Item of(String messageId, Outcome outcome) {
            return new Item(messageId, outcome.outcome(), outcome.detail(), outcome.newMessageId());
        }
    }

    /** What replaying one message did. */
    record Outcome(String outcome, String detail, String newMessageId) {}
}
