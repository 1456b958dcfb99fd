package org.medhub.connectors.poll;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.medhub.connectors.transport.Pickup;
import org.medhub.connectors.transport.Secret;
import org.medhub.connectors.transport.Setting;
import org.medhub.connectors.transport.TransportDescription;

/**
 * A partner REST API the hub polls for new records, resuming from a checkpoint kept in the hub's database.
 *
 * <p>Each poll GETs {@code url} with the checkpoint as the query parameter {@code checkpointParam}
 * (none on the very first poll, unless {@code initialCheckpoint} is set). The answer is JSON; the
 * records are the array at {@code recordsPath}. The next checkpoint is either the value at
 * {@code checkpointFrom} in the answer (a page cursor) or the value at {@code checkpointFromRecord} in
 * the last record taken (a timestamp or sequence number of the record); exactly one is set.
 *
 * @param auth how the hub authenticates to the partner's API, or null for no authentication
 * @param maxPages how many pages one poll reads at most before waiting for the next tick
 */
public record PartnerApi(URI url, Duration interval, Duration timeout, String recordsPath, String checkpointParam,
        String checkpointFrom, String checkpointFromRecord, String initialCheckpoint, Auth auth, int maxPages)
        implements Pickup {

    public static final String TRANSPORT = "poll";

    public static final TransportDescription DESCRIPTION = new TransportDescription(TRANSPORT, "inbound",
            "a partner's REST API the hub reads page by page from a checkpoint; each record of a page is one message",
            List.of(
            Setting.required("url", "url", "the API's address; the checkpoint is added as a query parameter"),
            Setting.required("checkpoint", "object", "where the next poll starts: param (the query parameter, default"
                    + " since) and exactly one of from (a JSONPath in the answer, e.g. $.next) and fromRecord (a JSONPath"
                    + " in each record, e.g. $.updatedAt); optional initial"),
            Setting.optional("interval", "duration", "1m", "how often the API is read"),
            Setting.optional("timeout", "duration", "10s", "how long one request may take"),
            Setting.optional("records", "jsonpath", "$.records", "where the records are in an answer"),
            Setting.optional("auth", "object", null, "either bearer (a reference to a token) or username and password"
                    + " (a reference)"),
            Setting.optional("maxPages", "integer", "10", "pages one poll reads at most before the next tick")));

    @Override
    public String transport() {
        return TRANSPORT;
    }

    /** Either a bearer token, or a user name with a password (HTTP Basic). */
    public record Auth(String username, Secret secret) {

        public static Auth bearer(Secret token) {
            return new Auth(null, token);
        }

        public static Auth basic(String username, Secret password) {
            return new Auth(username, password);
        }

        String header() {
            return username == null ? "Bearer " + secret.reveal()
                    : "Basic " + Base64.getEncoder().encodeToString((username + ":" + secret.reveal())
                            .getBytes(StandardCharsets.UTF_8));
        }
    }
}
