// Generated from dictionary/CommercialInvoice.yml by JavaTypesGenerator: edit the YAML, not this file.
package org.medhub.canonical.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.medhub.canonical.money.Money;
import org.medhub.canonical.unit.Quantity;

/**
 * A commercial invoice for goods sold abroad or at home, one of the documents a customs declaration depends on (SAP billing document, IDoc INVOIC; EDIFACT INVOIC, X12 810).
 *
 * @param invoiceNumber Invoice number (SAP VBELN of the billing document, INVOIC BGM document number). Required. Owner: ERP.
 * @param invoiceDate Date of issue of the invoice. Required. Owner: ERP.
 * @param sellerName Legal name of the seller or exporter as printed on the invoice. Required. Owner: ERP.
 * @param buyer Buyer or importer invoiced. Required. Owner: ERP.
 * @param shipment Shipment the invoice covers. Owner: ERP.
 * @param contractNumber Sales contract number, as declared in DecHead ContrNo. Owner: ERP.
 * @param currency Invoice currency, ISO 4217; every amount of the invoice is in it. Required. Owner: ERP.
 * @param incoterms Delivery term under Incoterms 2020. Required. Owner: ERP.
 * @param incotermsPlace Named place or port of the Incoterm, e.g. Shanghai. Required. Owner: ERP.
 * @param paymentTerms Payment terms as printed, e.g. 30 days net. Owner: ERP.
 * @param lines Invoice lines. Required. Owner: ERP.
 * @param freight Freight charged, in the invoice currency. Owner: ERP.
 * @param insurance Insurance charged, in the invoice currency. Owner: ERP.
 * @param totalAmount Total amount of the invoice, lines plus freight and insurance. Required. Owner: ERP.
 * @param status Whether the invoice has been issued, or cancelled by a credit note. Required. Owner: ERP.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommercialInvoice(
        String invoiceNumber,
        LocalDate invoiceDate,
        String sellerName,
        String buyer,
        String shipment,
        String contractNumber,
        String currency,
        Incoterms incoterms,
        String incotermsPlace,
        String paymentTerms,
        List<Line> lines,
        Money freight,
        Money insurance,
        Money totalAmount,
        Status status) {

    public static final String ENTITY = "CommercialInvoice";
    public static final int SCHEMA_VERSION = 1;

    /** Delivery term under Incoterms 2020. */
    public enum Incoterms {
        EXW,
        FCA,
        CPT,
        CIP,
        DAP,
        DPU,
        DDP,
        FAS,
        FOB,
        CFR,
        CIF
    }

    /**
     * Invoice lines.
     *
     * @param lineNumber Line number on the invoice. Required. Owner: ERP.
     * @param material Material sold. Required. Owner: ERP.
     * @param product Device sold, written 01/{gtin}. Owner: ERP.
     * @param description Goods description as printed on the invoice. Required. Owner: ERP.
     * @param hsCode Commodity code of the goods (HS 6 digits or national extension). Owner: ERP.
     * @param quantity Number of units invoiced. Required. Owner: ERP.
     * @param unitPrice Price of one unit in the invoice currency. Required. Owner: ERP.
     * @param amount Line amount, quantity times unit price, in the invoice currency. Required. Owner: ERP.
     * @param originCountry Country of origin of the goods, ISO 3166-1 alpha-2. Owner: ERP.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(
            Long lineNumber,
            String material,
            String product,
            String description,
            String hsCode,
            Quantity quantity,
            Money unitPrice,
            Money amount,
            String originCountry) {
    }

    /** Whether the invoice has been issued, or cancelled by a credit note. */
    public enum Status {
        DRAFT,
        ISSUED,
        CANCELLED
    }
}
