package org.medhub.routes.mapping.internal;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.Location;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medhub.routes.mapping.MappingException;
import org.medhub.routes.mapping.MappingSpec;
import org.medhub.routes.mapping.MappingViolation;
import org.medhub.routes.mapping.SourceFormat;
import org.medhub.routes.mapping.SourceLocation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An EDIFACT or X12 interchange read by StAEDI into a tree that XPath addresses:
 * {@code Interchange/Group/Transaction/BGM/BGM02}. An element is named by its segment and position and holds its
 * components ({@code DTM01/DTM0102}); an element of one component also reads as a value itself ({@code BGM02}, or
 * {@code BGM02/BGM0201}), since senders write the same element with or without components. Empty elements are left
 * out. StAEDI
 * checks the envelope (UNB/UNZ, ISA/IEA, groups, UNH/UNT and ST/SE counts and references); a broken envelope is
 * refused naming the segment. Without a transaction schema the parser sees no segment groups: the mapping's
 * {@code edi.loops} gathers a group's segments under {@code LIN-loop}.
 */
final class EdiTree {

    /** StAEDI tells java.util.logging about schema details at INFO; a command line must not print them. */
    private static final java.util.logging.Logger STAEDI_LOG = java.util.logging.Logger.getLogger("io.xlate");

    static {
        STAEDI_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private EdiTree() {}

    static SourceDocument read(byte[] bytes, MappingSpec spec) {
        String text = Sources.text(bytes, spec.charsetOrUtf8(), spec.format().yamlName().toUpperCase(java.util.Locale.ROOT));
        Document document = SecureXml.newDocument();
        List<MappingViolation> problems = new ArrayList<>();
        char decimalMark = '.';
        EDIInputFactory factory = EDIInputFactory.newFactory();
        try (EDIStreamReader reader = factory.createEDIStreamReader(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8.name())) {
            Element interchange = null;
            Node current = document;
            Element segment = null;
            Element composite = null;
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                Location at = reader.getLocation();
                switch (event) {
                    case START_INTERCHANGE -> {
                        String standard = reader.getStandard();
                        SourceFormat found = EDIStreamConstants.Standards.X12.equals(standard) ? SourceFormat.X12
                                : EDIStreamConstants.Standards.EDIFACT.equals(standard) ? SourceFormat.EDIFACT : null;
                        if (found != spec.format()) {
                            throw new MappingException("not " + spec.format().yamlName().toUpperCase(java.util.Locale.ROOT)
                                    + ": the interchange is " + standard);
                        }
                        interchange = element(document, "Interchange", at);
                        interchange.setAttribute("standard", standard);
                        current = document.appendChild(interchange);
                        Character decimal = reader.getDelimiters().get(EDIStreamConstants.Delimiters.DECIMAL);
                        decimalMark = decimal == null ? '.' : decimal;
                    }
                    case START_GROUP -> current = current.appendChild(element(document, "Group", at));
                    case START_TRANSACTION -> current = current.appendChild(element(document, "Transaction", at));
                    case END_GROUP, END_TRANSACTION, END_INTERCHANGE -> current = current.getParentNode();
                    case START_SEGMENT -> segment = (Element) current.appendChild(element(document, reader.getText(), at));
                    case END_SEGMENT -> segment = null;
                    case START_COMPOSITE -> composite = element(document, name(segment, at.getElementPosition()), at);
                    case END_COMPOSITE -> {
                        if (composite != null && composite.hasChildNodes() && segment != null) {
                            segment.appendChild(composite);
                        }
                        composite = null;
                    }
                    case ELEMENT_DATA -> {
                        String value = reader.getText();
                        if (value == null || value.isEmpty() || segment == null) {
                            continue;
                        }
                        if (composite != null) {
                            Element component = element(document, composite.getTagName()
                                    + String.format("%02d", Math.max(at.getComponentPosition(), 1)), at);
                            component.setTextContent(value);
                            composite.appendChild(component);
                        } else {
                            // a simple element is a composite of one component, so that BGM02 and BGM02/BGM0201
                            // both read it, whichever way a sender writes the element
                            Element simple = element(document, name(segment, at.getElementPosition()), at);
                            Element component = element(document, simple.getTagName() + "01", at);
                            component.setTextContent(value);
                            simple.appendChild(component);
                            segment.appendChild(simple);
                        }
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> problems.add(MappingViolation.ofDocument(
                            "edi-structure", location(at), "the " + spec.format().yamlName().toUpperCase(java.util.Locale.ROOT)
                                    + " envelope is broken at " + describe(at) + ": " + reader.getErrorType()
                                    + (reader.hasText() && reader.getText() != null ? " ('" + reader.getText() + "')" : "")));
                    default -> { }
                }
            }
            if (interchange == null) {
                throw new MappingException("malformed EDI: no interchange header (UNB or ISA)");
            }
        } catch (EDIStreamException e) {
            Location at = e.getLocation();
            throw new MappingException("malformed " + spec.format().yamlName().toUpperCase(java.util.Locale.ROOT)
                    + (at != null ? " at line " + at.getLineNumber() + ", column " + at.getColumnNumber() : "") + ": "
                    + e.getMessage());
        } catch (IOException e) {
            throw new MappingException("unreadable EDI: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new MappingException("the interchange's envelope is broken: " + problems.size() + " problem(s)", problems);
        }
        gatherLoops(document, spec.edi().loops());
        return new XmlSource(document, spec.namespaces(), decimalMark, true);
    }

    private static String name(Element segment, int position) {
        return (segment == null ? "E" : segment.getTagName()) + String.format("%02d", Math.max(position, 1));
    }

    private static Element element(Document document, String name, Location at) {
        Element element = document.createElement(name);
        element.setUserData(SecureXml.LINE, at.getLineNumber(), null);
        element.setUserData(SecureXml.COLUMN, at.getColumnNumber(), null);
        return element;
    }

    private static SourceLocation location(Location at) {
        return new SourceLocation(Math.max(at.getLineNumber(), 0), Math.max(at.getColumnNumber(), 0), describe(at));
    }

    private static String describe(Location at) {
        StringBuilder text = new StringBuilder("segment ").append(at.getSegmentPosition());
        if (at.getSegmentTag() != null) {
            text.append(" (").append(at.getSegmentTag()).append(')');
        }
        if (at.getElementPosition() > 0) {
            text.append(", element ").append(at.getElementPosition());
        }
        return text.toString();
    }

    /**
     * Moves each group's segments into an element {@code TAG-loop}: a trigger segment and the member segments that
     * follow it, up to the next trigger or a segment that is not a member.
     */
    private static void gatherLoops(Document document, Map<String, List<String>> loops) {
        if (loops.isEmpty()) {
            return;
        }
        var transactions = document.getElementsByTagName("Transaction");
        for (int t = 0; t < transactions.getLength(); t++) {
            Element transaction = (Element) transactions.item(t);
            Element loop = null;
            List<String> members = List.of();
            for (Node child = transaction.getFirstChild(); child != null; ) {
                Node next = child.getNextSibling();
                if (child instanceof Element segment) {
                    String tag = segment.getTagName();
                    if (loops.containsKey(tag)) {
                        loop = element(document, tag + "-loop", segment);
                        transaction.insertBefore(loop, segment);
                        loop.appendChild(segment);
                        members = loops.get(tag);
                    } else if (loop != null && members.contains(tag)) {
                        loop.appendChild(segment);
                    } else {
                        loop = null;
                    }
                }
                child = next;
            }
        }
    }

    private static Element element(Document document, String name, Element like) {
        Element element = document.createElement(name);
        element.setUserData(SecureXml.LINE, like.getUserData(SecureXml.LINE), null);
        element.setUserData(SecureXml.COLUMN, like.getUserData(SecureXml.COLUMN), null);
        return element;
    }
}
