// Generated from dictionary/Material.yml by JavaTypesGenerator: edit the YAML, not this file.
package org.medhub.canonical.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.medhub.canonical.unit.Quantity;

/**
 * An ERP material master record (SAP MATMAS, B2MML MaterialDefinition) for a raw material, component, packaging, semi-finished or finished good, as kept by the ERP for all plants.
 *
 * @param materialNumber ERP material number (SAP MATNR, IDoc segment E1MARAM), upper case without slashes. Required. Owner: ERP.
 * @param name Short text of the material in the ERP's main language, Chinese in a Chinese plant (SAP MAKTX, segment E1MAKTM). Required. Owner: ERP.
 * @param nameEn English short text of the material (SAP MAKTX for language EN). Owner: ERP.
 * @param materialType Kind of material as the ERP types it (SAP MTART such as ROH, HALB, FERT, HAWA, VERP). Required. Owner: ERP.
 * @param materialGroup ERP material group used for purchasing and reporting (SAP MATKL). Owner: ERP.
 * @param baseUnit Base unit of measure in which stock, BOM quantities and consumption are counted, as a UCUM code (SAP MEINS mapped to UCUM). Required. Owner: ERP.
 * @param batchManaged True when every stock of the material is kept by lot, which is what makes recall tracing possible (SAP XCHPF). Required. Owner: ERP.
 * @param shelfLifeDays Total shelf life in days from manufacture, used to derive expiry dates (SAP MHDHB). Owner: ERP.
 * @param storageConditionCode ERP storage condition key, e.g. for 2 to 8 Cel or dry storage (SAP RAUBE). Owner: ERP.
 * @param netWeight Net weight of one base unit (SAP NTGEW with GEWEI). Owner: ERP.
 * @param grossWeight Gross weight of one base unit including packaging (SAP BRGEW with GEWEI). Owner: ERP.
 * @param hsCode Commodity code for foreign trade, 6-digit HS or the 10-digit China CodeTS (SAP STAWN). Owner: ERP.
 * @param originCountry Country of origin of the material, ISO 3166-1 alpha-2 (SAP HERKL). Owner: ERP.
 * @param plants ERP plants in which the material is extended (SAP MARC, segment E1MARCM). Owner: ERP.
 * @param incomingInspection True when goods receipts of the material go to quality inspection before use (SAP QM inspection setup). Owner: QMS.
 * @param changeRecord Change control record under which the master data was last changed. Owner: QMS.
 * @param status Cross-plant material status that allows or blocks purchasing and production (SAP MSTAE). Required. Owner: ERP.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Material(
        String materialNumber,
        String name,
        String nameEn,
        MaterialType materialType,
        String materialGroup,
        String baseUnit,
        Boolean batchManaged,
        Long shelfLifeDays,
        String storageConditionCode,
        Quantity netWeight,
        Quantity grossWeight,
        String hsCode,
        String originCountry,
        List<String> plants,
        Boolean incomingInspection,
        String changeRecord,
        Status status) {

    public static final String ENTITY = "Material";
    public static final int SCHEMA_VERSION = 1;

    /** Kind of material as the ERP types it (SAP MTART such as ROH, HALB, FERT, HAWA, VERP). */
    public enum MaterialType {
        RAW_MATERIAL,
        COMPONENT,
        PACKAGING,
        SEMI_FINISHED,
        FINISHED_GOOD,
        TRADING_GOOD,
        SPARE_PART
    }

    /** Cross-plant material status that allows or blocks purchasing and production (SAP MSTAE). */
    public enum Status {
        ACTIVE,
        BLOCKED,
        OBSOLETE
    }
}
