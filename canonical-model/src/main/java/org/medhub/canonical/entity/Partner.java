// Generated from dictionary/Partner.yml by JavaTypesGenerator: edit the YAML, not this file.
package org.medhub.canonical.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * A business partner of the manufacturer, supplier, contract manufacturer, distributor, customer, carrier or customs broker, with the qualifications that GMP and GSP require before doing business with it.
 *
 * @param partnerNumber ERP business partner number (SAP vendor LIFNR or customer KUNNR). Required. Owner: ERP.
 * @param name Legal name as in the business licence, Chinese for a Chinese company, e.g. 苏州某某医疗器械有限公司. Required. Owner: ERP.
 * @param nameEn English name used on export documents. Owner: ERP.
 * @param roles Roles the partner plays for the manufacturer. Required. Owner: ERP.
 * @param gln GS1 Global Location Number of the legal entity. Owner: ERP.
 * @param uscc Unified social credit code of a Chinese legal entity (统一社会信用代码, GB 32100), 18 characters. Owner: ERP.
 * @param customsCode Ten-character customs registration code of the enterprise (海关编码), as used in DecHead TradeCode, OwnerCode and AgentCode. Owner: ERP.
 * @param country Country of the registered address, ISO 3166-1 alpha-2. Required. Owner: ERP.
 * @param address Registered address of the legal entity. Owner: ERP.
 * @param contactEmail E-mail address for quality and order communication. Owner: ERP.
 * @param contactPhone Telephone number with country code. Owner: ERP.
 * @param approvalStatus Status on the approved supplier or customer list, decided by QA (ISO 13485 7.4.1, GSP). Required. Owner: QMS.
 * @param qualifications Certificates, licences, audits and agreements that qualify the partner. Owner: QMS.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Partner(
        String partnerNumber,
        String name,
        String nameEn,
        List<Role> roles,
        String gln,
        String uscc,
        String customsCode,
        String country,
        Address address,
        String contactEmail,
        String contactPhone,
        ApprovalStatus approvalStatus,
        List<Qualification> qualifications) {

    public static final String ENTITY = "Partner";
    public static final int SCHEMA_VERSION = 1;

    /** Roles the partner plays for the manufacturer. */
    public enum Role {
        SUPPLIER,
        CONTRACT_MANUFACTURER,
        DISTRIBUTOR,
        CUSTOMER,
        CARRIER,
        CUSTOMS_BROKER,
        STERILIZATION_PROVIDER
    }

    /**
     * Registered address of the legal entity.
     *
     * @param street Street, number and building, e.g. 星湖街328号. Required. Owner: ERP.
     * @param district District or county, e.g. 苏州工业园区. Owner: ERP.
     * @param city City, e.g. 苏州市. Required. Owner: ERP.
     * @param province Province, state or region, e.g. 江苏省. Owner: ERP.
     * @param postalCode Postal code. Owner: ERP.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Address(
            String street,
            String district,
            String city,
            String province,
            String postalCode) {
    }

    /** Status on the approved supplier or customer list, decided by QA (ISO 13485 7.4.1, GSP). */
    public enum ApprovalStatus {
        PENDING,
        APPROVED,
        CONDITIONALLY_APPROVED,
        BLOCKED,
        DISQUALIFIED
    }

    /**
     * Certificates, licences, audits and agreements that qualify the partner.
     *
     * @param qualificationType Kind of qualification, e.g. 医疗器械生产许可证 (MANUFACTURING_LICENCE) or 医疗器械经营许可证 (DISTRIBUTION_LICENCE). Required. Owner: QMS.
     * @param certificateNumber Number of the certificate, licence, audit report or agreement. Required. Owner: QMS.
     * @param issuer Authority, notified body or department that issued it. Owner: QMS.
     * @param scope Scope as written on the document, e.g. the device categories a licence covers. Owner: QMS.
     * @param validFrom First day of validity. Required. Owner: QMS.
     * @param validUntil Last day of validity; empty for documents without expiry. Owner: QMS.
     * @param status Whether the qualification currently holds. Required. Owner: QMS.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Qualification(
            QualificationType qualificationType,
            String certificateNumber,
            String issuer,
            String scope,
            LocalDate validFrom,
            LocalDate validUntil,
            Status status) {

        /** Kind of qualification, e.g. 医疗器械生产许可证 (MANUFACTURING_LICENCE) or 医疗器械经营许可证 (DISTRIBUTION_LICENCE). */
        public enum QualificationType {
            BUSINESS_LICENCE,
            MANUFACTURING_LICENCE,
            MANUFACTURING_FILING,
            DISTRIBUTION_LICENCE,
            DISTRIBUTION_FILING,
            ISO_13485_CERTIFICATE,
            QUALITY_AGREEMENT,
            SUPPLIER_AUDIT,
            FDA_ESTABLISHMENT_REGISTRATION
        }

        /** Whether the qualification currently holds. */
        public enum Status {
            VALID,
            EXPIRED,
            SUSPENDED,
            WITHDRAWN
        }
    }
}
