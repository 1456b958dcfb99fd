// Generated from dictionary/RegistrationCertificate.yml by JavaTypesGenerator: edit the YAML, not this file.
package org.medhub.canonical.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * An NMPA medical device registration certificate (医疗器械注册证, class II and III) or class I filing (备案凭证), valid five years from approval; devices may not be made, shipped or declared under an expired one.
 *
 * @param certificateNumber Certificate or filing number as issued, e.g. 国械注准20153460001 (issuer, 械注, 准/进/许, year, class, category, serial). Required. Owner: QMS.
 * @param certificateType Registration certificate (注册证) for class II and III, or filing certificate (备案凭证) for class I. Required. Owner: QMS.
 * @param origin Domestic (准), imported (进) or Hong Kong, Macao and Taiwan (许) device, as the number's type character says. Required. Owner: QMS.
 * @param deviceClass Risk class of the registered device, as the class digit of the number says. Required. Owner: QMS.
 * @param productName Registered product name (产品名称). Required. Owner: QMS.
 * @param modelsAndSpecifications Models and specifications covered (型号、规格). Owner: QMS.
 * @param structureAndComposition Structure and composition of the device (结构及组成). Owner: QMS.
 * @param intendedUse Scope of application as approved (适用范围 or 预期用途). Required. Owner: QMS.
 * @param holderName Registrant or filer holding the certificate (注册人名称 or 备案人名称). Required. Owner: QMS.
 * @param holderAddress Registered domicile of the holder (注册人住所). Owner: QMS.
 * @param holder The holder as a partner record, when the holder is not the hub's own company (e.g. a foreign manufacturer). Owner: QMS.
 * @param agentName Legal agent in China of a foreign or Hong Kong, Macao or Taiwan registrant (代理人名称). Owner: QMS.
 * @param manufacturingAddress Production address approved in the certificate (生产地址). Owner: QMS.
 * @param issuingAuthority Authority that approved it, NMPA for class III and imports or a provincial MPA for domestic class II (审批部门). Required. Owner: QMS.
 * @param approvalDate Date of approval of this certificate or of its latest renewal (批准日期). Required. Owner: QMS.
 * @param validFrom First day of validity; for a filing, the filing date. Required. Owner: QMS.
 * @param validUntil Last day of validity (有效期至), five years after approval; a filing has none. Owner: QMS.
 * @param status Whether products may currently be made and placed on the market under the certificate. Required. Owner: QMS.
 * @param statusReason Why the certificate was suspended or cancelled (注销 or 撤销), as the authority's notice says. Owner: QMS.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistrationCertificate(
        String certificateNumber,
        CertificateType certificateType,
        Origin origin,
        DeviceClass deviceClass,
        String productName,
        List<String> modelsAndSpecifications,
        String structureAndComposition,
        String intendedUse,
        String holderName,
        String holderAddress,
        String holder,
        String agentName,
        String manufacturingAddress,
        String issuingAuthority,
        LocalDate approvalDate,
        LocalDate validFrom,
        LocalDate validUntil,
        Status status,
        String statusReason) {

    public static final String ENTITY = "RegistrationCertificate";
    public static final int SCHEMA_VERSION = 1;

    /** Registration certificate (注册证) for class II and III, or filing certificate (备案凭证) for class I. */
    public enum CertificateType {
        REGISTRATION,
        FILING
    }

    /** Domestic (准), imported (进) or Hong Kong, Macao and Taiwan (许) device, as the number's type character says. */
    public enum Origin {
        DOMESTIC,
        IMPORTED,
        HONG_KONG_MACAO_TAIWAN
    }

    /** Risk class of the registered device, as the class digit of the number says. */
    public enum DeviceClass {
        CLASS_I,
        CLASS_II,
        CLASS_III
    }

    /** Whether products may currently be made and placed on the market under the certificate. */
    public enum Status {
        VALID,
        SUSPENDED,
        EXPIRED,
        CANCELLED
    }
}
