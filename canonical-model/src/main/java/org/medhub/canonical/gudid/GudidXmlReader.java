package org.medhub.canonical.gudid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

/**
 * Reads FDA GUDID device XML (namespace {@value #NAMESPACE}): release files and openFDA's copies, whose root holds
 * {@code <device>} elements, and the single-device documents of AccessGUDID's device history. Each device becomes a
 * {@link GudidDevice}; the input is streamed, so a release file of hundreds of megabytes holds one device in memory
 * at a time.
 *
 * <p>Refused with an {@link InvalidRecordException} naming line, column and rule: a DOCTYPE ({@code doctype-refused};
 * GUDID XML has none, and a DTD is how external entities and entity expansion get in), an entity reference, input
 * over the size bound ({@code input-too-large}), a device over {@value #MAX_DEVICE_CHARS} characters or nested
 * deeper than {@value #MAX_DEPTH}, and XML that is not well-formed ({@code malformed-xml}).
 */
public final class GudidXmlReader {

    public static final String ENTITY = "GUDID device XML";
    public static final String NAMESPACE = "http://www.fda.gov/cdrh/gudid";
    /** Generous for a GUDID release part file (openFDA's 2016 file1.xml is 194 MB); pass a bound of your own. */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;
    /** A device record is a few kilobytes of text. */
    public static final int MAX_DEVICE_CHARS = 1 << 20;
    public static final int MAX_DEPTH = 32;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final long maxBytes;

    public GudidXmlReader() {
        this(DEFAULT_MAX_BYTES);
    }

    public GudidXmlReader(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, not " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** Every device of the document, in document order. */
    public List<GudidDevice> readAll(InputStream xml) {
        List<GudidDevice> devices = new ArrayList<>();
        read(xml, devices::add);
        return devices;
    }

    /** Every device of a document held as text, such as the {@code xml} of an AccessGUDID history version. */
    public List<GudidDevice> readAll(String xml) {
        if (xml.length() > maxBytes) {
            throw refused(null, "input-too-large", "the document has " + xml.length()
                    + " characters, more than the " + maxBytes + " this reader accepts");
        }
        List<GudidDevice> devices = new ArrayList<>();
        try {
            readDevices(factory().createXMLStreamReader(new StringReader(xml)), devices::add);
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
        return devices;
    }

    /** Hands each device to {@code devices} as soon as it is read; the caller closes {@code xml}. */
    public void read(InputStream xml, Consumer<GudidDevice> devices) {
        BoundedInputStream bounded = new BoundedInputStream(xml, maxBytes);
        try {
            readDevices(factory().createXMLStreamReader(bounded), devices);
        } catch (XMLStreamException e) {
            if (bounded.exceeded) {
                throw refused(null, "input-too-large", "the document is larger than the " + maxBytes
                        + " bytes this reader accepts");
            }
            throw malformed(e);
        }
    }

    private static XMLInputFactory factory() {
        // the JDK's own StAX, whatever else the classpath brings, so that the settings below are the ones honoured
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    private static void readDevices(XMLStreamReader reader, Consumer<GudidDevice> devices) throws XMLStreamException {
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw refused(reader.getLocation(), "doctype-refused", "the document declares a DOCTYPE; GUDID "
                            + "device XML has none, and DTDs (external entities, entity expansion) are not read");
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw entityRefused(reader);
                }
                if (event == XMLStreamConstants.START_ELEMENT && "device".equals(reader.getLocalName())
                        && isGudid(reader.getNamespaceURI())) {
                    JsonNode device = element(reader, 1, new int[] {MAX_DEVICE_CHARS});
                    devices.accept(GudidProductMapping.map(device));
                }
            }
        } finally {
            reader.close();
        }
    }

    private static boolean isGudid(String namespace) {
        return namespace == null || namespace.isEmpty() || NAMESPACE.equals(namespace);
    }

    /**
     * The element the reader stands on as the tree AccessGUDID's JSON has: attributes and child elements become
     * fields, a repeated child an array, {@code xsi:nil} null, a leaf its text.
     */
    private static JsonNode element(XMLStreamReader reader, int depth, int[] budget) throws XMLStreamException {
        if (depth > MAX_DEPTH) {
            throw refused(reader.getLocation(), "too-deep", "elements are nested deeper than " + MAX_DEPTH
                    + " levels; a GUDID device has about five");
        }
        ObjectNode object = null;
        boolean nil = false;
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String value = reader.getAttributeValue(i);
            spend(reader, budget, value.length());
            if (XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI.equals(reader.getAttributeNamespace(i))) {
                nil |= "nil".equals(reader.getAttributeLocalName(i)) && "true".equals(value.strip());
                continue;
            }
            object = object == null ? NODES.objectNode() : object;
            object.put(reader.getAttributeLocalName(i), value);
        }
        StringBuilder text = new StringBuilder();
        while (true) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    String name = reader.getLocalName();
                    spend(reader, budget, name.length());
                    JsonNode child = element(reader, depth + 1, budget);
                    object = object == null ? NODES.objectNode() : object;
                    add(object, name, child);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    spend(reader, budget, reader.getTextLength());
                    text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw entityRefused(reader);
                case XMLStreamConstants.END_ELEMENT -> {
                    if (object != null) {
                        return object;
                    }
                    return nil ? NODES.nullNode() : NODES.textNode(text.toString());
                }
                default -> { } // comments and processing instructions carry no data
            }
        }
    }

    private static void add(ObjectNode object, String name, JsonNode child) {
        JsonNode existing = object.get(name);
        if (existing == null) {
            object.set(name, child);
        } else if (existing.isArray()) {
            ((ArrayNode) existing).add(child);
        } else {
            object.putArray(name).add(existing).add(child);
        }
    }

    private static void spend(XMLStreamReader reader, int[] budget, int chars) {
        budget[0] -= chars;
        if (budget[0] < 0) {
            throw refused(reader.getLocation(), "device-too-large", "a device holds more than " + MAX_DEVICE_CHARS
                    + " characters; a GUDID device record has a few thousand");
        }
    }

    private static InvalidRecordException entityRefused(XMLStreamReader reader) {
        return refused(reader.getLocation(), "entity-refused", "the document refers to the entity &"
                + reader.getLocalName() + "; GUDID device XML uses none but the predefined ones");
    }

    private static InvalidRecordException malformed(XMLStreamException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        // the JDK prefixes "ParseError at [row,col]:[r,c]\nMessage: "; the location is reported on its own
        int cut = message.indexOf("Message: ");
        return refused(e.getLocation(), "malformed-xml", "not well-formed XML: "
                + (cut >= 0 ? message.substring(cut + 9) : message).strip());
    }

    private static InvalidRecordException refused(Location location, String rule, String message) {
        String where = location == null || location.getLineNumber() < 0 ? "document"
                : "line " + location.getLineNumber() + ", column " + location.getColumnNumber();
        return new InvalidRecordException(ENTITY, List.of(new Violation(where, rule, null, where + ": " + message)));
    }

    /** Ends the read with an error once more than {@code max} bytes have come, before they are parsed. */
    private static final class BoundedInputStream extends FilterInputStream {

        private long remaining;
        private boolean exceeded;

        BoundedInputStream(InputStream in, long max) {
            super(in);
            this.remaining = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, Math.max(1, remaining + 1)));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            remaining -= n;
            if (remaining < 0) {
                exceeded = true;
                throw new IOException("input exceeds the size bound");
            }
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count((int) Math.min(skipped, Integer.MAX_VALUE));
            return skipped;
        }
    }
}
