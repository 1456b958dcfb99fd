// Generated from dictionary/Shipment.yml by JavaTypesGenerator: edit the YAML, not this file.
package org.medhub.canonical.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.medhub.canonical.unit.Quantity;

/**
 * An outbound delivery of released lots to one consignee, with its packing lines by SSCC (SAP outbound delivery, IDoc DELVRY/DESADV; EDIFACT DESADV, X12 856; EPCIS shipping events).
 *
 * @param shipmentNumber Delivery or shipment number (SAP VBELN of the outbound delivery, DESADV BGM document number). Required. Owner: WMS.
 * @param salesOrderNumber Sales order the delivery fulfils (SAP VBELN of the order). Owner: ERP.
 * @param consignee Partner receiving the goods (ship-to party). Required. Owner: ERP.
 * @param shipTo Delivery address when it differs from the consignee's registered address. Owner: ERP.
 * @param carrier Carrier or forwarder that transports the goods. Owner: WMS.
 * @param trackingNumber Carrier's waybill or tracking number. Owner: WMS.
 * @param transportMode Main mode of transport. Required. Owner: WMS.
 * @param temperatureControlled True when the goods travel in the cold chain with data loggers (see StorageConditionReading). Required. Owner: WMS.
 * @param plannedShipDate Planned goods issue date. Owner: ERP.
 * @param shippedAt Moment of goods issue, when the goods left the warehouse (EPCIS bizStep shipping), with its UTC offset. Owner: WMS.
 * @param deliveredAt Moment of proof of delivery, with its UTC offset. Owner: WMS.
 * @param grossWeight Total gross weight of the shipment. Owner: WMS.
 * @param netWeight Total net weight of the goods, without packaging (DESADV MEA AAA, DELVRY NTGEW); what customs declares. Owner: WMS.
 * @param packageCount Number of packages (cartons or pallets) shipped. Owner: WMS.
 * @param lines Packing lines, one per lot in one logistic unit (packing list). Required. Owner: WMS.
 * @param status Stage of the shipment from planning to proof of delivery. Required. Owner: WMS.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Shipment(
        String shipmentNumber,
        String salesOrderNumber,
        String consignee,
        ShipTo shipTo,
        String carrier,
        String trackingNumber,
        TransportMode transportMode,
        Boolean temperatureControlled,
        LocalDate plannedShipDate,
        OffsetDateTime shippedAt,
        OffsetDateTime deliveredAt,
        Quantity grossWeight,
        Quantity netWeight,
        Long packageCount,
        List<Line> lines,
        Status status) {

    public static final String ENTITY = "Shipment";
    public static final int SCHEMA_VERSION = 1;

    /**
     * Delivery address when it differs from the consignee's registered address.
     *
     * @param name Receiving site or warehouse name. Required. Owner: ERP.
     * @param street Street, number and building. Required. Owner: ERP.
     * @param city City. Required. Owner: ERP.
     * @param province Province, state or region. Owner: ERP.
     * @param postalCode Postal code. Owner: ERP.
     * @param country Country, ISO 3166-1 alpha-2. Required. Owner: ERP.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ShipTo(
            String name,
            String street,
            String city,
            String province,
            String postalCode,
            String country) {
    }

    /** Main mode of transport. */
    public enum TransportMode {
        ROAD,
        AIR,
        SEA,
        RAIL,
        COURIER
    }

    /**
     * Packing lines, one per lot in one logistic unit (packing list).
     *
     * @param lineNumber Line number within the shipment. Required. Owner: WMS.
     * @param sscc SSCC of the carton or pallet (GS1 AI 00). Owner: WMS.
     * @param batch Released lot shipped, written 01/{gtin}/10/{lot}. Required. Owner: WMS.
     * @param quantity Number of units of the lot on this line. Required. Owner: WMS.
     * @param serials Serial numbers shipped on this line, for serialised devices (GS1 AI 21). Owner: WMS.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(
            Long lineNumber,
            String sscc,
            String batch,
            Quantity quantity,
            List<String> serials) {
    }

    /** Stage of the shipment from planning to proof of delivery. */
    public enum Status {
        PLANNED,
        PICKING,
        PACKED,
        SHIPPED,
        DELIVERED,
        RETURNED,
        CANCELLED
    }
}
