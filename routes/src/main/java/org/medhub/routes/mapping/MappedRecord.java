package org.medhub.routes.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;

/** What a mapping made of one source record: the canonical JSON, and the source's id and time if it gave them. */
public record MappedRecord(ObjectNode canonical, String sourceId, OffsetDateTime occurredAt) {}
