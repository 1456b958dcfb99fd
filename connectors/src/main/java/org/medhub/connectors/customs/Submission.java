package org.medhub.connectors.customs;

import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.medhub.canonical.entity.CustomsDeclaration;
import org.medhub.canonical.envelope.MessageIds;
import org.medhub.connectors.transport.Delivery;
import org.medhub.connectors.transport.DeliveryFailedException;
import org.medhub.connectors.transport.Destination;
import org.medhub.connectors.transport.OutboundTransport;

/**
 * A declaration on its way to the single window: written in the authority's dialect, validated, signed, validated
 * again, and sent through the transport port with its ClientSeqNo as the idempotency key. A retry after a timeout
 * sends the same bytes under the same ClientSeqNo, so the authority, which keys declarations by it, never makes a
 * second declaration of one.
 */
public final class Submission {

    /** What went: the signed document, its SHA-256 (kept in the audit trail), how many attempts it took, the answer. */
    public record Sent(byte[] document, String sha256, int attempts, int status) {}

    private final Dialect dialect;
    private final KeyPair declarant;
    private final OutboundTransport transport;
    private final int maxAttempts;
    private final Duration pause;

    /**
     * @param maxAttempts how many times to send before giving up on a failure that may pass (a timeout, a 5xx)
     * @param pause between attempts
     */
    public Submission(Dialect dialect, KeyPair declarant, OutboundTransport transport, int maxAttempts, Duration pause) {
        this.dialect = dialect;
        this.declarant = declarant;
        this.transport = transport;
        this.maxAttempts = maxAttempts;
        this.pause = pause;
    }

    /**
     * @throws IllegalArgumentException when the document does not validate against the dialect's XSD (nothing sent)
     * @throws DeliveryFailedException when the authority refused it, or every attempt failed
     */
    public Sent submit(CustomsDeclaration declaration, Destination singleWindow) {
        byte[] unsigned = dialect.render(declaration);
        refuseInvalid(dialect.validate(unsigned), declaration);
        byte[] signed = XmlSignatures.sign(unsigned, declarant);
        refuseInvalid(dialect.validate(signed), declaration);
        Delivery delivery = new Delivery(signed, "application/xml; charset=UTF-8", declaration.clientSeqNo());
        for (int attempt = 1; ; attempt++) {
            try {
                int status = transport.send(singleWindow, delivery);
                return new Sent(signed, MessageIds.sha256Hex(signed), attempt, status);
            } catch (DeliveryFailedException e) {
                if (!e.retryable() || attempt >= maxAttempts) {
                    throw new DeliveryFailedException("declaration " + declaration.clientSeqNo() + " not submitted after "
                            + attempt + " attempt(s): " + e.getMessage(), e.retryable(), e);
                }
                sleep();
            }
        }
    }

    private static void refuseInvalid(List<String> problems, CustomsDeclaration declaration) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("declaration " + declaration.clientSeqNo()
                    + " does not fit the single window's schema, so it was not sent: " + String.join("; ", problems));
        }
    }

    private void sleep() {
        try {
            Thread.sleep(pause.toMillis()); // a pause between attempts, not a wait for an outcome
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("interrupted between attempts", true, e);
        }
    }
}
