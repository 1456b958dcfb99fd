// Generated from dictionary/ChangeRecord.yml by JavaTypesGenerator: edit the YAML, not this file.
package org.medhub.canonical.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A change control record (ISO 13485 7.3.9 and 4.1.4): a proposed change to a design, process, material, supplier, label or document, its risk and regulatory assessment, approval and implementation.
 *
 * @param changeNumber Number of the change control record in the QMS. Required. Owner: QMS.
 * @param title Short statement of the change. Required. Owner: QMS.
 * @param description What is changed, from what to what. Required. Owner: QMS.
 * @param justification Why the change is made. Required. Owner: QMS.
 * @param changeType What kind of thing is changed. Required. Owner: QMS.
 * @param regulatoryImpact NMPA consequence of the change, none, a change filing (变更备案) or a change registration (变更注册) before use. Required. Owner: QMS.
 * @param riskAssessment Summary of the risk assessment (ISO 14971) of the change. Owner: QMS.
 * @param validationRequired True when the change requires process or design validation before implementation. Owner: QMS.
 * @param affectedMaterials Materials whose master data, BOM or specification changes. Owner: QMS.
 * @param affectedProducts Devices affected, written 01/{gtin}. Owner: QMS.
 * @param affectedProcesses Process definition versions replaced by the change, written {processNumber}/{version}. Owner: QMS.
 * @param affectedCertificates Registration certificates whose content the change touches. Owner: QMS.
 * @param requestedBy User id of the requester. Required. Owner: QMS.
 * @param requestedAt Moment the change was requested, with its UTC offset. Required. Owner: QMS.
 * @param approvedBy User id of the change control board chair or QA approver who signed approval. Owner: QMS.
 * @param approvedAt Moment of the approval signature, with its UTC offset. Owner: QMS.
 * @param decisionComment Reason given when the change is rejected. Owner: QMS.
 * @param plannedEffectiveDate Date from which the change is planned to apply. Owner: QMS.
 * @param implementedAt Moment the change was implemented, with its UTC offset. Owner: QMS.
 * @param status Stage of the change in the QMS change control workflow. Required. Owner: QMS.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeRecord(
        String changeNumber,
        String title,
        String description,
        String justification,
        ChangeType changeType,
        RegulatoryImpact regulatoryImpact,
        String riskAssessment,
        Boolean validationRequired,
        List<String> affectedMaterials,
        List<String> affectedProducts,
        List<String> affectedProcesses,
        List<String> affectedCertificates,
        String requestedBy,
        OffsetDateTime requestedAt,
        String approvedBy,
        OffsetDateTime approvedAt,
        String decisionComment,
        LocalDate plannedEffectiveDate,
        OffsetDateTime implementedAt,
        Status status) {

    public static final String ENTITY = "ChangeRecord";
    public static final int SCHEMA_VERSION = 1;

    /** What kind of thing is changed. */
    public enum ChangeType {
        DESIGN,
        PROCESS,
        MATERIAL,
        SUPPLIER,
        EQUIPMENT,
        SOFTWARE,
        LABELING,
        DOCUMENT
    }

    /** NMPA consequence of the change, none, a change filing (变更备案) or a change registration (变更注册) before use. */
    public enum RegulatoryImpact {
        NONE,
        CHANGE_FILING,
        CHANGE_REGISTRATION
    }

    /** Stage of the change in the QMS change control workflow. */
    public enum Status {
        DRAFT,
        SUBMITTED,
        APPROVED,
        REJECTED,
        IMPLEMENTED,
        CLOSED,
        CANCELLED
    }
}
