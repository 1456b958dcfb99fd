package org.medhub.routes.inbound;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.canonical.validation.PrintableText;
import org.medhub.canonical.validation.Violation;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps a partner's raw document by its configured mapping into canonical records, each valid by the
 * dictionary, each in its envelope. No I/O but the lookups a mapping asks for, so both the intake (to
 * answer the sender) and the pipeline (to publish) call it.
 */
public class RecordMapping {

    private static final Logger log = LoggerFactory.getLogger(RecordMapping.class);

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
     * @throws CanonicalLookup.UnavailableException when a lookup could not be answered: not the document's fault
     */
    public List<MappedMessage> map(String partnerId, String messageTypeName, byte[] raw) {
        Partner partner = partners.partner(partnerId).orElseThrow(() -> new RecordRejectedException(
                "unknown-partner", Stage.RECEIVED, "no partner '" + PrintableText.quote(partnerId) + "' is configured",
                List.of()));
        InboundMessageType messageType = partner.messageType(messageTypeName).orElseThrow(() ->
                new RecordRejectedException("unknown-message-type", Stage.MAPPED, "partner '" + partnerId
                        + "' has no message type '" + PrintableText.quote(messageTypeName) + "'; it has "
                        + partner.messageTypes().keySet(), List.of()));
        List<MappedRecord> records;
        try {
            records = engine.map(messageType.mapping(), raw);
        } catch (MappingException e) {
            String problem = e.violations().isEmpty() ? "malformed-record" : "invalid-record";
            throw new RecordRejectedException(problem, Stage.MAPPED, e.getMessage(),
                    e.violations().stream().map(MappingViolation::toViolation).toList());
        } catch (CanonicalLookup.UnavailableException e) {
            throw e; // the hub's fault, not the document's: the record is taken again later
        } catch (RuntimeException e) {
            // A defect of the mapping engine met by this document. Mapping it again gives the same answer, so
            // it is refused (and kept) rather than retried for ever; the log has what a developer needs.
            log.warn("Mapping {} failed on a document of partner {}: {}", messageType.mapping().id(), partnerId, e.toString());
            log.debug("The mapping failure", e);
            throw new RecordRejectedException("unmappable-record", Stage.MAPPED, "mapping " + messageType.mapping().id()
                    + " could not read this document (" + e.getClass().getSimpleName() + "); it is kept for a replay once the"
                    + " mapping is fixed", List.of());
        }
        if (records.isEmpty()) {
            throw new RecordRejectedException("no-records", Stage.MAPPED, "mapping " + messageType.mapping().id()
                    + " finds no record in this document", List.of());
        }
        List<MappedMessage> messages = new ArrayList<>(records.size());
        List<Violation> tooLong = new ArrayList<>();
        for (MappedRecord record : records) {
            Envelope envelope = MappedEnvelopes.of(partner.id(), record, clock.instant());
            tooLong.addAll(EnvelopeLimits.check(record.rule() + "[" + record.index() + "]", envelope));
            messages.add(new MappedMessage(envelope, record.lineageText()));
        }
        if (!tooLong.isEmpty()) {
            throw new RecordRejectedException("invalid-record", Stage.MAPPED, "the document does not fit mapping "
                    + messageType.mapping().id() + " v" + messageType.mapping().version() + ": " + tooLong.size()
                    + " problem(s)", tooLong);
        }
        return messages;
    }
}
