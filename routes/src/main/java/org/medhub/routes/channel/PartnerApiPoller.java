package org.medhub.routes.channel;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.PathNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.medhub.routes.kafka.MedhubHeaders;
import org.medhub.routes.inbound.IngestRoute;
import org.medhub.routes.inbound.RecordRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one partner API: page by page from the stored checkpoint, each record to
 * {@code direct:ingest}. The checkpoint moves only past records the hub has taken: accepted, a
 * duplicate, or refused (the ingest route has recorded a refused record in the ledger and the DLQ, and
 * asking for it again would not make it valid). A failure to reach the partner or to store a record
 * ends the poll with the checkpoint at the last record taken, so nothing is skipped.
 */
public class PartnerApiPoller implements Processor {

    private static final Logger log = LoggerFactory.getLogger(PartnerApiPoller.class);
    private static final Configuration JSON = Configuration.defaultConfiguration()
            .addOptions(Option.SUPPRESS_EXCEPTIONS);

    private final PollChannel channel;
    private final CheckpointStore checkpoints;
    private final HttpClient http;
    private final ProducerTemplate producer;

    public PartnerApiPoller(PollChannel channel, CheckpointStore checkpoints, HttpClient http, ProducerTemplate producer) {
        this.channel = channel;
        this.checkpoints = checkpoints;
        this.http = http;
        this.producer = producer;
    }

    @Override
    public void process(Exchange exchange) throws IOException, InterruptedException {
        String checkpoint = checkpoints.checkpoint(channel.partner(), channel.name())
                .orElse(channel.initialCheckpoint());
        for (int page = 0; page < channel.maxPages(); page++) {
            Page fetched = fetch(checkpoint);
            String taken = checkpoint;
            int accepted = 0;
            int refused = 0;
            for (Object record : fetched.records()) {
                Exchange result = producer.send(IngestRoute.ENDPOINT, ingestExchange -> {
                    ingestExchange.getMessage().setHeader(MedhubHeaders.PARTNER, channel.partner());
                    ingestExchange.getMessage().setHeader(MedhubHeaders.MESSAGE_TYPE, channel.messageType());
                    ingestExchange.getMessage().setBody(JSON.jsonProvider().toJson(record).getBytes(StandardCharsets.UTF_8));
                });
                if (result.getException() instanceof RecordRejectedException) {
                    refused++;
                } else if (result.getException() != null) {
                    advance(checkpoint, taken);
                    throw new PollFailedException("record " + (accepted + refused + 1) + " of the page read from "
                            + describe(checkpoint) + " could not be stored; the checkpoint stays at "
                            + describe(taken) + ": " + result.getException().getMessage(), result.getException());
                } else {
                    accepted++;
                }
                if (channel.checkpointFromRecord() != null) {
                    taken = value(record, channel.checkpointFromRecord()).orElse(taken);
                }
            }
            String next = channel.checkpointFrom() != null ? fetched.cursor().orElse(taken) : taken;
            if (accepted + refused > 0) {
                log.info("Channel {} of partner {}: {} record(s) taken, {} of them refused; now at {}",
                        channel.name(), channel.partner(), accepted + refused, refused, describe(next));
            }
            advance(checkpoint, next);
            if (fetched.records().isEmpty() || next == null || next.equals(checkpoint)) {
                return;
            }
            checkpoint = next;
        }
    }

    private void advance(String from, String to) {
        if (to != null && !to.equals(from)) {
            checkpoints.advance(channel.partner(), channel.name(), to);
        }
    }

    private Page fetch(String checkpoint) throws IOException, InterruptedException {
        URI uri = checkpoint == null ? channel.url() : withParameter(channel.url(), channel.checkpointParam(), checkpoint);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(channel.timeout())
                .header("Accept", "application/json").GET();
        if (channel.auth() != null) {
            request.header("Authorization", channel.auth().header());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PollFailedException("cannot reach " + channel.url() + ": " + e, e);
        }
        if (response.statusCode() != 200) {
            throw new PollFailedException(channel.url() + " answered " + response.statusCode() + " for "
                    + describe(checkpoint), null);
        }
        Object document;
        try {
            document = JSON.jsonProvider().parse(response.body());
        } catch (RuntimeException e) {
            throw new PollFailedException(channel.url() + " answered with something that is not JSON: " + e.getMessage(), e);
        }
        Object records;
        try {
            records = JsonPath.read(document, channel.recordsPath());
        } catch (PathNotFoundException e) {
            records = null;
        }
        if (!(records instanceof List<?> list)) {
            throw new PollFailedException(channel.url() + " answered without a list of records at "
                    + channel.recordsPath(), null);
        }
        Optional<String> cursor = channel.checkpointFrom() == null ? Optional.empty() : value(document, channel.checkpointFrom());
        return new Page(List.copyOf(list), cursor);
    }

    private static Optional<String> value(Object document, String path) {
        Object value = JsonPath.using(JSON).parse(document).read(path);
        return value == null || value instanceof List<?> || value instanceof java.util.Map<?, ?>
                ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    static URI withParameter(URI url, String name, String value) {
        String query = URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        String base = url.toString();
        int fragment = base.indexOf('#');
        if (fragment >= 0) {
            base = base.substring(0, fragment);
        }
        return URI.create(base + (url.getRawQuery() == null ? "?" : "&") + query);
    }

    private static String describe(String checkpoint) {
        return checkpoint == null ? "the start" : "checkpoint '" + checkpoint + "'";
    }

    private record Page(List<Object> records, Optional<String> cursor) {}

    /** The poll ended early; the checkpoint stays at the last record taken. */
    static class PollFailedException extends RuntimeException {
        PollFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
