// Generated from dictionary/Aggregation.yml by JavaTypesGenerator: edit the YAML, not this file.
package org.medhub.canonical.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import org.medhub.canonical.unit.Quantity;

/**
 * One child packed into, seen in, or taken out of its parent: a unit into a case, a case onto a pallet, a component into a serialised kit (EPCIS AggregationEvent, one record per child). The link of packing genealogy that a recall follows from a unit to the pallet that shipped it.
 *
 * @param eventId Unique id of the record, e.g. the EPCIS eventID with the child's place in the event. Required. Owner: WMS.
 * @param action EPCIS action: the child packed into the parent, seen in it, or taken out of it. A DELETE without a child empties the parent. Required. Owner: WMS.
 * @param parentSscc SSCC of the case or pallet (AI 00, EPCIS parentID). Owner: WMS.
 * @param parentSerialUnit Serialised unit the child is part of, e.g. a kit, written 01/{gtin}/21/{serial}. Owner: WMS.
 * @param childSerialUnit Serialised unit packed, written 01/{gtin}/21/{serial} (EPCIS childEPCs SGTIN). Owner: WMS.
 * @param childSscc Case or pallet packed (EPCIS childEPCs SSCC). Owner: WMS.
 * @param childBatch Lot of unserialised goods packed, written 01/{gtin}/10/{lot} (EPCIS childQuantityList LGTIN). Owner: WMS.
 * @param quantity Quantity of the lot packed (EPCIS childQuantityList quantity and uom). Owner: WMS.
 * @param aggregatedAt Moment of the event (EPCIS eventTime), with its UTC offset. Required. Owner: WMS.
 * @param bizLocation Where the goods are after the event (EPCIS bizLocation), e.g. urn:epc:id:sgln:9506000.00001.0. Owner: WMS.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Aggregation(
        String eventId,
        Action action,
        String parentSscc,
        String parentSerialUnit,
        String childSerialUnit,
        String childSscc,
        String childBatch,
        Quantity quantity,
        OffsetDateTime aggregatedAt,
        String bizLocation) {

    public static final String ENTITY = "Aggregation";
    public static final int SCHEMA_VERSION = 1;

    /** EPCIS action: the child packed into the parent, seen in it, or taken out of it. A DELETE without a child empties the parent. */
    public enum Action {
        ADD,
        OBSERVE,
        DELETE
    }
}
