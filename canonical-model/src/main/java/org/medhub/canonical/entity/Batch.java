// Generated from dictionary/Batch.yml by JavaTypesGenerator: edit the YAML, not this file.
package org.medhub.canonical.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import org.medhub.canonical.unit.Quantity;

/**
 * A production lot of one trade item, identified by GTIN and lot number as on its UDI label.
 *
 * @param gtin GS1 GTIN-14 of the trade item (AI 01). Required. Owner: ERP.
 * @param lot Lot or batch number as printed on the label (AI 10). Required. Owner: MES.
 * @param materialNumber The ERP's material number of the trade item. Owner: ERP.
 * @param status Where the lot is in its life. Required. Owner: MES.
 * @param productionDate Date of manufacture (AI 11). Owner: MES.
 * @param expiryDate Use-by or expiry date (AI 17). Owner: MES.
 * @param quantity How much of the lot was produced. Owner: MES.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Batch(
        String gtin,
        String lot,
        String materialNumber,
        Status status,
        LocalDate productionDate,
        LocalDate expiryDate,
        Quantity quantity) {

    public static final String ENTITY = "Batch";
    public static final int SCHEMA_VERSION = 2;

    /** Where the lot is in its life. */
    public enum Status {
        PLANNED,
        IN_PRODUCTION,
        QUARANTINE,
        RELEASED,
        REJECTED,
        SHIPPED,
        RECALLED
    }
}
