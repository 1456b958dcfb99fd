package org.medhub.connectors.customs;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.validation.Schema;
import org.medhub.canonical.entity.CustomsDeclaration;
import org.medhub.canonical.unit.Quantity;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The China international trade single window's declaration ({@code DecMessage}: {@code DecHead}, {@code DecLists},
 * {@code DecLicenseDocus}, {@code DecSign}) and its receipts (the import response, the status results), as medhub's
 * XSD ({@code cn-dec-message.xsd}) has them: a model of the GACC format (announcements 2018 No. 67 and No. 185, V4.0)
 * to be checked against the official one.
 */
public final class ChinaSingleWindow implements Dialect {

    public static final String NAMESPACE = "urn:medhub:customs:cn:dec:1";
    private static final Schema SCHEMA = SecureXml.schema("cn-dec-message.xsd");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    @Override
    public String name() {
        return "china-single-window";
    }

    @Override
    public byte[] render(CustomsDeclaration d) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeStartElement("DecMessage");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("Version", "4.0");
            head(xml, d);
            xml.writeStartElement("DecLists");
            List<CustomsDeclaration.Line> lines = d.lines() == null ? List.of() : d.lines();
            for (int i = 0; i < lines.size(); i++) {
                line(xml, lines.get(i), "lines[" + i + "]");
            }
            xml.writeEndElement();
            if (d.licenceDocuments() != null && !d.licenceDocuments().isEmpty()) {
                xml.writeStartElement("DecLicenseDocus");
                for (CustomsDeclaration.LicenceDocument document : d.licenceDocuments()) {
                    xml.writeStartElement("LicenseDocu");
                    text(xml, "DocuCode", document.documentCode());
                    text(xml, "CertCode", document.certificateNumber());
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeStartElement("DecSign");
            text(xml, "ClientSeqNo", d.clientSeqNo());
            text(xml, "OperType", "G"); // G: a declaration sent for filing, not a draft kept at the window
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the declaration's XML", e);
        }
        return bytes.toByteArray();
    }

    private static void head(XMLStreamWriter xml, CustomsDeclaration d) throws XMLStreamException {
        xml.writeStartElement("DecHead");
        text(xml, "SeqNo", d.seqNo());
        text(xml, "IEFlag", ChinaCodes.ieFlag(d.ieFlag()));
        text(xml, "CustomMaster", d.customsOffice());
        text(xml, "IEPort", d.iePort());
        text(xml, "IEDate", day(d.ieDate()));
        text(xml, "DeclDate", day(d.declarationDate()));
        text(xml, "TradeMode", d.tradeMode());
        text(xml, "CutMode", d.levyNature());
        text(xml, "TradeCountry", ChinaCodes.country(d.tradeCountry()));
        text(xml, "TrafMode", ChinaCodes.transport(d.transportMode()));
        text(xml, "TransMode", d.transactionMode() == null ? null : ChinaCodes.priceTerms(d.transactionMode()));
        text(xml, "BillNo", d.billOfLading());
        text(xml, "GrossWet", kilograms(d.grossWeight(), "grossWeight"));
        text(xml, "NetWt", kilograms(d.netWeight(), "netWeight"));
        text(xml, "PackNo", d.packages() == null ? null : d.packages().toString());
        text(xml, "WrapType", d.wrapType());
        text(xml, "ContrNo", d.contractNumber());
        text(xml, "TradeCode", d.domesticTrader().customsCode());
        text(xml, "TradeCoScc", d.domesticTrader().uscc());
        text(xml, "TradeName", d.domesticTrader().name());
        text(xml, "OwnerCode", d.goodsOwner().customsCode());
        text(xml, "OwnerCodeScc", d.goodsOwner().uscc());
        text(xml, "OwnerName", d.goodsOwner().name());
        text(xml, "AgentCode", d.declarationAgent().customsCode());
        text(xml, "AgentCodeScc", d.declarationAgent().uscc());
        text(xml, "AgentName", d.declarationAgent().name());
        xml.writeEndElement();
    }

