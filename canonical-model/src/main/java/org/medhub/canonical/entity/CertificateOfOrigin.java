// Generated from dictionary/CertificateOfOrigin.yml by JavaTypesGenerator: edit the YAML, not this file.
package org.medhub.canonical.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.medhub.canonical.unit.Quantity;

/**
 * A certificate of origin for exported goods, non-preferential or preferential under a free trade agreement, applied for by the exporter and issued by customs or CCPIT (原产地证书).
 *
 * @param applicationNumber Exporter's application number for the certificate, known before the certificate number is issued. Required. Owner: ERP.
 * @param certificateNumber Number of the issued certificate. Owner: CUSTOMS.
 * @param certificateType Non-preferential certificate, or preferential one that lowers duty under a trade agreement. Required. Owner: ERP.
 * @param agreement Trade agreement a preferential certificate is issued under, e.g. RCEP or 中国-瑞士自贸协定. Owner: ERP.
 * @param issuingAuthority China customs (GACC) or the China Council for the Promotion of International Trade (贸促会). Required. Owner: ERP.
 * @param exporterName Exporter as printed in box 1. Required. Owner: ERP.
 * @param consignee Importer or consignee in the destination country. Required. Owner: ERP.
 * @param originCountry Country of origin certified, ISO 3166-1 alpha-2. Required. Owner: ERP.
 * @param destinationCountry Country of destination, ISO 3166-1 alpha-2. Required. Owner: ERP.
 * @param invoice Commercial invoice of the goods. Required. Owner: ERP.
 * @param shipment Shipment of the goods. Owner: ERP.
 * @param transportDetails Means of transport and route as printed, e.g. by air from Shanghai to Frankfurt. Owner: ERP.
 * @param goods Goods items certified. Required. Owner: ERP.
 * @param applicationDate Date the application was submitted. Required. Owner: ERP.
 * @param issuedDate Date the certificate was issued. Owner: CUSTOMS.
 * @param validUntil Last day a preferential certificate may be presented in the importing country. Owner: CUSTOMS.
 * @param status Stage of the certificate at the issuing authority. Required. Owner: CUSTOMS.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CertificateOfOrigin(
        String applicationNumber,
        String certificateNumber,
        CertificateType certificateType,
        String agreement,
        IssuingAuthority issuingAuthority,
        String exporterName,
        String consignee,
        String originCountry,
        String destinationCountry,
        String invoice,
        String shipment,
        String transportDetails,
        List<Good> goods,
        LocalDate applicationDate,
        LocalDate issuedDate,
        LocalDate validUntil,
        Status status) {

    public static final String ENTITY = "CertificateOfOrigin";
    public static final int SCHEMA_VERSION = 1;

    /** Non-preferential certificate, or preferential one that lowers duty under a trade agreement. */
    public enum CertificateType {
        NON_PREFERENTIAL,
        PREFERENTIAL
    }

    /** China customs (GACC) or the China Council for the Promotion of International Trade (贸促会). */
    public enum IssuingAuthority {
        CUSTOMS,
        CCPIT
    }

    /**
     * Goods items certified.
     *
     * @param itemNumber Item number on the certificate. Required. Owner: ERP.
     * @param description Description of the goods with marks and packages. Required. Owner: ERP.
     * @param hsCode HS code of the goods, six digits at least. Required. Owner: ERP.
     * @param quantity Quantity or weight certified. Required. Owner: ERP.
     * @param originCriterion Origin criterion of a preferential certificate, e.g. WO (wholly obtained), PE or CTH. Owner: ERP.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Good(
            Long itemNumber,
            String description,
            String hsCode,
            Quantity quantity,
            String originCriterion) {
    }

    /** Stage of the certificate at the issuing authority. */
    public enum Status {
        APPLIED,
        ISSUED,
        REJECTED,
        CANCELLED
    }
}
