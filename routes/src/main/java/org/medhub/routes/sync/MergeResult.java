package org.medhub.routes.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.medhub.canonical.validation.Violation;

/**
 * What merging an update into the current record gives.
 *
 * @param merged the record with every change that merges cleanly
 * @param changed the fields the update changes
 * @param conflicts fields changed on both sides since the update's base: for a person to decide
 * @param notOwned changed fields whose owning system is not the update's source
 * @param transition a life-cycle move the entity's state machine forbids
 */
public record MergeResult(ObjectNode merged, List<String> changed, List<FieldConflict> conflicts,
        List<String> notOwned, Optional<Violation> transition) {}
