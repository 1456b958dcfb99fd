// Generated from dictionary/MaterialLot.yml by JavaTypesGenerator: edit the YAML, not this file.
package org.medhub.canonical.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import org.medhub.canonical.unit.Quantity;

/**
 * A lot of a purchased or intermediate material that carries no GTIN of its own (resin, tubing, adhesive, sub-assembly), identified by material number and ERP batch number (SAP BATMAS; B2MML MaterialLot).
 *
 * @param material Material of the lot (SAP MATNR, IDoc BATMAS). Required. Owner: ERP.
 * @param lot Internal batch number the ERP gave the lot at goods receipt or production (SAP CHARG). Required. Owner: ERP.
 * @param supplier Supplier the lot was bought from. Owner: ERP.
 * @param supplierLot The supplier's own lot number, as on its certificate of analysis (SAP LICHA). Owner: ERP.
 * @param plant ERP plant that holds the lot (SAP WERKS). Required. Owner: ERP.
 * @param quantity Quantity received or produced, in the material's base unit. Owner: ERP.
 * @param manufactureDate Date the supplier made the lot (SAP HSDAT). Owner: ERP.
 * @param receivedDate Date of goods receipt into the plant. Owner: WMS.
 * @param expiryDate Shelf-life expiry date of the lot (SAP VFDAT). Owner: ERP.
 * @param originCountry Country of origin of the lot, ISO 3166-1 alpha-2. Owner: ERP.
 * @param certificateOfAnalysis Number of the supplier's certificate of analysis or conformity delivered with the lot. Owner: ERP.
 * @param status Usage decision of incoming quality control (SAP QM usage decision and stock type). Required. Owner: QMS.
 * @param statusReason Why the lot was blocked or rejected. Owner: QMS.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MaterialLot(
        String material,
        String lot,
        String supplier,
        String supplierLot,
        String plant,
        Quantity quantity,
        LocalDate manufactureDate,
        LocalDate receivedDate,
        LocalDate expiryDate,
        String originCountry,
        String certificateOfAnalysis,
        Status status,
        String statusReason) {

    public static final String ENTITY = "MaterialLot";
    public static final int SCHEMA_VERSION = 1;

    /** Usage decision of incoming quality control (SAP QM usage decision and stock type). */
    public enum Status {
        QUARANTINE,
        RELEASED,
        BLOCKED,
        REJECTED,
        EXPIRED
    }
}
