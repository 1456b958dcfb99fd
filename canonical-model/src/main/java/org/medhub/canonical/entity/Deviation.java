// Generated from dictionary/Deviation.yml by JavaTypesGenerator: edit the YAML, not this file.
package org.medhub.canonical.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A recorded departure from an approved procedure, specification or process (GMP deviation or nonconformance, ISO 13485 8.3), with its investigation and closure in the QMS.
 *
 * @param deviationNumber Number of the deviation record in the QMS. Required. Owner: QMS.
 * @param title Short statement of what deviated. Required. Owner: QMS.
 * @param description What happened, where and when, as first reported. Required. Owner: QMS.
 * @param category Area the deviation belongs to; STORAGE_CONDITION for a cold-chain excursion. Required. Owner: QMS.
 * @param severity Classification by impact on product quality and patient safety. Required. Owner: QMS.
 * @param planned True for a planned deviation approved in advance. Owner: QMS.
 * @param detectedAt Moment the deviation was detected, with its UTC offset. Required. Owner: QMS.
 * @param detectedBy User id of the person who reported it. Required. Owner: QMS.
 * @param plant ERP plant where it occurred (SAP WERKS). Owner: QMS.
 * @param affectedBatches Finished lots affected, written 01/{gtin}/10/{lot}; these stay in QUARANTINE until it is closed. Owner: QMS.
 * @param affectedMaterialLots Material lots affected, written {material}/{lot}. Owner: QMS.
 * @param workOrder Work order during which it occurred. Owner: QMS.
 * @param partner Supplier or contract manufacturer concerned, for a supplier deviation. Owner: QMS.
 * @param productImpact Assessment of the impact on the affected product. Owner: QMS.
 * @param rootCause Root cause found by the investigation. Owner: QMS.
 * @param capa CAPA opened to remove the root cause, when one is needed. Owner: QMS.
 * @param dueDate Date by which the deviation must be closed. Owner: QMS.
 * @param status Stage of handling in the QMS workflow. Required. Owner: QMS.
 * @param closedBy User id of the QA approver who closed the deviation. Owner: QMS.
 * @param closedAt Moment of closure, with its UTC offset. Owner: QMS.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Deviation(
        String deviationNumber,
        String title,
        String description,
        Category category,
        Severity severity,
        Boolean planned,
        OffsetDateTime detectedAt,
        String detectedBy,
        String plant,
        List<String> affectedBatches,
        List<String> affectedMaterialLots,
        String workOrder,
        String partner,
        String productImpact,
        String rootCause,
        String capa,
        LocalDate dueDate,
        Status status,
        String closedBy,
        OffsetDateTime closedAt) {

    public static final String ENTITY = "Deviation";
    public static final int SCHEMA_VERSION = 1;

    /** Area the deviation belongs to; STORAGE_CONDITION for a cold-chain excursion. */
    public enum Category {
        PROCESS,
        MATERIAL,
        EQUIPMENT,
        ENVIRONMENT,
        DOCUMENTATION,
        SUPPLIER,
        OUT_OF_SPECIFICATION,
        STORAGE_CONDITION
    }

    /** Classification by impact on product quality and patient safety. */
    public enum Severity {
        MINOR,
        MAJOR,
        CRITICAL
    }

    /** Stage of handling in the QMS workflow. */
    public enum Status {
        OPEN,
        UNDER_INVESTIGATION,
        PENDING_APPROVAL,
        CLOSED,
        CANCELLED
    }
}
