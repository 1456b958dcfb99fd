package org.medhub.routes.inbound;

import java.time.Clock;
import java.util.List;
import org.medhub.routes.ledger.Stage;
import org.medhub.routes.mapping.CanonicalLookup;
import org.medhub.routes.mapping.MappedEnvelopes;
import org.medhub.routes.mapping.MappedRecord;
import org.medhub.routes.mapping.MappingEngine;
import org.medhub.routes.mapping.MappingException;
import org.medhub.routes.mapping.MappingViolation;
import org.medhub.routes.partner.InboundMessageType;
import org.medhub.routes.partner.Partner;
import org.medhub.routes.partner.PartnerDirectory;

/**
 * Maps a partner's raw document by its configured mapping into canonical records, each valid by the
 * dictionary, each in its envelope. No I/O but the lookups a mapping asks for, so both the intake (to
 * answer the sender) and the pipeline (to publish) call it.
 */
public class RecordMapping {

    private final PartnerDirectory partners;
    private final MappingEngine engine;
    private final Clock clock;

    public RecordMapping(PartnerDirectory partners, CanonicalLookup lookup, Clock clock) {
        this.partners = partners;
        this.engine = new MappingEngine(lookup);
        this.clock = clock;
    }

    /**
     * @throws RecordRejectedException naming every problem, when the document cannot become canonical records
     */
    public List<MappedMessage> map(String partnerId, String messageTypeName, byte[] raw) {
        Partner partner = partners.partner(partnerId).orElseThrow(() -> new RecordRejectedException(
                "unknown-partner", Stage.RECEIVED, "no partner '" + partnerId + "' is configured", List.of()));
        InboundMessageType messageType = partner.messageType(messageTypeName).orElseThrow(() ->
                new RecordRejectedException("unknown-message-type", Stage.MAPPED, "partner '" + partnerId
                        + "' has no message type '" + messageTypeName + "'; it has " + partner.messageTypes().keySet(),
                        List.of()));
        List<MappedRecord> records;
        try {
            records = engine.map(messageType.mapping(), raw);
        } catch (MappingException e) {
            String problem = e.violations().isEmpty() ? "malformed-record" : "invalid-record";
            throw new RecordRejectedException(problem, Stage.MAPPED, e.getMessage(),
                    e.violations().stream().map(MappingViolation::toViolation).toList());
        }
        if (records.isEmpty()) {
            throw new RecordRejectedException("no-records", Stage.MAPPED, "mapping " + messageType.mapping().id()
                    + " finds no record in this document", List.of());
        }
        return records.stream()
                .map(r -> new MappedMessage(MappedEnvelopes.of(partner.id(), r, clock.instant()), r.lineageText()))
                .toList();
    }
}
