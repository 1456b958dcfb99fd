package org.medhub.connectors.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.medhub.connectors.transport.Delivery;
import org.medhub.connectors.transport.DeliveryFailedException;
import org.medhub.connectors.transport.Destination;
import org.medhub.connectors.transport.OutboundTransport;

/**
 * Posts records to subscribers' HTTP endpoints. Every attempt for one message carries the same
 * {@code Idempotency-Key}, so a subscriber that honours it applies the record once however often it
 * is sent.
 */
public class HttpTransport implements OutboundTransport {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_ERROR_BODY_CHARS = 500;

    private final HttpClient client;
    private final Duration timeout;

    public HttpTransport(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    public Class<HttpDestination> serves() {
        return HttpDestination.class;
    }

    /**
     * One POST; a 2xx answer is a delivery, 5xx, 408, 429, a timeout or no connection may pass, other 4xx are
     * refusals.
     */
    @Override
    public int send(Destination to, Delivery delivery) {
        HttpDestination destination = (HttpDestination) to;
        HttpRequest http = HttpRequest.newBuilder(destination.url())
                .timeout(timeout)
                .header("Content-Type", delivery.contentType())
                .header(IDEMPOTENCY_KEY, delivery.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(http, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new DeliveryFailedException("no answer from " + destination.url() + " within " + timeout, true, e);
        } catch (IOException e) {
            throw new DeliveryFailedException("cannot reach " + destination.url() + ": " + describe(e), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("interrupted while delivering to " + destination.url(), true, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return status;
        }
        boolean retryable = status >= 500 || status == 408 || status == 429;
        throw new DeliveryFailedException(destination.url() + " answered HTTP " + status + excerpt(response.body()),
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
