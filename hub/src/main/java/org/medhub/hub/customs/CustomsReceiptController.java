package org.medhub.hub.customs;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.medhub.hub.inbound.BoundedBody;
import org.medhub.hub.problem.Problems;
import org.medhub.hub.settings.MedhubProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receipts from a customs authority, posted as its partner (signed or with its credential, like every inbound
 * message): the declaration moves forward; a duplicate or late receipt is answered the same and changes nothing.
 */
@RestController
class CustomsReceiptController {

    private final CustomsDesk desk;
    private final long maxBodyBytes;

    CustomsReceiptController(CustomsDesk desk, MedhubProperties properties) {
        this.desk = desk;
        this.maxBodyBytes = properties.inbound().maxBodySize().toBytes();
    }

    @PostMapping("/api/inbound/{partnerId}/customs-receipt")
    CustomsDesk.Received receive(@PathVariable String partnerId, HttpServletRequest request) throws IOException {
        byte[] body = request.getContentLengthLong() > maxBodyBytes ? null
                : BoundedBody.read(request.getInputStream(), maxBodyBytes);
        if (body == null) {
            throw Problems.fail(Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Body too large",
                    "a receipt is at most " + maxBodyBytes + " bytes (medhub.inbound.max-body-size)"));
        }
        try {
            return CustomsController.answer(() -> desk.receive(partnerId, body));
        } catch (IllegalArgumentException e) {
            throw Problems.fail(Problems.problem(HttpStatus.BAD_REQUEST, "malformed-receipt", "Malformed receipt",
                    e.getMessage()));
        }
    }
}
