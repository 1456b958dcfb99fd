package org.medhub.connectors.poll;

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

/** Reads one page of a partner's API from a checkpoint: its records, and where the next page starts. */
public class PartnerApiClient {

    private static final Configuration JSON = Configuration.defaultConfiguration().addOptions(Option.SUPPRESS_EXCEPTIONS);

    private final PartnerApi api;
    private final HttpClient http;

    public PartnerApiClient(PartnerApi api, HttpClient http) {
        this.api = api;
        this.http = http;
    }

    /**
     * The page from {@code checkpoint} ({@code null}: from the start).
     *
     * @param cursor the next page's checkpoint, when the API names it ({@code checkpointFrom})
     */
    public record Page(List<Object> records, Optional<String> cursor) {}

    /** @throws PollFailedException when the API cannot be reached or answers with no list of records */
    public Page fetch(String checkpoint) throws InterruptedException {
        URI uri = checkpoint == null ? api.url() : withParameter(api.url(), api.checkpointParam(), checkpoint);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(api.timeout())
                .header("Accept", "application/json").GET();
        if (api.auth() != null) {
            request.header("Authorization", api.auth().header());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PollFailedException("cannot reach " + api.url() + ": " + e, e);
        }
        if (response.statusCode() != 200) {
            throw new PollFailedException(api.url() + " answered " + response.statusCode() + " for "
                    + describe(checkpoint), null);
        }
        Object document;
        try {
            document = JSON.jsonProvider().parse(response.body());
        } catch (RuntimeException e) {
            throw new PollFailedException(api.url() + " answered with something that is not JSON: " + e.getMessage(), e);
        }
        Object records;
        try {
            records = JsonPath.read(document, api.recordsPath());
        } catch (PathNotFoundException e) {
            records = null;
        }
        if (!(records instanceof List<?> list)) {
            throw new PollFailedException(api.url() + " answered without a list of records at " + api.recordsPath(), null);
        }
        Optional<String> cursor = api.checkpointFrom() == null ? Optional.empty() : value(document, api.checkpointFrom());
        return new Page(List.copyOf(list), cursor);
    }

    /** A record as the JSON text the ingest takes. */
    public static byte[] json(Object record) {
        return JSON.jsonProvider().toJson(record).getBytes(StandardCharsets.UTF_8);
    }

    /** The value at {@code path} of a record or page, when it is a single value. */
    public static Optional<String> value(Object document, String path) {
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

    public static String describe(String checkpoint) {
        return checkpoint == null ? "the start" : "checkpoint '" + checkpoint + "'";
    }

    /** A poll ended early; the checkpoint stays at the last record taken. */
    public static class PollFailedException extends RuntimeException {
        public PollFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
