// Generated from dictionary/Product.yml by JavaTypesGenerator: edit the YAML, not this file.
package org.medhub.canonical.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.medhub.canonical.unit.Quantity;

/**
 * A medical device model at the level of its UDI-DI (the GTIN on the unit of use or sale), with the regulatory data the GUDID and the NMPA UDI database hold for it.
 *
 * @param gtin Primary UDI-DI of the device as a GS1 GTIN-14 (AI 01, GUDID primary deviceId). Required. Owner: ERP.
 * @param materialNumber ERP material number of the finished good sold under this GTIN. Required. Owner: ERP.
 * @param deviceName Product name exactly as on the registration certificate (产品名称), Chinese for devices sold in China. Required. Owner: QMS.
 * @param brandName Brand or trade name on the label (GUDID brandName). Owner: QMS.
 * @param model Model, version or specification that this UDI-DI identifies (GUDID versionModelNumber, 型号规格). Required. Owner: QMS.
 * @param catalogNumber Catalogue or reference number on the label (GUDID catalogNumber, REF symbol). Owner: QMS.
 * @param manufacturerName Legal manufacturer or registrant named on the label (GUDID companyName, 注册人). Required. Owner: QMS.
 * @param contractManufacturer Contract factory that makes the device, when manufacturing is outsourced. Owner: ERP.
 * @param deviceClass Risk class under the NMPA classification rules (the same three classes as FDA's). Required. Owner: QMS.
 * @param classificationCode Code in the NMPA medical device classification catalogue (医疗器械分类目录), category-subcategory-item. Owner: QMS.
 * @param gmdnCode GMDN preferred term code (GUDID gmdnCode). Owner: QMS.
 * @param gmdnTerm GMDN preferred term name (GUDID gmdnPTName). Owner: QMS.
 * @param registrationCertificates NMPA registration certificates or class I filings under which the device may be sold in China. Owner: QMS.
 * @param udiProductionIdentifiers Production identifiers the UDI-PI on the label carries (GUDID lotBatch, serialNumber, expirationDate, manufacturingDate flags). Owner: QMS.
 * @param sterile True when the device is supplied sterile (GUDID deviceSterile). Required. Owner: QMS.
 * @param sterilizationMethod Sterilization method used by the manufacturer or required before use (GUDID sterilizationMethod). Owner: QMS.
 * @param singleUse True for a single-use device (GUDID singleUse). Owner: QMS.
 * @param implantable True for an implant, which makes serial-level tracking to the patient expected. Owner: QMS.
 * @param storage Storage and handling conditions on the label (GUDID storageHandling). Owner: QMS.
 * @param packagings Higher packaging levels with their own GTIN (GUDID package DIs). Owner: QMS.
 * @param status Commercial distribution status of the device (GUDID deviceCommDistributionStatus). Required. Owner: QMS.
 * @param commercialDistributionEndDate Date the device left commercial distribution (GUDID deviceCommDistributionEndDate). Owner: QMS.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Product(
        String gtin,
        String materialNumber,
        String deviceName,
        String brandName,
        String model,
        String catalogNumber,
        String manufacturerName,
        String contractManufacturer,
        DeviceClass deviceClass,
        String classificationCode,
        String gmdnCode,
        String gmdnTerm,
        List<String> registrationCertificates,
        List<UdiProductionIdentifier> udiProductionIdentifiers,
        Boolean sterile,
        SterilizationMethod sterilizationMethod,
        Boolean singleUse,
        Boolean implantable,
        Storage storage,
        List<Packaging> packagings,
        Status status,
        LocalDate commercialDistributionEndDate) {

    public static final String ENTITY = "Product";
    public static final int SCHEMA_VERSION = 1;

    /** Risk class under the NMPA classification rules (the same three classes as FDA's). */
    public enum DeviceClass {
        CLASS_I,
        CLASS_II,
        CLASS_III
    }

    /** Production identifiers the UDI-PI on the label carries (GUDID lotBatch, serialNumber, expirationDate, manufacturingDate flags). */
    public enum UdiProductionIdentifier {
        LOT,
        SERIAL,
        EXPIRY_DATE,
        MANUFACTURING_DATE
    }

    /** Sterilization method used by the manufacturer or required before use (GUDID sterilizationMethod). */
    public enum SterilizationMethod {
        ETHYLENE_OXIDE,
        GAMMA_RADIATION,
        ELECTRON_BEAM,
        MOIST_HEAT,
        DRY_HEAT,
        HYDROGEN_PEROXIDE,
        OTHER
    }

    /**
     * Storage and handling conditions on the label (GUDID storageHandling).
     *
     * @param minTemperature Lowest storage temperature (GUDID storageHandlingLow for storage environment temperature). Owner: QMS.
     * @param maxTemperature Highest storage temperature (GUDID storageHandlingHigh for storage environment temperature). Owner: QMS.
     * @param maxHumidity Highest relative humidity in percent (GUDID storage environment humidity). Owner: QMS.
     * @param specialConditions Further conditions such as keep away from sunlight (GUDID storageHandlingSpecialConditionText). Owner: QMS.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Storage(
            Quantity minTemperature,
            Quantity maxTemperature,
            Quantity maxHumidity,
            String specialConditions) {
    }

    /**
     * Higher packaging levels with their own GTIN (GUDID package DIs).
     *
     * @param gtin GTIN of the package level (GUDID package deviceId). Required. Owner: QMS.
     * @param containedGtin GTIN of the next lower level the package contains (GUDID containsDINumber). Required. Owner: QMS.
     * @param quantityPerPackage Number of lower-level units in one package (GUDID pkgQuantity). Required. Owner: QMS.
     * @param packagingType Kind of package such as box, case or shipper (GUDID pkgType). Owner: QMS.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Packaging(
            String gtin,
            String containedGtin,
            Quantity quantityPerPackage,
            String packagingType) {
    }

    /** Commercial distribution status of the device (GUDID deviceCommDistributionStatus). */
    public enum Status {
        IN_DEVELOPMENT,
        IN_COMMERCIAL_DISTRIBUTION,
        NOT_IN_COMMERCIAL_DISTRIBUTION
    }
}
