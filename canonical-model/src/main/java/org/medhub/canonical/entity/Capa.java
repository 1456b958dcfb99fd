// Generated from dictionary/Capa.yml by JavaTypesGenerator: edit the YAML, not this file.
package org.medhub.canonical.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A corrective and/or preventive action record (CAPA, ISO 13485 8.5.2 and 8.5.3; FDA 21 CFR 820): the problem, its root cause, the actions taken and the check that they were effective.
 *
 * @param capaNumber Number of the CAPA record in the QMS. Required. Owner: QMS.
 * @param title Short statement of the problem addressed. Required. Owner: QMS.
 * @param capaType Corrective (remove the cause of a found nonconformity), preventive (of a potential one) or both. Required. Owner: QMS.
 * @param source Where the need for the CAPA came from. Required. Owner: QMS.
 * @param deviations Deviations that led to the CAPA. Owner: QMS.
 * @param complaintNumber Number of the customer complaint that led to the CAPA. Owner: QMS.
 * @param problemStatement Description of the nonconformity or potential nonconformity. Required. Owner: QMS.
 * @param rootCause Root cause as established by the investigation (5 Why, fishbone, fault tree). Owner: QMS.
 * @param responsible User id of the CAPA owner. Required. Owner: QMS.
 * @param openedAt Moment the CAPA was opened, with its UTC offset. Required. Owner: QMS.
 * @param dueDate Date by which the CAPA must be closed. Owner: QMS.
 * @param actions Actions of the CAPA plan. Owner: QMS.
 * @param changeRecords Change control records through which the actions were implemented. Owner: QMS.
 * @param effectivenessCriteria How effectiveness will be verified, e.g. no recurrence in the next ten lots. Owner: QMS.
 * @param effectivenessResult Outcome of the effectiveness check. Owner: QMS.
 * @param status Stage of the CAPA in the QMS workflow. Required. Owner: QMS.
 * @param closedBy User id of the QA approver who closed the CAPA. Owner: QMS.
 * @param closedAt Moment of closure, with its UTC offset. Owner: QMS.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Capa(
        String capaNumber,
        String title,
        CapaType capaType,
        Source source,
        List<String> deviations,
        String complaintNumber,
        String problemStatement,
        String rootCause,
        String responsible,
        OffsetDateTime openedAt,
        LocalDate dueDate,
        List<Action> actions,
        List<String> changeRecords,
        String effectivenessCriteria,
        EffectivenessResult effectivenessResult,
        Status status,
        String closedBy,
        OffsetDateTime closedAt) {

    public static final String ENTITY = "Capa";
    public static final int SCHEMA_VERSION = 1;

    /** Corrective (remove the cause of a found nonconformity), preventive (of a potential one) or both. */
    public enum CapaType {
        CORRECTIVE,
        PREVENTIVE,
        CORRECTIVE_AND_PREVENTIVE
    }

    /** Where the need for the CAPA came from. */
    public enum Source {
        DEVIATION,
        COMPLAINT,
        INTERNAL_AUDIT,
        EXTERNAL_AUDIT,
        SUPPLIER,
        TREND_ANALYSIS,
        MANAGEMENT_REVIEW
    }

    /**
     * Actions of the CAPA plan.
     *
     * @param actionNumber Number of the action within the CAPA. Required. Owner: QMS.
     * @param description What is to be done. Required. Owner: QMS.
     * @param assignee User id of the person who must do it. Required. Owner: QMS.
     * @param dueDate Date by which it must be done. Required. Owner: QMS.
     * @param completedAt Moment it was done, with its UTC offset. Owner: QMS.
     * @param status Whether the action is done. Required. Owner: QMS.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Action(
            Long actionNumber,
            String description,
            String assignee,
            LocalDate dueDate,
            OffsetDateTime completedAt,
            Status status) {

        /** Whether the action is done. */
        public enum Status {
            OPEN,
            DONE,
            CANCELLED
        }
    }

    /** Outcome of the effectiveness check. */
    public enum EffectivenessResult {
        EFFECTIVE,
        NOT_EFFECTIVE
    }

    /** Stage of the CAPA in the QMS workflow. */
    public enum Status {
        OPEN,
        INVESTIGATION,
        PLANNED,
        IMPLEMENTATION,
        EFFECTIVENESS_CHECK,
        CLOSED,
        CANCELLED
    }
}
