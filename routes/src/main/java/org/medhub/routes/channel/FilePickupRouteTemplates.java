package org.medhub.routes.channel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.medhub.canonical.envelope.MessageIds;
import org.medhub.canonical.validation.Violation;
import org.medhub.connectors.transport.FilePickup;
import org.medhub.routes.deadletter.DeadLetter;
import org.medhub.routes.deadletter.DeadLetters;
import org.medhub.routes.inbound.IngestRoute;
import org.medhub.routes.inbound.RecordRejectedException;
import org.medhub.routes.kafka.MedhubHeaders;
import org.medhub.routes.ledger.Rejection;
import org.medhub.routes.ledger.Stage;

/**
 * Files in, one record per file: every {@link FilePickup} (a watched folder, a partner's SFTP server) shares this
 * flow ({@value #TEMPLATE}). A file is taken only once it has stopped growing; an accepted file (or a duplicate) is
 * moved to {@code .done/}, a refused one to {@code .failed/} with
 * {@code <file>.reason.txt} beside it naming the problem and every violation. A file the hub could not
 * store (Kafka or the database down) stays where it is and is tried again at the next poll.
 */
public class FilePickupRouteTemplates extends RouteBuilder {

    public static final String TEMPLATE = "file-pickup";
    public static final String PARTNER = "partner";
    public static final String CHANNEL = "channel";
    public static final String MESSAGE_TYPE = "messageType";
    /** The consumer endpoint: {@link FilePickup#sourceUri()}. */
    public static final String SOURCE = "source";
    /** The producer endpoint that writes {@code <file>.reason.txt} into the failed folder: {@link FilePickup#reasonsUri()}. */
    public static final String REASONS = "reasons";
    public static final String MAX_FILE_BYTES = "maxFileBytes";

    private final DeadLetters deadLetters;

    public FilePickupRouteTemplates(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public void configure() {
        routeTemplate(TEMPLATE)
                .templateParameter(PARTNER, null, "id of the partner the files come from")
                .templateParameter(CHANNEL, null, "name of the channel in the partner's file")
                .templateParameter(MESSAGE_TYPE, null, "the partner's message type of every file")
                .templateParameter(SOURCE, null, "consumer endpoint URI of the folder or directory files are picked up from")
                .templateParameter(REASONS, null, "producer endpoint URI of the failed folder")
                .templateParameter(MAX_FILE_BYTES, null, "a larger file is refused unread")
                .from("{{" + SOURCE + "}}")
                .setProperty(FilePickup.DESTINATION, constant(FilePickup.DONE))
                .setHeader(MedhubHeaders.PARTNER, constant("{{" + PARTNER + "}}"))
                .setHeader(MedhubHeaders.MESSAGE_TYPE, constant("{{" + MESSAGE_TYPE + "}}"))
                .setProperty(MAX_FILE_BYTES, constant("{{" + MAX_FILE_BYTES + "}}"))
                .doTry()
                    .process(this::refuseOversized)
                    .convertBodyTo(byte[].class)
                    .to(IngestRoute.ENDPOINT)
                .doCatch(RecordRejectedException.class)
                    // the ingest route (or the size check) has recorded the refusal in the ledger and the DLQ
                    .setProperty(FilePickup.DESTINATION, constant(FilePickup.FAILED))
                    .process(FilePickupRouteTemplates::reason)
                    .to("{{" + REASONS + "}}")
                .end();
    }

    /** Checked on the length the folder or server reports, before a byte is read. */
    private void refuseOversized(Exchange exchange) {
        Message message = exchange.getMessage();
        long limit = exchange.getProperty(MAX_FILE_BYTES, Long.class);
        Long length = message.getHeader(Exchange.FILE_LENGTH, Long.class);
        if (length == null || length <= limit) {
            return;
        }
        String partner = message.getHeader(MedhubHeaders.PARTNER, String.class);
        String messageType = message.getHeader(MedhubHeaders.MESSAGE_TYPE, String.class);
        String name = message.getHeader(Exchange.FILE_NAME, String.class);
        String reason = "the file is " + length + " bytes, larger than the channel's limit of " + limit
                + " bytes (maxFileSize); it was not read";
        // As for an oversized HTTP body, the bytes are not kept; the ledger and the dead letter record the attempt.
        String messageId = MessageIds.fromRaw(partner, messageType,
                (name + "@" + length + "@" + message.getHeader(Exchange.FILE_LAST_MODIFIED, Long.class))
                        .getBytes(StandardCharsets.UTF_8));
        message.setHeader(MedhubHeaders.MESSAGE_ID, messageId);
        deadLetters.rejected(List.of(DeadLetter.rejected(
                new Rejection(messageId, partner, messageType, Stage.RECEIVED, reason, null), null)));
        throw new RecordRejectedException("file-too-large", Stage.RECEIVED, reason, List.of());
    }

    private static void reason(Exchange exchange) {
        RecordRejectedException rejection = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, RecordRejectedException.class);
        Message message = exchange.getMessage();
        String name = message.getHeader(Exchange.FILE_NAME_ONLY, String.class);
        // Not Exchange.FILE_NAME: the move to .failed/ reads it when the exchange completes.
        message.setHeader(Exchange.OVERRULE_FILE_NAME, name + ".reason.txt");
        message.setBody(reasonText(name, message.getHeader(MedhubHeaders.MESSAGE_ID, String.class), rejection)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** What an operator or the partner reads next to a refused file. */
    static String reasonText(String fileName, String messageId, RecordRejectedException rejection) {
        StringBuilder text = new StringBuilder()
                .append(fileName).append(" was refused: ").append(rejection.problem()).append('\n')
                .append("stage: ").append(rejection.stage()).append('\n')
                .append("reason: ").append(rejection.getMessage()).append('\n');
        if (messageId != null) {
            text.append("messageId: ").append(messageId).append('\n');
        }
        List<Violation> violations = rejection.violations();
        if (!violations.isEmpty()) {
            text.append("violations:\n");
            for (Violation violation : violations) {
                text.append("  - ").append(violation.field()).append(": ").append(violation.message())
                        .append(" [").append(violation.rule()).append(']');
                if (violation.value() != null) {
                    text.append(" (value: ").append(violation.value()).append(')');
                }
                text.append('\n');
            }
        }
        return text.toString();
    }
}
