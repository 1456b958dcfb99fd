package org.medhub.connectors.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Posts records to subscribers' HTTP endpoints. Every attempt for one message carries the same
 * {@code Idempotency-Key}, so a subscriber that honours it applies the record once however often it
 * is sent.
 */
public class HttpDelivery {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_ERROR_BODY_CHARS = 500;

    private final HttpClient client;
    private final Duration timeout;

    public HttpDelivery(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /**
     * One delivery attempt; when to try again is the caller's decision.
     *
     * @return the subscriber's HTTP status (2xx)
     * @throws DeliveryFailedException saying whether trying again may help
     */
    public int send(DeliveryRequest request) {
        HttpRequest http = HttpRequest.newBuilder(request.url())
                .timeout(timeout)
                .header("Content-Type", request.contentType())
                .header(IDEMPOTENCY_KEY, request.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(http, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new DeliveryFailedException("no answer from " + request.url() + " within " + timeout, true, e);
        } catch (IOException e) {
            throw new DeliveryFailedException("cannot reach " + request.url() + ": " + describe(e), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("interrupted while delivering to " + request.url(), true, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return status;
        }
        boolean retryable = status >= 500 || status == 408 || status == 429;
        throw new DeliveryFailedException(request.url() + " answered HTTP " + status + excerpt(response.body()),
                retryable, null);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.length() > MAX_ERROR_BODY_CHARS ? body.substring(0, MAX_ERROR_BODY_CHARS) + "…" : body;
        return ": " + text.strip();
    }
}
