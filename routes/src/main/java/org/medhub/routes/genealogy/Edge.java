package org.medhub.routes.genealogy;

import java.math.BigDecimal;

/**
 * One link of the genealogy, in the direction goods go: a lot consumed into a batch, a batch made into serials, an
 * item packed in a case, a batch shipped, a shipment delivered to a customer, in a country, declared to customs.
 *
 * @param quantity how much went along it, where the record says (a consumed quantity, a shipped line), else null
 */
public record Edge(String fromEntity, String fromKey, String toEntity, String toKey, Relation relation,
        BigDecimal quantity, String unit) {

    /** What a link says; forward is the direction goods go. */
    public enum Relation {
        CONSUMED_INTO,
        MADE_INTO,
        PACKED_IN,
        SHIPPED_IN,
        DELIVERED_TO,
        SHIPPED_TO_COUNTRY,
        DECLARED_IN
    }

    static Edge of(String fromEntity, String fromKey, String toEntity, String toKey, Relation relation) {
        return new Edge(fromEntity, fromKey, toEntity, toKey, relation, null, null);
    }
}
