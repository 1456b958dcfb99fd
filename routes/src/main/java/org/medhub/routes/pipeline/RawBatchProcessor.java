package org.medhub.routes.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.medhub.canonical.envelope.MessageIds;
import org.medhub.routes.deadletter.DeadLetter;
import org.medhub.routes.deadletter.DeadLetters;
import org.medhub.routes.inbound.Intake;
import org.medhub.routes.inbound.MappedMessage;
import org.medhub.routes.inbound.RecordMapping;
import org.medhub.routes.inbound.RecordRejectedException;
import org.medhub.routes.kafka.MedhubHeaders;
import org.medhub.routes.ledger.Admittance;
import org.medhub.routes.ledger.KafkaLocation;
import org.medhub.routes.ledger.Rejection;

/**
 * A batch of raw records to canonical records, at a fixed cost per batch: mapping and validation in
 * memory, then the {@link CanonicalPublisher} (admit, merge, write, record: a transaction each, not a
 * statement per record), then the offsets. A crash anywhere before the commit makes the batch run
 * again, and every step of it is idempotent.
 */
public class RawBatchProcessor implements Processor {

    private final RecordMapping mapping;
    private final CanonicalPublisher publisher;
    private final DeadLetters deadLetters;

    public RawBatchProcessor(RecordMapping mapping, CanonicalPublisher publisher, DeadLetters deadLetters) {
        this.mapping = mapping;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
    }

    @Override
    public void process(Exchange batch) {
        List<Exchange> records = BatchRecords.of(batch);
        List<Admittance> admittances = new ArrayList<>();
        List<DeadLetter> rejections = new ArrayList<>();
        for (Exchange record : records) {
            Message message = record.getMessage();
            String intake = BatchRecords.header(message, MedhubHeaders.INTAKE);
            if (intake != null && !Intake.ACCEPTED.name().equals(intake)) {
                continue; // the intake answered the sender and wrote the ledger rows already
            }
            String partner = BatchRecords.header(message, MedhubHeaders.PARTNER);
            String messageType = BatchRecords.header(message, MedhubHeaders.MESSAGE_TYPE);
            byte[] raw = message.getBody(byte[].class);
            KafkaLocation rawLocation = BatchRecords.location(message);
            try {
                for (MappedMessage mapped : mapping.map(partner, messageType, raw)) {
                    admittances.add(new Admittance(mapped.envelope(), messageType, rawLocation, mapped.lineage()));
                }
            } catch (RecordRejectedException e) {
                String messageId = MessageIds.fromRaw(partner, messageType, raw);
                rejections.add(DeadLetter.rejected(new Rejection(messageId, partner, messageType, e.stage(), e.getMessage(),
                        rawLocation), raw));
            }
        }
        UntilDone.run("publishing a batch of " + records.size() + " raw records", () -> publisher.publish(admittances));
        UntilDone.run("recording " + rejections.size() + " rejected records", () -> deadLetters.rejected(rejections));
        BatchRecords.commit(records);
    }
}
