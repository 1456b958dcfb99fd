// Generated from dictionary/QualityRelease.yml by JavaTypesGenerator: edit the YAML, not this file.
package org.medhub.canonical.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A QA disposition decision on a batch (release, rejection or revocation of a release), signed electronically with printed name, date, time and meaning as 21 CFR Part 11 §11.50 requires.
 *
 * @param releaseNumber Number of the release record in the QMS. Required. Owner: QMS.
 * @param batch Batch decided on, written 01/{gtin}/10/{lot}. Required. Owner: QMS.
 * @param decision Release for sale, rejection, or revocation of an earlier release (e.g. on recall). Required. Owner: QMS.
 * @param decidedBy User id of the signer (Part 11 §11.100 unique to one person). Required. Owner: QMS.
 * @param decidedByName Printed name of the signer as shown with the signature (Part 11 §11.50(a)(1)). Required. Owner: QMS.
 * @param decidedAt Date and time of the signature with its UTC offset (Part 11 §11.50(a)(2)). Required. Owner: QMS.
 * @param signatureMeaning Meaning of the signature (Part 11 §11.50(a)(3)). Required. Owner: QMS.
 * @param signedContentHash SHA-256 of the signed record content, linking the signature to its record (Part 11 §11.70). Owner: QMS.
 * @param reason Justification of a rejection or revocation. Owner: QMS.
 * @param batchRecordReviewed True when the device history record (batch record) was reviewed complete before the decision. Required. Owner: QMS.
 * @param inspectionResults Test results the decision relied on. Owner: QMS.
 * @param deviations Deviations of the batch that were assessed and closed or accepted before the decision. Owner: QMS.
 * @param markets Markets the batch is released for, ISO 3166-1 alpha-2, when a release is limited to some. Owner: QMS.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QualityRelease(
        String releaseNumber,
        String batch,
        Decision decision,
        String decidedBy,
        String decidedByName,
        OffsetDateTime decidedAt,
        SignatureMeaning signatureMeaning,
        String signedContentHash,
        String reason,
        Boolean batchRecordReviewed,
        List<String> inspectionResults,
        List<String> deviations,
        List<String> markets) {

    public static final String ENTITY = "QualityRelease";
    public static final int SCHEMA_VERSION = 1;

    /** Release for sale, rejection, or revocation of an earlier release (e.g. on recall). */
    public enum Decision {
        RELEASED,
        REJECTED,
        RELEASE_REVOKED
    }

    /** Meaning of the signature (Part 11 §11.50(a)(3)). */
    public enum SignatureMeaning {
        APPROVAL,
        REVIEW,
        RESPONSIBILITY
    }
}
