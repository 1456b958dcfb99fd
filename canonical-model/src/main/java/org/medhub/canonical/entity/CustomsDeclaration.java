// Generated from dictionary/CustomsDeclaration.yml by JavaTypesGenerator: edit the YAML, not this file.
package org.medhub.canonical.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.medhub.canonical.money.Money;
import org.medhub.canonical.unit.Quantity;

/**
 * An import or export goods declaration (报关单) to the China international trade single window, header from DecHead, goods lines from DecList, licence documents from DecLicenseDocus, and the receipts customs sends back.
 *
 * @param clientSeqNo Client's unique number of the declaration (DecSign ClientSeqNo), the idempotency key of submission and of every receipt. Required. Owner: HUB.
 * @param seqNo Single window's unified number returned in the import response (DecHead SeqNo, 统一编号). Owner: CUSTOMS.
 * @param entryId Customs declaration number assigned when customs stores the declaration (ENTRY_ID, 报关单号). Owner: CUSTOMS.
 * @param ieFlag Import or export declaration (DecHead IEFlag I or E). Required. Owner: HUB.
 * @param customsOffice Customs office where the declaration is lodged (DecHead CustomMaster, 申报地海关), four-digit customs code. Required. Owner: HUB.
 * @param iePort Customs port of entry or exit (DecHead IEPort, 进出境关别), four-digit customs code. Required. Owner: HUB.
 * @param ieDate Date of import or export (DecHead IEDate). Owner: HUB.
 * @param declarationDate Date customs accepted the declaration (DecHead DDate, 申报日期). Owner: CUSTOMS.
 * @param tradeMode Customs supervision mode (DecHead TradeMode, 监管方式), e.g. 0110 general trade. Required. Owner: HUB.
 * @param levyNature Nature of levy and exemption (DecHead CutMode, 征免性质), e.g. 101 general taxation. Owner: HUB.
 * @param tradeCountry Trading country of the counterparty, ISO 3166-1 alpha-2, mapped to the customs country code (DecHead TradeCountry). Required. Owner: HUB.
 * @param transportMode Mode of transport at the border (DecHead TrafMode, 运输方式). Required. Owner: HUB.
 * @param transactionMode Price terms the declared value is based on (DecHead TransMode, 成交方式). Owner: HUB.
 * @param billOfLading Bill of lading or air waybill number (DecHead BillNo, 提运单号). Owner: HUB.
 * @param grossWeight Gross weight in kg (DecHead GrossWet). Required. Owner: HUB.
 * @param netWeight Net weight in kg (DecHead NetWt). Required. Owner: HUB.
 * @param packages Number of packages (DecHead PackNo, 件数). Required. Owner: HUB.
 * @param wrapType Customs package type code (DecHead WrapType, 包装种类), e.g. 22 cartons. Owner: HUB.
 * @param contractNumber Contract or agreement number (DecHead ContrNo). Owner: HUB.
 * @param domesticTrader Domestic consignee or consignor (境内收发货人, DecHead TradeCode, TradeCoScc, TradeName). Required. Owner: HUB.
 * @param goodsOwner Consumer or user of imports, or producer or seller of exports (消费使用单位/生产销售单位, DecHead OwnerCode, OwnerCodeScc, OwnerName). Required. Owner: HUB.
 * @param declarationAgent Customs broker or enterprise that declares (申报单位, DecHead AgentCode, AgentCodeScc, AgentName). Required. Owner: HUB.
 * @param shipment Shipment the declaration covers (for exports, its packing list). Owner: HUB.
 * @param invoice Commercial invoice the declared values come from. Owner: HUB.
 * @param certificateOfOrigin Certificate of origin presented with the declaration. Owner: HUB.
 * @param lines Goods lines (DecLists/DecList), at most 50 per declaration. Required. Owner: HUB.
 * @param licenceDocuments Licences and certificates declared (DecLicenseDocus). Owner: HUB.
 * @param receipts Receipts from the single window, the import response and later status results, in order of arrival. Owner: CUSTOMS.
 * @param replaces ClientSeqNo of the rejected declaration this one corrects; the rejected one stays as customs left it. Owner: HUB.
 * @param status Status as the hub derives it from its pre-flight check and the receipts, from draft to release (放行) and clearance (结关). Required. Owner: HUB.
 * @param submittedAt Moment the hub submitted the declaration to the single window, with its UTC offset. Owner: HUB.
 * @param releasedAt Moment customs released the goods (放行), with its UTC offset. Owner: CUSTOMS.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomsDeclaration(
        String clientSeqNo,
        String seqNo,
        String entryId,
        IeFlag ieFlag,
        String customsOffice,
        String iePort,
        LocalDate ieDate,
        LocalDate declarationDate,
        String tradeMode,
        String levyNature,
        String tradeCountry,
        TransportMode transportMode,
        TransactionMode transactionMode,
        String billOfLading,
        Quantity grossWeight,
        Quantity netWeight,
        Long packages,
        String wrapType,
        String contractNumber,
        DomesticTrader domesticTrader,
        GoodsOwner goodsOwner,
        DeclarationAgent declarationAgent,
        String shipment,
        String invoice,
        String certificateOfOrigin,
        List<Line> lines,
        List<LicenceDocument> licenceDocuments,
        List<Receipt> receipts,
        String replaces,
        Status status,
        OffsetDateTime submittedAt,
        OffsetDateTime releasedAt) {

    public static final String ENTITY = "CustomsDeclaration";
    public static final int SCHEMA_VERSION = 1;

    /** Import or export declaration (DecHead IEFlag I or E). */
    public enum IeFlag {
        IMPORT,
        EXPORT
    }

    /** Mode of transport at the border (DecHead TrafMode, 运输方式). */
    public enum TransportMode {
        WATERWAY,
        RAIL,
        ROAD,
        AIR,
        POST,
        OTHER
    }

    /** Price terms the declared value is based on (DecHead TransMode, 成交方式). */
    public enum TransactionMode {
        CIF,
        CFR,
        FOB,
        EXW
    }

    /**
     * Domestic consignee or consignor (境内收发货人, DecHead TradeCode, TradeCoScc, TradeName).
     *
     * @param customsCode Ten-character customs registration code. Owner: HUB.
     * @param uscc Unified social credit code (统一社会信用代码). Required. Owner: HUB.
     * @param name Chinese legal name. Required. Owner: HUB.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DomesticTrader(
            String customsCode,
            String uscc,
            String name) {
    }

    /**
     * Consumer or user of imports, or producer or seller of exports (消费使用单位/生产销售单位, DecHead OwnerCode, OwnerCodeScc, OwnerName).
     *
     * @param customsCode Ten-character customs registration code. Owner: HUB.
     * @param uscc Unified social credit code (统一社会信用代码). Required. Owner: HUB.
     * @param name Chinese legal name. Required. Owner: HUB.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GoodsOwner(
            String customsCode,
            String uscc,
            String name) {
    }

    /**
     * Customs broker or enterprise that declares (申报单位, DecHead AgentCode, AgentCodeScc, AgentName).
     *
     * @param customsCode Ten-character customs registration code. Required. Owner: HUB.
     * @param uscc Unified social credit code (统一社会信用代码). Required. Owner: HUB.
     * @param name Chinese legal name. Required. Owner: HUB.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeclarationAgent(
            String customsCode,
            String uscc,
            String name) {
    }

    /**
     * Goods lines (DecLists/DecList), at most 50 per declaration.
     *
     * @param lineNumber Goods item number (DecList GNo). Required. Owner: HUB.
     * @param hsCode Commodity code, 10-digit CodeTS with the 3 CIQ digits when required (DecList CodeTS), e.g. 9018390000. Required. Owner: HUB.
     * @param name Goods name in Chinese (DecList GName), e.g. 中心静脉导管. Required. Owner: HUB.
     * @param specification Declaration elements in the order the tariff requires, separated by | (DecList GModel, 规格型号/申报要素). Required. Owner: HUB.
     * @param declaredQuantity Declared quantity in the transaction unit (DecList GQty with GUnit, unit mapped from UCUM to the customs unit code). Required. Owner: HUB.
     * @param firstLegalQuantity Quantity in the first legal unit of the tariff line (DecList FirstQty with FirstUnit). Required. Owner: HUB.
     * @param secondLegalQuantity Quantity in the second legal unit, when the tariff line has one (DecList SecondQty with SecondUnit). Owner: HUB.
     * @param unitPrice Declared unit price in the trade currency (DecList DeclPrice with TradeCurr). Required. Owner: HUB.
     * @param total Declared total of the line in the trade currency (DecList DeclTotal with TradeCurr). Required. Owner: HUB.
     * @param originCountry Country of origin, ISO 3166-1 alpha-2 (DecList OriginCountry). Required. Owner: HUB.
     * @param destinationCountry Final destination country, ISO 3166-1 alpha-2 (DecList DestinationCountry). Required. Owner: HUB.
     * @param dutyMode Levy mode of the line (DecList DutyMode, 征免方式), e.g. 1 照章征税 as REGULAR. Required. Owner: HUB.
     * @param product Device declared, written 01/{gtin}. Owner: HUB.
     * @param registrationCertificate NMPA registration certificate of an imported device, which must be valid on the declaration date. Owner: HUB.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(
            Long lineNumber,
            String hsCode,
            String name,
            String specification,
            Quantity declaredQuantity,
            Quantity firstLegalQuantity,
            Quantity secondLegalQuantity,
            Money unitPrice,
            Money total,
            String originCountry,
            String destinationCountry,
            DutyMode dutyMode,
            String product,
            String registrationCertificate) {

        /** Levy mode of the line (DecList DutyMode, 征免方式), e.g. 1 照章征税 as REGULAR. */
        public enum DutyMode {
            REGULAR,
            HALF_EXEMPTION,
            FULL_EXEMPTION,
            SPECIAL_CASE,
            PER_LEVY_NATURE,
            DEPOSIT,
            GUARANTEE
        }
    }

    /**
     * Licences and certificates declared (DecLicenseDocus).
     *
     * @param documentCode Type code of the licence document (DecLicenseDocu DocuCode). Required. Owner: HUB.
     * @param certificateNumber Number of the licence or certificate (DecLicenseDocu CertCode). Required. Owner: HUB.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LicenceDocument(
            String documentCode,
            String certificateNumber) {
    }

    /**
     * Receipts from the single window, the import response and later status results, in order of arrival.
     *
     * @param receiptType Immediate response to the submission, or later processing result from customs. Required. Owner: CUSTOMS.
     * @param responseCode Code of the response (ResponseCode) or the processing status code of the result (CHANNEL). Required. Owner: CUSTOMS.
     * @param message Error message or note that came with the receipt (ErrorMessage, NOTE). Owner: CUSTOMS.
     * @param seqNo Unified number the receipt refers to (SeqNo). Owner: CUSTOMS.
     * @param entryId Declaration number the receipt refers to (ENTRY_ID). Owner: CUSTOMS.
     * @param receivedAt Moment customs issued the receipt (NOTICE_DATE or the response time), with its UTC offset. Required. Owner: CUSTOMS.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Receipt(
            ReceiptType receiptType,
            String responseCode,
            String message,
            String seqNo,
            String entryId,
            OffsetDateTime receivedAt) {

        /** Immediate response to the submission, or later processing result from customs. */
        public enum ReceiptType {
            IMPORT_RESPONSE,
            STATUS_RESULT
        }
    }

    /** Status as the hub derives it from its pre-flight check and the receipts, from draft to release (放行) and clearance (结关). */
    public enum Status {
        DRAFT,
        CHECKED,
        SUBMITTED,
        ACCEPTED,
        REJECTED,
        INSPECTION,
        RELEASED,
        CLEARED,
        CANCELLED
    }
}
