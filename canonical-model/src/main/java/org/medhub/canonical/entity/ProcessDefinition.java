// Generated from dictionary/ProcessDefinition.yml by JavaTypesGenerator: edit the YAML, not this file.
package org.medhub.canonical.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An approved manufacturing process (MES routing or master recipe; B2MML OperationsDefinition with its ProcessSegments) for one material: the ordered steps and the process parameters with their limits.
 *
 * @param processNumber Number of the routing or recipe in the MES (B2MML OperationsDefinition ID). Required. Owner: MES.
 * @param version Version of the process definition; an approved version is never changed, a change makes a new one (B2MML Version). Required. Owner: MES.
 * @param name Name of the process, e.g. 导管挤出及组装 (catheter extrusion and assembly). Required. Owner: MES.
 * @param material Material the process produces (B2MML MaterialDefinitionID of the produced material). Required. Owner: MES.
 * @param plant ERP plant the process is approved for (SAP WERKS). Owner: MES.
 * @param status Approval state of this version; only an APPROVED version may be used by a work order. Required. Owner: MES.
 * @param approvedBy User id of the quality approver who signed the version. Owner: QMS.
 * @param approvedAt Moment of the approval signature, with its UTC offset. Owner: QMS.
 * @param effectiveFrom First day work orders may use this version. Owner: MES.
 * @param changeRecord Change control record that introduced this version. Owner: QMS.
 * @param validationReport Number of the process validation (IQ/OQ/PQ) report that covers this version. Owner: QMS.
 * @param steps Operations in their order (B2MML ProcessSegment, SAP routing operations). Required. Owner: MES.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProcessDefinition(
        String processNumber,
        Long version,
        String name,
        String material,
        String plant,
        Status status,
        String approvedBy,
        OffsetDateTime approvedAt,
        LocalDate effectiveFrom,
        String changeRecord,
        String validationReport,
        List<Step> steps) {

    public static final String ENTITY = "ProcessDefinition";
    public static final int SCHEMA_VERSION = 1;

    /** Approval state of this version; only an APPROVED version may be used by a work order. */
    public enum Status {
        DRAFT,
        IN_REVIEW,
        APPROVED,
        OBSOLETE
    }

    /**
     * Operations in their order (B2MML ProcessSegment, SAP routing operations).
     *
     * @param stepNumber Operation number giving the order of the steps, e.g. 10, 20, 30 (SAP VORNR). Required. Owner: MES.
     * @param name What the step does, e.g. 环氧乙烷灭菌 (EO sterilization). Required. Owner: MES.
     * @param workCenter Work centre or production line that performs the step (SAP ARBPL, B2MML Equipment). Owner: MES.
     * @param outsourced True when a partner factory performs the step. Owner: MES.
     * @param partner Partner factory or service provider (e.g. sterilization contractor) that performs an outsourced step. Owner: MES.
     * @param specialProcess True for a process whose output cannot be fully verified and must be validated (ISO 13485 7.5.6), e.g. sealing or sterilization. Owner: MES.
     * @param parameters Process parameters of the step with target and limits (B2MML ProcessSegmentParameter). Owner: MES.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(
            Long stepNumber,
            String name,
            String workCenter,
            Boolean outsourced,
            String partner,
            Boolean specialProcess,
            List<Parameter> parameters) {

        /**
         * Process parameters of the step with target and limits (B2MML ProcessSegmentParameter).
         *
         * @param name Parameter name, e.g. sealing temperature (B2MML Parameter ID). Required. Owner: MES.
         * @param target Set point of the parameter. Owner: MES.
         * @param lowerLimit Lowest acceptable value (lower control or specification limit). Owner: MES.
         * @param upperLimit Highest acceptable value (upper control or specification limit). Owner: MES.
         * @param unit UCUM unit of target and limits, e.g. Cel, kPa, s. Required. Owner: MES.
         * @param critical True for a critical process parameter that must be recorded per lot in the batch record. Owner: MES.
         */
        @JsonInclude(JsonInclude.Include.NON_NULL)
        public record Parameter(
                String name,
                BigDecimal target,
                BigDecimal lowerLimit,
                BigDecimal upperLimit,
                String unit,
                Boolean critical) {
        }
    }
}
