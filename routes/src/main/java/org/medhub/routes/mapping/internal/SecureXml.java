package org.medhub.routes.mapping.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.function.UnaryOperator;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerFactory;
import org.medhub.routes.mapping.MappingException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads partner XML into a DOM that remembers the line and column of every element. A document with a DOCTYPE
 * is refused outright: no DTD, no entity, internal or external, is ever read (XXE, billion laughs).
 */
public final class SecureXml {

    static final String LINE = "medhub.line";
    static final String COLUMN = "medhub.column";
    static final String DOCTYPE_REFUSED = "XML with a DOCTYPE is refused: DTDs and entities are never read";

    // configured once: a factory is a service lookup to make, and safe to share once set up; each parse still
    // takes its own parser or builder from it, as those are not thread-safe
    private static final SAXParserFactory SAX = saxFactory();
    private static final DocumentBuilderFactory DOM = domFactory();
    // JAXP promises less for transformer factories, and outbound rendering runs on many threads: one each
    private static final ThreadLocal<TransformerFactory> TRANSFORMERS = ThreadLocal.withInitial(SecureXml::transformerFactory);

    private SecureXml() {}

    /** An empty namespace-aware DOM document to build into. */
    public static Document newDocument() {
        try {
            return DOM.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("this Java's XML parser cannot be configured securely", e);
        }
    }

    /** A transformer (for writing a DOM out) from the shared factory, with secure processing on. */
    public static Transformer newTransformer() {
        try {
            return TRANSFORMERS.get().newTransformer();
        } catch (TransformerConfigurationException e) {
            throw new IllegalStateException("XML cannot be written: " + e.getMessage(), e);
        }
    }

    /**
     * @param declared the charset the mapping declares, which overrides the document's own declaration; null to
     *     let the document say
     * @param namespaces renames namespace URIs as they are read (B2MML versions to one URI); identity for none
     */
    public static Document parse(byte[] bytes, Charset declared, UnaryOperator<String> namespaces) {
        try {
            Document document = newDocument();
            InputSource input = new InputSource(new ByteArrayInputStream(bytes));
            if (declared != null) {
                input.setEncoding(declared.name());
            }
            parser().parse(input, new Builder(document, namespaces));
            if (document.getDocumentElement() == null) {
                throw new MappingException("malformed XML: the document has no root element");
            }
            return document;
        } catch (SAXParseException e) {
            String reason = e.getMessage() != null && e.getMessage().contains("DOCTYPE") ? DOCTYPE_REFUSED : e.getMessage();
            throw new MappingException("malformed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                    + ": " + reason);
        } catch (SAXException e) {
            throw new MappingException("malformed XML: " + e.getMessage());
        } catch (IOException e) {
            throw new MappingException("unreadable XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("this Java's XML parser cannot be configured securely", e);
        }
    }

    private static SAXParserFactory saxFactory() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("this Java's XML parser cannot be configured securely", e);
        }
    }

    private static DocumentBuilderFactory domFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory;
    }

    private static TransformerFactory transformerFactory() {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory;
        } catch (TransformerConfigurationException e) {
            throw new IllegalStateException("this Java's XML writer cannot be configured securely", e);
        }
    }

    private static SAXParser parser() throws ParserConfigurationException, SAXException {
        SAXParser parser = SAX.newSAXParser();
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return parser;
    }

    /** Builds the DOM from SAX events, noting where each element starts. */
    private static final class Builder extends DefaultHandler {
        private final Document document;
        private final UnaryOperator<String> namespaces;
        private Node current;
        private Locator locator;
        private final StringBuilder text = new StringBuilder();

        Builder(Document document, UnaryOperator<String> namespaces) {
            this.document = document;
            this.namespaces = namespaces;
            this.current = document;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            flushText();
            String namespace = namespaces.apply(uri == null || uri.isEmpty() ? null : uri);
            String name = namespace == null ? localName : qName;
            Element element = document.createElementNS(namespace, name);
            for (int i = 0; i < attributes.getLength(); i++) {
                String attributeUri = attributes.getURI(i);
                element.setAttributeNS(attributeUri == null || attributeUri.isEmpty() ? null : attributeUri,
                        attributes.getQName(i), attributes.getValue(i));
            }
            if (locator != null) {
                element.setUserData(LINE, locator.getLineNumber(), null);
                element.setUserData(COLUMN, locator.getColumnNumber(), null);
            }
            current.appendChild(element);
            current = element;
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            flushText();
            current = current.getParentNode();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        private void flushText() {
            if (!text.isEmpty() && current != document) {
                current.appendChild(document.createTextNode(text.toString()));
            }
            text.setLength(0);
        }
    }
}