    private static void line(XMLStreamWriter xml, CustomsDeclaration.Line line, String at) throws XMLStreamException {
        xml.writeStartElement("DecList");
        text(xml, "GNo", line.lineNumber().toString());
        text(xml, "CodeTS", line.hsCode().length() > 10 ? line.hsCode().substring(0, 10) : line.hsCode());
        text(xml, "GName", line.name());
        text(xml, "GModel", line.specification());
        text(xml, "GQty", plain(line.declaredQuantity().value()));
        text(xml, "GUnit", ChinaCodes.unit(line.declaredQuantity(), at + ".declaredQuantity"));
        text(xml, "FirstQty", plain(line.firstLegalQuantity().value()));
        text(xml, "FirstUnit", ChinaCodes.unit(line.firstLegalQuantity(), at + ".firstLegalQuantity"));
        if (line.secondLegalQuantity() != null) {
            text(xml, "SecondQty", plain(line.secondLegalQuantity().value()));
            text(xml, "SecondUnit", ChinaCodes.unit(line.secondLegalQuantity(), at + ".secondLegalQuantity"));
        }
        text(xml, "DeclPrice", plain(line.unitPrice().amount()));
        text(xml, "DeclTotal", plain(line.total().amount()));
        text(xml, "TradeCurr", line.total().currency());
        text(xml, "OriginCountry", ChinaCodes.country(line.originCountry()));
        text(xml, "DestinationCountry", ChinaCodes.country(line.destinationCountry()));
        text(xml, "DutyMode", ChinaCodes.duty(line.dutyMode()));
        xml.writeEndElement();
    }

    /** Written only when there is something to write: the XSD says which elements may be absent. */
    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        if (value != null) {
            xml.writeStartElement(element);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }
    }

    private static String day(LocalDate date) {
        return date == null ? null : date.format(DAY);
    }

    /** Decimals as the record holds them: never through a double. */
    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }

    private static String kilograms(Quantity weight, String field) {
        if (weight == null) {
            return null;
        }
        if (!weight.unit().isCompatible(org.medhub.canonical.unit.UnitOfMeasure.parse("kg"))) {
            throw new IllegalArgumentException(field + ": a weight, in a unit of mass, not '" + weight.unit().code() + "'");
        }
        return plain(weight.to("kg").value());
    }

    @Override
    public List<String> validate(byte[] xml) {
        return SecureXml.problems(SCHEMA, xml);
    }

    /**
     * The import response ({@code DecImportResponse}: ResponseCode 0 taken, else refused with ErrorMessage) or a status
     * result ({@code DecResult}: CHANNEL L taken, H inspection, P released, R cleared, 1 refused, with NOTE).
     */
    @Override
    public Receipt readReceipt(byte[] xml) {
        Element root = SecureXml.parse(xml).getDocumentElement();
        if (!NAMESPACE.equals(root.getNamespaceURI())) {
            throw new IllegalArgumentException("not a single-window receipt: its root is {" + root.getNamespaceURI() + "}"
                    + root.getLocalName());
        }
        return switch (root.getLocalName()) {
            case "DecImportResponse" -> {
                String code = child(root, "ResponseCode");
                // 0: the single window took it in and numbered it; customs has not looked at it yet (CHANNEL L says so)
                boolean taken = "0".equals(code);
                yield new Receipt(child(root, "ClientSeqNo"), taken ? "SUBMITTED" : "REJECTED", code, child(root, "SeqNo"), null,
                        taken ? List.of() : reasons(root), at(child(root, "ResponseTime")));
            }
            case "DecResult" -> {
                String channel = child(root, "CHANNEL");
                String status = switch (channel == null ? "" : channel) {
                    case "L" -> "ACCEPTED";
                    case "H" -> "INSPECTION";
                    case "P" -> "RELEASED";
                    case "R" -> "CLEARED";
                    case "1" -> "REJECTED";
                    default -> throw new IllegalArgumentException("a status result of unknown CHANNEL '" + channel
                            + "'; known: L, H, P, R, 1");
                };
                yield new Receipt(child(root, "CLIENT_SEQ_NO"), status, channel, child(root, "SEQ_NO"), child(root, "ENTRY_ID"),
                        "REJECTED".equals(status) ? reasons(root) : List.of(), at(child(root, "NOTICE_DATE")));
            }
            default -> throw new IllegalArgumentException("not a single-window receipt: " + root.getLocalName());
        };
    }

    /** Each ErrorMessage or NOTE, with the element it names (its {@code Field} attribute) where it names one. */
    private static List<Receipt.Reason> reasons(Element root) {
        List<Receipt.Reason> reasons = new ArrayList<>();
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && (e.getLocalName().equals("ErrorMessage") || e.getLocalName().equals("NOTE"))) {
                reasons.add(new Receipt.Reason(e.hasAttribute("Field") ? e.getAttribute("Field") : null, e.getTextContent().strip()));
            }
        }
        return reasons;
    }

    private static String child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && e.getLocalName().equals(name)) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }

    private static OffsetDateTime at(String text) {
        try {
            return text == null ? null : OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a receipt's time must carry its offset, e.g. 2026-12-04T10:00:00+08:00, not '"
                    + text + "'", e);
        }
    }
}
