package org.medhub.routes.mapping;

import java.time.Instant;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.dictionary.EntityDefinition;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.canonical.envelope.MessageIds;

/**
 * The envelope of a mapped record, as the ingest makes it: the message id from the source's own id when the
 * mapping reads one (else from what the record says), the business key, the mapping id and version.
 */
public final class MappedEnvelopes {

    private MappedEnvelopes() {}

    public static Envelope of(String partner, MappedRecord record, Instant receivedAt) {
        EntityDefinition entity = DataDictionary.standard().entity(record.entity()).orElseThrow();
        String businessKey = entity.businessKey().of(record.canonical());
        String messageId = record.sourceId() != null
                ? MessageIds.fromSourceId(partner, entity.name(), record.sourceId())
                : MessageIds.fromContent(partner, entity.name(), businessKey, CanonicalJson.toBytes(record.canonical()));
        return new Envelope(messageId, entity.name(), entity.version(), businessKey, partner, partner, record.sourceId(),
                record.baseVersion(), null, messageId, null, record.occurredAt(), receivedAt, record.mapping(),
                record.canonical(), record.deleted());
    }
}
