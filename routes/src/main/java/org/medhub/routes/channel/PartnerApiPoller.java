package org.medhub.routes.channel;

import static org.medhub.connectors.poll.PartnerApiClient.describe;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.medhub.connectors.poll.PartnerApi;
import org.medhub.connectors.poll.PartnerApiClient.PollFailedException;
import org.medhub.connectors.poll.PartnerApiClient;
import org.medhub.routes.inbound.IngestRoute;
import org.medhub.routes.inbound.RecordRejectedException;
import org.medhub.routes.kafka.MedhubHeaders;
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

    private final InboundChannel channel;
    private final PartnerApi api;
    private final PartnerApiClient client;
    private final CheckpointStore checkpoints;
    private final ProducerTemplate producer;

    public PartnerApiPoller(InboundChannel channel, PartnerApiClient client, CheckpointStore checkpoints,
            ProducerTemplate producer) {
        this.channel = channel;
        this.api = (PartnerApi) channel.pickup();
        this.client = client;
        this.checkpoints = checkpoints;
        this.producer = producer;
    }

    @Override
    public void process(Exchange exchange) throws InterruptedException {
        String checkpoint = checkpoints.checkpoint(channel.partner(), channel.name()).orElse(api.initialCheckpoint());
        for (int page = 0; page < api.maxPages(); page++) {
            PartnerApiClient.Page fetched = client.fetch(checkpoint);
            String taken = checkpoint;
            int accepted = 0;
            int refused = 0;
            for (Object record : fetched.records()) {
                Exchange result = producer.send(IngestRoute.ENDPOINT, ingestExchange -> {
                    ingestExchange.getMessage().setHeader(MedhubHeaders.PARTNER, channel.partner());
                    ingestExchange.getMessage().setHeader(MedhubHeaders.MESSAGE_TYPE, channel.messageType());
                    ingestExchange.getMessage().setBody(PartnerApiClient.json(record));
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
                if (api.checkpointFromRecord() != null) {
                    taken = PartnerApiClient.value(record, api.checkpointFromRecord()).orElse(taken);
                }
            }
            String next = api.checkpointFrom() != null ? fetched.cursor().orElse(taken) : taken;
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
}
