package org.medhub.routes.mapping.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import javax.xml.xpath.XPathFactoryConfigurationException;
import org.medhub.routes.mapping.MappingViolation;
import org.medhub.routes.mapping.SourceLocation;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * An XML document (also B2MML, IDoc, and EDI read into a tree) addressed by XPath 1.0 with the mapping's
 * namespace prefixes. An element that holds only text gives its text, trimmed; an attribute its value; an
 * expression that is not a node set ({@code count(…)}, {@code concat(…)}) its string value.
 */
public final class XmlSource implements SourceDocument {

    /*
     * XPathFactory.newInstance() is a service lookup, too dear per document, and a factory is not thread-safe:
     * one per thread. The XPath itself is made per document, since it carries that mapping's prefixes.
     */
    private static final ThreadLocal<XPathFactory> XPATHS = ThreadLocal.withInitial(XmlSource::xpathFactory);

    private final Document document;
    private final XPath xpath;
    private final char decimalMark;
    private final Map<String, XPathExpression> compiled = new HashMap<>();
    private final Map<String, String> problems = new HashMap<>();
    private final boolean ediComponents;

    public XmlSource(Document document, Map<String, String> namespaces, char decimalMark) {
        this(document, namespaces, decimalMark, false);
    }

    /** @param ediComponents an element whose one child is its first component ({@code BGM02/BGM0201}) reads as a value */
    XmlSource(Document document, Map<String, String> namespaces, char decimalMark, boolean ediComponents) {
        this.document = document;
        this.xpath = newXPath(namespaces);
        this.decimalMark = decimalMark;
        this.ediComponents = ediComponents;
    }

    public Document document() {
        return document;
    }

    /** An XPath that knows {@code prefixes}; a prefix it does not know makes the expression fail to compile. */
    public static XPath newXPath(Map<String, String> prefixes) {
        XPath xpath = XPATHS.get().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                String uri = prefixes.get(prefix);
                if (uri == null) {
                    throw new IllegalArgumentException("prefix '" + prefix + "' is not declared under namespaces");
                }
                return uri;
            }

            @Override
            public String getPrefix(String namespaceUri) {
                return prefixes.entrySet().stream().filter(e -> e.getValue().equals(namespaceUri))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
            }

