// Generated from dictionary/InventoryMovement.yml by JavaTypesGenerator: edit the YAML, not this file.
package org.medhub.canonical.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.medhub.canonical.unit.Quantity;

/**
 * One line of a posted goods movement in the warehouse, receipt, issue, transfer, stock status change or scrap, by material and lot (SAP material document, IDoc WMMBXY; EPCIS ObjectEvent receiving/shipping).
 *
 * @param documentNumber Number of the movement document (SAP MBLNR with year folded in, or the WMS transaction number). Required. Owner: WMS.
 * @param lineNumber Line of the movement document (SAP ZEILE). Required. Owner: WMS.
 * @param movementType Kind of movement. Required. Owner: WMS.
 * @param erpMovementType ERP movement type code, e.g. 101 receipt, 261 issue to order, 311 transfer, 321 quality release, 601 delivery (SAP BWART). Owner: WMS.
 * @param material Material moved. Required. Owner: WMS.
 * @param batch GTIN-labelled lot moved, written 01/{gtin}/10/{lot}. Owner: WMS.
 * @param materialLot Material lot without GTIN moved, written {material}/{lot}. Owner: WMS.
 * @param quantity Quantity moved, positive, in the material's base unit. Required. Owner: WMS.
 * @param from Where the stock came from; empty for a goods receipt. Owner: WMS.
 * @param to Where the stock went; empty for a goods issue or scrap. Owner: WMS.
 * @param movedAt Moment of the physical movement (EPCIS eventTime), with its UTC offset. Required. Owner: WMS.
 * @param postingDate Posting date in the ERP (SAP BUDAT). Owner: ERP.
 * @param workOrder Work order the goods were issued to or received from. Owner: WMS.
 * @param shipment Shipment the goods were issued for. Owner: WMS.
 * @param purchaseOrderNumber Purchase order the goods were received against (SAP EBELN). Owner: WMS.
 * @param reason Why stock was scrapped or returned. Owner: WMS.
 * @param postedBy User id of the warehouse operator. Owner: WMS.
 * @param reverses Movement line a REVERSAL cancels, written {documentNumber}/{lineNumber}. Owner: WMS.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InventoryMovement(
        String documentNumber,
        Long lineNumber,
        MovementType movementType,
        String erpMovementType,
        String material,
        String batch,
        String materialLot,
        Quantity quantity,
        From from,
        To to,
        OffsetDateTime movedAt,
        LocalDate postingDate,
        String workOrder,
        String shipment,
        String purchaseOrderNumber,
        String reason,
        String postedBy,
        String reverses) {

    public static final String ENTITY = "InventoryMovement";
    public static final int SCHEMA_VERSION = 1;

    /** Kind of movement. */
    public enum MovementType {
        GOODS_RECEIPT,
        GOODS_ISSUE,
        TRANSFER,
        STATUS_CHANGE,
        SCRAP,
        RETURN,
        REVERSAL
    }

    /**
     * Where the stock came from; empty for a goods receipt.
     *
     * @param plant ERP plant (SAP WERKS). Required. Owner: WMS.
     * @param storageLocation Storage location or warehouse (SAP LGORT). Owner: WMS.
     * @param bin Storage bin in the warehouse. Owner: WMS.
     * @param stockStatus Stock type the quantity was in. Owner: WMS.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record From(
            String plant,
            String storageLocation,
            String bin,
            StockStatus stockStatus) {

        /** Stock type the quantity was in. */
        public enum StockStatus {
            UNRESTRICTED,
            QUARANTINE,
            BLOCKED,
            RETURNS
        }
    }

    /**
     * Where the stock went; empty for a goods issue or scrap.
     *
     * @param plant ERP plant (SAP WERKS). Required. Owner: WMS.
     * @param storageLocation Storage location or warehouse (SAP LGORT). Owner: WMS.
     * @param bin Storage bin in the warehouse. Owner: WMS.
     * @param stockStatus Stock type the quantity went to. Owner: WMS.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record To(
            String plant,
            String storageLocation,
            String bin,
            StockStatus stockStatus) {

        /** Stock type the quantity went to. */
        public enum StockStatus {
            UNRESTRICTED,
            QUARANTINE,
            BLOCKED,
            RETURNS
        }
    }
}
