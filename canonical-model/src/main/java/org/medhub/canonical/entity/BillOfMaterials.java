// Generated from dictionary/BillOfMaterials.yml by JavaTypesGenerator: edit the YAML, not this file.
package org.medhub.canonical.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.medhub.canonical.unit.Quantity;

/**
 * A production bill of materials of one material in one plant (SAP BOM, IDoc BOMMAT; B2MML material specification of a work definition), listing the components and quantities per base quantity.
 *
 * @param material Material the BOM builds (header material, SAP MAST-MATNR). Required. Owner: ERP.
 * @param plant ERP plant the BOM is valid for (SAP WERKS). Required. Owner: ERP.
 * @param alternative BOM alternative within material and plant, two digits (SAP STLAL). Required. Owner: ERP.
 * @param usage What the BOM is for (SAP STLAN). Required. Owner: ERP.
 * @param revision Engineering revision of the BOM in the device master record (DMR). Owner: ERP.
 * @param baseQuantity Quantity of the header material the component quantities refer to, in its base unit (SAP BMENG). Required. Owner: ERP.
 * @param validFrom First day the BOM may be used for new work orders (SAP DATUV). Required. Owner: ERP.
 * @param validUntil Last day the BOM may be used, when it is superseded. Owner: ERP.
 * @param changeRecord Change control record that approved this BOM revision. Owner: QMS.
 * @param status Whether the BOM may be used in production. Required. Owner: ERP.
 * @param components Component items of the BOM (SAP STPO). Required. Owner: ERP.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BillOfMaterials(
        String material,
        String plant,
        String alternative,
        Usage usage,
        String revision,
        Quantity baseQuantity,
        LocalDate validFrom,
        LocalDate validUntil,
        String changeRecord,
        Status status,
        List<Component> components) {

    public static final String ENTITY = "BillOfMaterials";
    public static final int SCHEMA_VERSION = 1;

    /** What the BOM is for (SAP STLAN). */
    public enum Usage {
        PRODUCTION,
        ENGINEERING,
        COSTING
    }

    /** Whether the BOM may be used in production. */
    public enum Status {
        DRAFT,
        RELEASED,
        OBSOLETE
    }

    /**
     * Component items of the BOM (SAP STPO).
     *
     * @param position Item number of the component, four digits (SAP POSNR). Required. Owner: ERP.
     * @param material Component material. Required. Owner: ERP.
     * @param quantity Quantity of the component per base quantity, in the component's base unit (SAP MENGE with MEINS). Required. Owner: ERP.
     * @param scrapPercent Expected component scrap in percent, added in planning (SAP AUSCH). Owner: ERP.
     * @param traceable True when the lot of this component must be recorded for every consumption (critical component for traceability). Owner: ERP.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Component(
            String position,
            String material,
            Quantity quantity,
            BigDecimal scrapPercent,
            Boolean traceable) {
    }
}