            @Override
            public Iterator<String> getPrefixes(String namespaceUri) {
                return prefixes.entrySet().stream().filter(e -> e.getValue().equals(namespaceUri))
                        .map(Map.Entry::getKey).iterator();
            }
        });
        return xpath;
    }

    private static XPathFactory xpathFactory() {
        XPathFactory factory = XPathFactory.newInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (XPathFactoryConfigurationException e) {
            throw new IllegalStateException("this Java's XPath cannot be configured securely", e);
        }
        return factory;
    }

    /** Why {@code expression} cannot be used with these prefixes, if it cannot. */
    public static Optional<String> checkExpression(String expression, Map<String, String> prefixes) {
        if (PathFacts.isFact(expression)) {
            return Optional.empty();
        }
        try {
            newXPath(prefixes).compile(expression);
            return Optional.empty();
        } catch (XPathExpressionException | IllegalArgumentException e) {
            return Optional.of(rootMessage(e));
        }
    }

    @Override
    public SourceNode root() {
        return new SourceNode(null, new SourceLocation(1, 1, "/"), 1, document);
    }

    @Override
    public List<SourceNode> records(String forEach) {
        return forEach == null ? List.of(root()) : select(root(), forEach);
    }

    @Override
    public char decimalMark() {
        return decimalMark;
    }

    @Override
    public Optional<MappingViolation> pathProblem(String path) {
        String problem = problems.get(path);
        return problem == null ? Optional.empty()
                : Optional.of(MappingViolation.ofDocument("xpath", SourceLocation.NONE, "'" + path + "' is not a usable XPath: " + problem));
    }

    @Override
    public List<SourceNode> select(SourceNode context, String path) {
        if (PathFacts.isFact(path)) {
            return PathFacts.select(context, path).orElse(List.of());
        }
        XPathExpression expression = compile(path);
        if (expression == null) {
            return List.of();
        }
        Node from = (Node) context.handle();
        try {
            NodeList found = (NodeList) expression.evaluate(from, XPathConstants.NODESET);
            List<SourceNode> nodes = new ArrayList<>(found.getLength());
            for (int i = 0; i < found.getLength(); i++) {
                nodes.add(ediComponents ? ediNode(found.item(i)) : node(found.item(i)));
            }
            return nodes;
        } catch (XPathExpressionException notANodeSet) {
            try {
                String value = (String) expression.evaluate(from, XPathConstants.STRING);
                return List.of(new SourceNode(JsonNodeFactory.instance.textNode(value), context.location(), 1, null));
            } catch (XPathExpressionException e) {
                problems.put(path, rootMessage(e));
                return List.of();
            }
        }
    }

    private XPathExpression compile(String path) {
        if (problems.containsKey(path)) {
            return null;
        }
        return compiled.computeIfAbsent(path, p -> {
            try {
                return xpath.compile(p);
            } catch (XPathExpressionException | IllegalArgumentException e) {
                problems.put(p, rootMessage(e));
                return null;
            }
        });
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    private static SourceNode ediNode(Node node) {
        if (node instanceof Element element) {
            Element only = null;
            int count = 0;
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element e) {
                    only = e;
                    count++;
                }
            }
            if (count == 1 && only.getTagName().equals(element.getTagName() + "01") && !hasChildElements(only)) {
                return new SourceNode(JsonNodeFactory.instance.textNode(only.getTextContent().strip()),
                        location(element, ""), position(element), element);
            }
        }
        return node(node);
    }

    static SourceNode node(Node node) {
        return switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> {
                Element element = (Element) node;
                boolean structure = hasChildElements(element);
                yield new SourceNode(structure ? null : JsonNodeFactory.instance.textNode(element.getTextContent().strip()),
                        location(element, ""), position(element), element);
            }
            case Node.ATTRIBUTE_NODE -> {
                Attr attribute = (Attr) node;
                yield new SourceNode(JsonNodeFactory.instance.textNode(attribute.getValue()),
                        location(attribute.getOwnerElement(), "/@" + attribute.getName()), 1, attribute);
            }
            case Node.DOCUMENT_NODE -> new SourceNode(null, new SourceLocation(1, 1, "/"), 1, node);
            default -> {
                Node parent = node.getParentNode();
                yield new SourceNode(JsonNodeFactory.instance.textNode(node.getNodeValue().strip()),
                        parent instanceof Element element ? location(element, "/text()") : SourceLocation.NONE, 1, node);
            }
        };
    }

    private static boolean hasChildElements(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                return true;
            }
        }
        return false;
    }

    private static int position(Element element) {
        int position = 1;
        for (Node sibling = element.getPreviousSibling(); sibling != null; sibling = sibling.getPreviousSibling()) {
            if (sibling.getNodeType() == Node.ELEMENT_NODE && sibling.getNodeName().equals(element.getNodeName())) {
                position++;
            }
        }
        return position;
    }

    static SourceLocation location(Element element, String suffix) {
        Object line = element.getUserData(SecureXml.LINE);
        Object column = element.getUserData(SecureXml.COLUMN);
        return new SourceLocation(line instanceof Integer l ? l : 0, column instanceof Integer c ? c : 0,
                path(element) + suffix);
    }

    /** {@code /Invoice[1]/Line[3]/Qty[1]}, by the names as the document writes them. */
    static String path(Element element) {
        StringBuilder path = new StringBuilder();
        for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
            path.insert(0, "/" + e.getTagName() + "[" + position(e) + "]");
        }
        return path.toString();
    }
}
