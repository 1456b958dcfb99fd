// Generated from dictionary/SerialUnit.yml by JavaTypesGenerator: edit the YAML, not this file.
package org.medhub.canonical.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One serialised device, identified by GTIN and serial number as on its UDI label (GS1 AI 01 + AI 21), followed from commissioning through packing and shipment (EPCIS ObjectEvent / AggregationEvent).
 *
 * @param gtin GS1 GTIN-14 of the device (AI 01), the UDI-DI. Required. Owner: ERP.
 * @param serial Serial number as printed on the label (GS1 AI 21). Required. Owner: MES.
 * @param batch Lot the unit belongs to, written 01/{gtin}/10/{lot}. Required. Owner: MES.
 * @param productionDate Date of manufacture (GS1 AI 11). Owner: MES.
 * @param expiryDate Use-by date (GS1 AI 17). Owner: MES.
 * @param udi Complete UDI as printed or encoded, in any GS1 written form (bracketed, scan data or Digital Link). Owner: MES.
 * @param parentSscc SSCC of the case or pallet the unit is packed in (AI 00, EPCIS AggregationEvent parentID). Owner: WMS.
 * @param shipment Shipment the unit left with. Owner: WMS.
 * @param status State of the unit (EPCIS CBV dispositions active, in_transit, returned, recalled, destroyed). Required. Owner: MES.
 * @param statusChangedAt Moment of the event that set the current status (EPCIS eventTime), with its UTC offset. Owner: MES.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SerialUnit(
        String gtin,
        String serial,
        String batch,
        LocalDate productionDate,
        LocalDate expiryDate,
        String udi,
        String parentSscc,
        String shipment,
        Status status,
        OffsetDateTime statusChangedAt) {

    public static final String ENTITY = "SerialUnit";
    public static final int SCHEMA_VERSION = 1;

    /** State of the unit (EPCIS CBV dispositions active, in_transit, returned, recalled, destroyed). */
    public enum Status {
        COMMISSIONED,
        PACKED,
        SHIPPED,
        RETURNED,
        RECALLED,
        DECOMMISSIONED
    }
}
