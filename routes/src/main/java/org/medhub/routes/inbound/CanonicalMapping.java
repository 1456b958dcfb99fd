package org.medhub.routes.inbound;

import java.time.Clock;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.dictionary.EntityDefinition;
import org.medhub.canonical.dictionary.RecordValidator;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.canonical.envelope.MappingRef;
import org.medhub.canonical.envelope.MessageIds;
import org.medhub.canonical.validation.Violation;
import org.medhub.routes.MedhubHeaders;
import org.medhub.routes.Topics;
import org.medhub.routes.ledger.Stage;
import org.medhub.routes.mapping.JsonRecordMapper;
import org.medhub.routes.mapping.MappedRecord;
import org.medhub.routes.mapping.MappingException;
import org.medhub.routes.mapping.MappingSpec;
import org.medhub.routes.mapping.MappingViolation;
import org.medhub.routes.partner.InboundMessageType;
import org.medhub.routes.partner.Partner;
import org.medhub.routes.partner.PartnerDirectory;

/** Maps a partner's raw record by its configured mapping, validates it by the dictionary, and wraps it in an envelope. */
public class CanonicalMapping implements Processor {

    private final PartnerDirectory partners;
    private final JsonRecordMapper jsonMapper = new JsonRecordMapper();
    private final Clock clock;

    public CanonicalMapping(PartnerDirectory partners, Clock clock) {
        this.partners = partners;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String partnerId = message.getHeader(MedhubHeaders.PARTNER, String.class);
        String messageTypeName = message.getHeader(MedhubHeaders.MESSAGE_TYPE, String.class);
        Partner partner = partners.partner(partnerId).orElseThrow(() -> new RecordRejectedException(
                "unknown-partner", Stage.RECEIVED, "no partner '" + partnerId + "' is configured", List.of()));
        InboundMessageType messageType = partner.messageType(messageTypeName).orElseThrow(() ->
                new RecordRejectedException("unknown-message-type", Stage.MAPPED, "partner '" + partnerId
                        + "' has no message type '" + messageTypeName + "'; it has " + partner.messageTypes().keySet(),
                        List.of()));
        Envelope envelope = map(partner, messageType, message.getBody(byte[].class));

        message.setHeader(MedhubHeaders.MESSAGE_ID, envelope.messageId());
        message.setHeader(MedhubHeaders.ENTITY, envelope.entity());
        message.setHeader(MedhubHeaders.BUSINESS_KEY, envelope.businessKey());
        message.setHeader(KafkaConstants.KEY, envelope.businessKey());
        message.setHeader(KafkaConstants.OVERRIDE_TOPIC, Topics.canonical(
                DataDictionary.standard().entity(envelope.entity()).orElseThrow().topic()));
        message.setBody(CanonicalJson.toBytes(envelope));
        exchange.setProperty(MedhubHeaders.ENVELOPE, envelope);
    }

    private Envelope map(Partner partner, InboundMessageType messageType, byte[] raw) {
        MappingSpec spec = messageType.mapping();
        EntityDefinition entity = DataDictionary.standard().entity(spec.entity()).orElseThrow(() ->
                new IllegalStateException("mapping " + spec.id() + " names unknown entity " + spec.entity()));
        MappedRecord mapped;
        try {
            mapped = jsonMapper.map(spec, entity, raw, messageType.charset());
        } catch (MappingException e) {
            String problem = e.violations().isEmpty() ? "malformed-record" : "invalid-record";
            throw new RecordRejectedException(problem, Stage.MAPPED, e.getMessage(),
                    e.violations().stream().map(MappingViolation::toViolation).toList());
        }
        List<Violation> violations = RecordValidator.validate(entity, mapped.canonical());
        if (!violations.isEmpty()) {
            throw new RecordRejectedException("invalid-record", Stage.MAPPED, "the " + entity.name()
                    + " mapped from this record breaks " + violations.size() + " rule(s) of the data dictionary",
                    violations);
        }
        return envelope(partner, entity, spec, mapped);
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
