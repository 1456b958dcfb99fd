// Generated from dictionary/Batch.yml by JavaTypesGenerator: edit the YAML, not this file.
package org.medhub.canonical.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.medhub.canonical.unit.Quantity;

/**
 * A production lot of one trade item, identified by GTIN and lot number as on its UDI label (GS1 AI 01 + AI 10), from planning through QA release to shipment and recall.
 *
 * @param gtin GS1 GTIN-14 of the trade item (AI 01), the UDI-DI of the Product this lot belongs to. Required. Owner: ERP.
 * @param lot Lot or batch number as printed on the label (GS1 AI 10, SAP CHARG, B2MML MaterialLot ID). Required. Owner: MES.
 * @param materialNumber ERP material number of the finished or semi-finished good (SAP MATNR). Required. Owner: ERP.
 * @param status Where the lot is in its life, from the MES or the contract manufacturer up to QA release, shipment or recall. Required. Owner: MES.
 * @param productionDate Date of manufacture as on the label (GS1 AI 11). Owner: MES.
 * @param expiryDate Use-by date as on the label (GS1 AI 17; a label day 00 means the last day of that month). Owner: MES.
 * @param quantity Number of good units produced in the lot (B2MML ProductionPerformance actual quantity). Owner: MES.
 * @param plant ERP plant code of the producing or receiving site (SAP WERKS). Owner: ERP.
 * @param workOrder Work order, in-house or outsourced, under which the lot was made. Owner: ERP.
 * @param manufacturer Contract manufacturer that made the lot, when production is outsourced. Owner: ERP.
 * @param registrationCertificate NMPA registration certificate or filing under which the lot is made and may be sold in China. Owner: QMS.
 * @param sterilizationLoad Sterilization load or cycle number (EO or gamma) that processed the lot. Owner: MES.
 * @param releasedBy User id of the QA person who signed the release decision (see QualityRelease). Owner: QMS.
 * @param releasedAt Moment of the QA release signature, with its UTC offset. Owner: QMS.
 * @param statusReason Why the lot was rejected or recalled, in the words of the QMS record. Owner: QMS.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Batch(
        String gtin,
        String lot,
        String materialNumber,
        Status status,
        LocalDate productionDate,
        LocalDate expiryDate,
        Quantity quantity,
        String plant,
        String workOrder,
        String manufacturer,
        String registrationCertificate,
        String sterilizationLoad,
        String releasedBy,
        OffsetDateTime releasedAt,
        String statusReason) {

    public static final String ENTITY = "Batch";
    public static final int SCHEMA_VERSION = 2;

    /** Where the lot is in its life, from the MES or the contract manufacturer up to QA release, shipment or recall. */
    public enum Status {
        PLANNED,
        IN_PRODUCTION,
        QUARANTINE,
        RELEASED,
        REJECTED,
        SHIPPED,
        RECALLED
    }
}
