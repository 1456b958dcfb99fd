package org.medhub.routes.inbound;

import java.time.Clock;
import java.util.List;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.dictionary.EntityDefinition;
import org.medhub.canonical.dictionary.RecordValidator;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.canonical.envelope.MappingRef;
import org.medhub.canonical.envelope.MessageIds;
import org.medhub.canonical.validation.Violation;
import org.medhub.routes.ledger.Stage;
import org.medhub.routes.mapping.JsonRecordMapper;
import org.medhub.routes.mapping.MappedRecord;
import org.medhub.routes.mapping.MappingException;
import org.medhub.routes.mapping.MappingSpec;
import org.medhub.routes.partner.InboundMessageType;
import org.medhub.routes.partner.Partner;
import org.medhub.routes.partner.PartnerDirectory;

/**
 * Maps a partner's raw record by its configured mapping, validates every record it makes by the
 * dictionary, and wraps each in an envelope. Pure: no I/O, so both the intake (to answer the sender)
 * and the pipeline (to publish) call it.
 */
public class RecordMapping {

    private final PartnerDirectory partners;
    private final JsonRecordMapper jsonMapper = new JsonRecordMapper();
    private final Clock clock;

    public RecordMapping(PartnerDirectory partners, Clock clock) {
        this.partners = partners;
        this.clock = clock;
    }

    /**
     * @throws RecordRejectedException naming every problem, when the record cannot become canonical records
     */
    public List<Envelope> map(String partnerId, String messageTypeName, byte[] raw) {
        Partner partner = partners.partner(partnerId).orElseThrow(() -> new RecordRejectedException(
                "unknown-partner", Stage.RECEIVED, "no partner '" + partnerId + "' is configured", List.of()));
        InboundMessageType messageType = partner.messageType(messageTypeName).orElseThrow(() ->
                new RecordRejectedException("unknown-message-type", Stage.MAPPED, "partner '" + partnerId
                        + "' has no message type '" + messageTypeName + "'; it has " + partner.messageTypes().keySet(),
                        List.of()));
        MappingSpec spec = messageType.mapping();
        EntityDefinition entity = DataDictionary.standard().entity(spec.entity()).orElseThrow(() ->
                new IllegalStateException("mapping " + spec.id() + " names unknown entity " + spec.entity()));
        MappedRecord mapped;
        try {
            mapped = jsonMapper.map(spec, entity, raw, messageType.charset());
        } catch (MappingException e) {
            String problem = e.violations().isEmpty() ? "malformed-record" : "invalid-record";
            throw new RecordRejectedException(problem, Stage.MAPPED, e.getMessage(), e.violations());
        }
        List<Violation> violations = RecordValidator.validate(entity, mapped.canonical());
        if (!violations.isEmpty()) {
            throw new RecordRejectedException("invalid-record", Stage.MAPPED, "the " + entity.name()
                    + " mapped from this record breaks " + violations.size() + " rule(s) of the data dictionary",
                    violations);
        }
        return List.of(envelope(partner, entity, spec, mapped));
    }

    private Envelope envelope(Partner partner, EntityDefinition entity, MappingSpec spec, MappedRecord mapped) {
        String businessKey = entity.businessKey().of(mapped.canonical());
        String messageId = mapped.sourceId() != null
                ? MessageIds.fromSourceId(partner.id(), entity.name(), mapped.sourceId())
                : MessageIds.fromContent(partner.id(), entity.name(), businessKey, CanonicalJson.toBytes(mapped.canonical()));
        return new Envelope(messageId, entity.name(), entity.version(), businessKey, partner.id(), partner.id(),
                mapped.sourceId(), null, messageId, null, mapped.occurredAt(), clock.instant(),
                new MappingRef(spec.id(), spec.version()), mapped.canonical());
    }
}
