// Generated from dictionary/InspectionResult.yml by JavaTypesGenerator: edit the YAML, not this file.
package org.medhub.canonical.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import org.medhub.canonical.unit.Quantity;

/**
 * One approved result of one test characteristic on one sample, as the LIMS reports it (B2MML OperationsTest result; SAP QM inspection result); a correction is a new result that supersedes the old.
 *
 * @param resultId Unique id of the result in the LIMS. Required. Owner: LIMS.
 * @param sampleNumber LIMS sample or SAP QM inspection lot number the result belongs to. Required. Owner: LIMS.
 * @param inspectionType Why the sample was tested (SAP QM inspection type such as 01 goods receipt, 04 final). Required. Owner: LIMS.
 * @param batch Finished or GTIN-labelled lot the sample was drawn from, written 01/{gtin}/10/{lot}. Owner: LIMS.
 * @param materialLot Incoming or intermediate material lot the sample was drawn from, written {material}/{lot}. Owner: LIMS.
 * @param characteristic Characteristic tested, e.g. 无菌 (sterility), 环氧乙烷残留量 (EO residue) or 连接牢固度 (connection strength). Required. Owner: LIMS.
 * @param method Test method or standard applied, e.g. GB/T 14233.1 (chemical tests) or GB/T 14233.2 (biological tests such as sterility), with its SOP number. Required. Owner: LIMS.
 * @param resultType Measured value with a unit, or an attribute such as conforming or no growth. Required. Owner: LIMS.
 * @param resultValue Measured value with its UCUM unit, for a quantitative result. Owner: LIMS.
 * @param resultText Observed attribute for a qualitative result, e.g. 无菌生长 (no growth). Owner: LIMS.
 * @param lowerLimit Lower specification limit, in the unit of the result. Owner: LIMS.
 * @param upperLimit Upper specification limit, in the unit of the result. Owner: LIMS.
 * @param specification Specification as written in the test standard, e.g. ≤ 10 μg/g. Owner: LIMS.
 * @param verdict Whether the result meets the specification; INVALID for a test that must be repeated. Required. Owner: LIMS.
 * @param inspector User id of the analyst who performed the test. Required. Owner: LIMS.
 * @param inspectedAt Moment the test was performed, with its UTC offset. Required. Owner: LIMS.
 * @param reviewedBy User id of the second person who reviewed and approved the result. Owner: LIMS.
 * @param reviewedAt Moment of the review, with its UTC offset. Owner: LIMS.
 * @param instrument Equipment id of the instrument used, for calibration traceability. Owner: LIMS.
 * @param deviation Out-of-specification investigation opened for a failed result. Owner: LIMS.
 * @param supersedes Earlier result this one corrects or replaces. Owner: LIMS.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InspectionResult(
        String resultId,
        String sampleNumber,
        InspectionType inspectionType,
        String batch,
        String materialLot,
        String characteristic,
        String method,
        ResultType resultType,
        Quantity resultValue,
        String resultText,
        Quantity lowerLimit,
        Quantity upperLimit,
        String specification,
        Verdict verdict,
        String inspector,
        OffsetDateTime inspectedAt,
        String reviewedBy,
        OffsetDateTime reviewedAt,
        String instrument,
        String deviation,
        String supersedes) {

    public static final String ENTITY = "InspectionResult";
    public static final int SCHEMA_VERSION = 1;

    /** Why the sample was tested (SAP QM inspection type such as 01 goods receipt, 04 final). */
    public enum InspectionType {
        INCOMING,
        IN_PROCESS,
        FINAL,
        STABILITY,
        ENVIRONMENTAL_MONITORING,
        COMPLAINT_INVESTIGATION
    }

    /** Measured value with a unit, or an attribute such as conforming or no growth. */
    public enum ResultType {
        QUANTITATIVE,
        QUALITATIVE
    }

    /** Whether the result meets the specification; INVALID for a test that must be repeated. */
    public enum Verdict {
        PASS,
        FAIL,
        INVALID
    }
}
