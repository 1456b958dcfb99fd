package org.medhub.hub.inbound;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.medhub.canonical.envelope.MessageIds;
import org.medhub.hub.partner.LivePartners;
import org.medhub.hub.problem.Problems;
import org.medhub.hub.settings.MedhubProperties;
import org.medhub.routes.deadletter.DeadLetter;
import org.medhub.routes.deadletter.DeadLetters;
import org.medhub.routes.inbound.IngestRoute;
import org.medhub.routes.inbound.RecordRejectedException;
import org.medhub.routes.kafka.MedhubHeaders;
import org.medhub.routes.ledger.Rejection;
import org.medhub.routes.ledger.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner factories push records here, authenticated as themselves. 202 for a new message, 200
 * with the existing message id for one already received, a problem response for anything refused.
 */
@RestController
class InboundController {

    private static final Logger log = LoggerFactory.getLogger(InboundController.class);
    private static final Map<String, HttpStatus> STATUS_BY_PROBLEM = Map.of(
            "unknown-partner", HttpStatus.NOT_FOUND,
            "unknown-message-type", HttpStatus.NOT_FOUND,
            "malformed-record", HttpStatus.BAD_REQUEST,
            "invalid-record", HttpStatus.UNPROCESSABLE_ENTITY,
            "unmappable-record", HttpStatus.UNPROCESSABLE_ENTITY,
            "body-too-large", HttpStatus.PAYLOAD_TOO_LARGE);

    private final ProducerTemplate camel;
    private final DeadLetters deadLetters;
    private final LivePartners partners;
    private final long maxBodyBytes;

    InboundController(ProducerTemplate camel, DeadLetters deadLetters, LivePartners partners, MedhubProperties properties) {
        this.camel = camel;
        this.deadLetters = deadLetters;
        this.partners = partners;
        this.maxBodyBytes = properties.inbound().maxBodySize().toBytes();
    }

    /**
     * @param status ACCEPTED for a new message, DUPLICATE for one the hub has already
     * @param messageIds every message the record became, when it became several
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Receipt(String messageId, String status, List<?> messageIds) {}

    @PostMapping("/api/inbound/{partnerId}/{messageType}")
    ResponseEntity<Receipt> receive(@PathVariable String partnerId, @PathVariable String messageType,
            HttpServletRequest request) throws IOException {
        Optional<String> wrongType = partners.partner(partnerId).flatMap(p -> p.messageType(messageType))
                .flatMap(type -> DeclaredContentType.mismatch(type.mapping().format(), request.getContentType()));
        if (wrongType.isPresent()) {
            // said before a byte is read: the sender has sent the wrong document, or labelled it wrongly
            throw Problems.fail(Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Unsupported media type", wrongType.get()));
        }
        byte[] body = request.getContentLengthLong() > maxBodyBytes
                ? null : BoundedBody.read(request.getInputStream(), maxBodyBytes);
        if (body == null) {
            throw tooLarge(partnerId, messageType, request);
        }
        Exchange result = camel.send(IngestRoute.ENDPOINT, exchange -> {
            exchange.getMessage().setHeader(MedhubHeaders.PARTNER, partnerId);
            exchange.getMessage().setHeader(MedhubHeaders.MESSAGE_TYPE, messageType);
            exchange.getMessage().setBody(body);
        });
        String messageId = result.getMessage().getHeader(MedhubHeaders.MESSAGE_ID, String.class);
        Exception failure = result.getException();
        if (failure instanceof RecordRejectedException rejected) {
            ProblemDetail problem = Problems.problem(STATUS_BY_PROBLEM.getOrDefault(rejected.problem(),
                    HttpStatus.UNPROCESSABLE_ENTITY), rejected.problem(), title(rejected.problem()), rejected.getMessage());
            problem.setProperty("messageId", messageId);
            throw Problems.fail(Problems.withViolations(problem, rejected.violations()));
        }
        if (failure != null) {
            log.error("Could not take a {} message from partner {}", messageType, partnerId, failure);
            throw Problems.fail(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "hub-unavailable",
                    "Hub unavailable", "the hub could not store the message; nothing was accepted, send it again later"));
        }
        boolean duplicate = Boolean.TRUE.equals(result.getMessage().getHeader(MedhubHeaders.DUPLICATE, Boolean.class));
        List<?> messageIds = result.getMessage().getHeader(MedhubHeaders.MESSAGE_IDS, List.class);
        Receipt answer = new Receipt(messageId, duplicate ? "DUPLICATE" : "ACCEPTED",
                messageIds != null && messageIds.size() > 1 ? messageIds : null); // one record became several
        return duplicate
                ? ResponseEntity.ok(answer)
                : ResponseEntity.accepted().location(URI.create("/api/messages/" + messageId)).body(answer);
    }

    private RuntimeException tooLarge(String partnerId, String messageType, HttpServletRequest request) {
        String reason = "the body is larger than the limit of " + maxBodyBytes + " bytes (medhub.inbound.max-body-size)";
        // The bytes are not kept: holding an unbounded body is what the limit prevents. The attempt is still recorded.
        String messageId = MessageIds.fromRaw(partnerId, messageType,
                (request.getContentLengthLong() + "@" + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
        deadLetters.rejected(List.of(DeadLetter.rejected(new Rejection(messageId, partnerId, messageType, Stage.RECEIVED,
                reason + "; the body was not kept", null), null)));
        ProblemDetail problem = Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Body too large", reason);
        problem.setProperty("messageId", messageId);
        return Problems.fail(problem);
    }

    private static String title(String problem) {
        return switch (problem) {
            case "unknown-partner" -> "Unknown partner";
            case "unknown-message-type" -> "Unknown message type";
            case "malformed-record" -> "Malformed record";
            case "unmappable-record" -> "Unmappable record";
            case "body-too-large" -> "Body too large";
            default -> "Invalid record";
        };
    }
}
