// Generated from dictionary/WorkOrder.yml by JavaTypesGenerator: edit the YAML, not this file.
package org.medhub.canonical.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.medhub.canonical.unit.Quantity;

/**
 * A production order for one material, made in-house or outsourced to a contract manufacturer (SAP production or subcontracting order; B2MML ProductionSchedule / ProductionRequest).
 *
 * @param orderNumber Work order number (SAP AUFNR, B2MML ProductionRequest ID). Required. Owner: ERP.
 * @param orderType Made in an own plant or by a contract manufacturer (委托生产). Required. Owner: ERP.
 * @param material Material to be produced. Required. Owner: ERP.
 * @param product Device (UDI-DI) produced, when the output is a labelled finished device. Owner: ERP.
 * @param plant ERP plant that owns the order (SAP WERKS). Required. Owner: ERP.
 * @param partner Contract manufacturer that executes an outsourced order. Owner: ERP.
 * @param purchaseOrderNumber Subcontracting purchase order sent to the contract manufacturer (SAP EBELN). Owner: ERP.
 * @param processDefinition Approved process definition version the order must follow. Owner: ERP.
 * @param billOfMaterials Bill of materials the order's components were exploded from. Owner: ERP.
 * @param lot Lot number assigned in advance to the output (GS1 AI 10), so that a partner labels with the brand owner's lot. Owner: ERP.
 * @param plannedQuantity Quantity to produce in units (B2MML ProductionRequest quantity). Required. Owner: ERP.
 * @param producedQuantity Good quantity confirmed by the MES or reported by the contract manufacturer (B2MML ProductionPerformance). Owner: MES.
 * @param scrapQuantity Quantity scrapped in production. Owner: MES.
 * @param plannedStartDate Planned start of production. Owner: ERP.
 * @param dueDate Date by which the output must be finished (for outsourced orders, delivered). Required. Owner: ERP.
 * @param actualStart Moment production actually started, with its UTC offset. Owner: MES.
 * @param actualEnd Moment production actually ended, with its UTC offset. Owner: MES.
 * @param status Execution state as the MES or, for outsourced orders, the partner reports it. Required. Owner: MES.
 * @param statusReason Why the order is on hold or was cancelled. Owner: MES.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkOrder(
        String orderNumber,
        OrderType orderType,
        String material,
        String product,
        String plant,
        String partner,
        String purchaseOrderNumber,
        String processDefinition,
        String billOfMaterials,
        String lot,
        Quantity plannedQuantity,
        Quantity producedQuantity,
        Quantity scrapQuantity,
        LocalDate plannedStartDate,
        LocalDate dueDate,
        OffsetDateTime actualStart,
        OffsetDateTime actualEnd,
        Status status,
        String statusReason) {

    public static final String ENTITY = "WorkOrder";
    public static final int SCHEMA_VERSION = 1;

    /** Made in an own plant or by a contract manufacturer (委托生产). */
    public enum OrderType {
        IN_HOUSE,
        OUTSOURCED
    }

    /** Execution state as the MES or, for outsourced orders, the partner reports it. */
    public enum Status {
        CREATED,
        RELEASED,
        IN_PROGRESS,
        ON_HOLD,
        COMPLETED,
        CLOSED,
        CANCELLED
    }
}
