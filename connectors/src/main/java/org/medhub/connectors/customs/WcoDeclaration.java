package org.medhub.connectors.customs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.validation.Schema;
import org.medhub.canonical.entity.CustomsDeclaration;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The second dialect: a declaration in the shape of the WCO Data Model (as EU and UK customs take it: a
 * {@code Declaration} with its parties, a {@code GoodsShipment} and a {@code GovernmentAgencyGoodsItem} per line), and
 * the notifications UK CDS sends back (DMSRCV received, DMSACC accepted, DMSREJ rejected with errors pointing at
 * elements, DMSCLE cleared). Our XSD ({@code wco-declaration.xsd}) is the contract; it models the WCO DM 3.x
 * element names and is not the official schema.
 */
public final class WcoDeclaration implements Dialect {

    public static final String NAMESPACE = "urn:medhub:customs:wco:1";
    private static final Schema SCHEMA = SecureXml.schema("wco-declaration.xsd");

    @Override
    public String name() {
        return "wco";
    }

    @Override
    public byte[] render(CustomsDeclaration d) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeStartElement("Declaration");
            xml.writeDefaultNamespace(NAMESPACE);
            text(xml, "FunctionalReferenceID", d.clientSeqNo());
            text(xml, "TypeCode", d.ieFlag() == CustomsDeclaration.IeFlag.IMPORT ? "IM" : "EX");
            text(xml, "DeclarationOfficeID", d.customsOffice());
            text(xml, "TotalPackageQuantity", d.packages() == null ? null : d.packages().toString());
            party(xml, "Declarant", d.declarationAgent().uscc(), d.declarationAgent().name());
            party(xml, d.ieFlag() == CustomsDeclaration.IeFlag.IMPORT ? "Importer" : "Exporter", d.goodsOwner().uscc(),
                    d.goodsOwner().name());
            xml.writeStartElement("GoodsShipment");
            text(xml, "TransactionNatureCode", d.tradeMode());
            if (d.grossWeight() != null) {
                text(xml, "GrossMassMeasure", d.grossWeight().to("kg").value().toPlainString());
            }
            if (d.netWeight() != null) {
                text(xml, "NetMassMeasure", d.netWeight().to("kg").value().toPlainString());
            }
            List<CustomsDeclaration.Line> lines = d.lines() == null ? List.of() : d.lines();
            for (CustomsDeclaration.Line line : lines) {
                xml.writeStartElement("GovernmentAgencyGoodsItem");
                text(xml, "SequenceNumeric", line.lineNumber().toString());
                text(xml, "Description", line.name() + (line.specification() == null ? "" : " " + line.specification()));
                text(xml, "CommodityClassificationID", line.hsCode());
                text(xml, "OriginCountryCode", line.originCountry());
                text(xml, "DestinationCountryCode", line.destinationCountry());
                xml.writeStartElement("GoodsMeasure");
                xml.writeAttribute("unitCode", line.declaredQuantity().unit().code());
                xml.writeCharacters(line.declaredQuantity().value().toPlainString());
                xml.writeEndElement();
                xml.writeStartElement("StatisticalValueAmount");
                xml.writeAttribute("currencyID", line.total().currency());
                xml.writeCharacters(line.total().amount().toPlainString());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the declaration's XML", e);
        }
        return bytes.toByteArray();
    }

    private static void party(XMLStreamWriter xml, String role, String id, String name) throws XMLStreamException {
        xml.writeStartElement(role);
        text(xml, "ID", id);
        text(xml, "Name", name);
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        if (value != null) {
            xml.writeStartElement(element);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }
    }

    @Override
    public List<String> validate(byte[] xml) {
        return SecureXml.problems(SCHEMA, xml);
    }

    /** A DMS notification: {@code <Notification><FunctionCode>DMSACC</FunctionCode>…}. */
    @Override
    public Receipt readReceipt(byte[] xml) {
        Element root = SecureXml.parse(xml).getDocumentElement();
        if (!NAMESPACE.equals(root.getNamespaceURI()) || !"Notification".equals(root.getLocalName())) {
            throw new IllegalArgumentException("not a DMS notification: its root is {" + root.getNamespaceURI() + "}"
                    + root.getLocalName());
        }
        String function = child(root, "FunctionCode");
        String status = switch (function == null ? "" : function) {
            case "DMSRCV" -> "SUBMITTED"; // received, not yet accepted: it moves nothing forward
            case "DMSACC" -> "ACCEPTED";
            case "DMSREJ" -> "REJECTED";
            case "DMSCLE" -> "CLEARED";
            default -> throw new IllegalArgumentException("a notification of unknown FunctionCode '" + function
                    + "'; known: DMSRCV, DMSACC, DMSREJ, DMSCLE");
        };
        List<Receipt.Reason> reasons = new ArrayList<>();
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element error && error.getLocalName().equals("Error")) {
                reasons.add(new Receipt.Reason(child(error, "Pointer"), child(error, "Description")));
            }
        }
        String issued = child(root, "IssueDateTime");
        try {
            return new Receipt(child(root, "FunctionalReferenceID"), status, function, null, child(root, "DeclarationID"),
                    reasons, issued == null ? null : OffsetDateTime.parse(issued));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a notification's IssueDateTime must carry its offset, not '" + issued + "'", e);
        }
    }

    private static String child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && e.getLocalName().equals(name)) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }
}
