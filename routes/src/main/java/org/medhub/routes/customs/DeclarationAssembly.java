package org.medhub.routes.customs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.medhub.canonical.entity.Batch;
import org.medhub.canonical.entity.CertificateOfOrigin;
import org.medhub.canonical.entity.CommercialInvoice;
import org.medhub.canonical.entity.Product;
import org.medhub.canonical.entity.RegistrationCertificate;
import org.medhub.canonical.entity.Shipment;
import org.medhub.canonical.envelope.CanonicalJson;

/**
 * A customs declaration made from records the hub already holds: the shipment (weights, packages, transport, where it
 * goes), its commercial invoice (one declaration line per invoice line: HS code, quantity, price, total), the products
 * (name, model) and the registration certificates their shipped batches were made under, and the certificate of
 * origin. The profile's own fields (declarant, agent, office, port, trade mode) come first; the records fill in the
 * rest; a person's corrections come last. Nothing is guessed: a value no record holds is left out, and the dictionary
 * and the pre-flight check say so.
 */
public final class DeclarationAssembly {

    /**
     * What a declaration is made from.
     *
     * @param products by business key ({@code 01/<gtin>})
     * @param batches by business key ({@code 01/<gtin>/10/<lot>})
     * @param certificates registration certificates by number
     * @param origin the certificate of origin, or null
     */
    public record Sources(Shipment shipment, CommercialInvoice invoice, Map<String, Product> products,
            Map<String, Batch> batches, Map<String, RegistrationCertificate> certificates, CertificateOfOrigin origin) {

        public Sources {
            Objects.requireNonNull(shipment, "shipment");
            Objects.requireNonNull(invoice, "invoice");
            products = Map.copyOf(products);
            batches = Map.copyOf(batches);
            certificates = Map.copyOf(certificates);
        }

        /** The product an invoice line is for: by its product key, else by its material number. */
        Optional<Product> product(CommercialInvoice.Line line) {
            if (line.product() != null && products.containsKey(line.product())) {
                return Optional.of(products.get(line.product()));
            }
            return products.values().stream()
                    .filter(p -> line.material() != null && line.material().equals(p.materialNumber())).findFirst();
        }
    }

    private DeclarationAssembly() {}

    /**
     * @param header the profile's fields of every declaration it makes (canonical CustomsDeclaration fields)
     * @param lineDefaults the profile's fields of every line (e.g. {@code dutyMode}, {@code originCountry})
     * @param corrections fields a person gives, over everything else (objects merged, lists replaced), or null
     * @return the declaration as a canonical record, status DRAFT, not yet checked against the dictionary
     */
    public static ObjectNode assemble(String clientSeqNo, ObjectNode header, ObjectNode lineDefaults, Sources sources,
            LocalDate on, ObjectNode corrections) {
        ObjectNode declaration = header.deepCopy();
        Shipment shipment = sources.shipment();
        CommercialInvoice invoice = sources.invoice();
        declaration.put("clientSeqNo", clientSeqNo);
        declaration.put("shipment", shipment.shipmentNumber());
        declaration.put("invoice", invoice.invoiceNumber());
        if (sources.origin() != null) {
            declaration.put("certificateOfOrigin", sources.origin().applicationNumber());
        }
        String destination = shipment.shipTo() == null ? null : shipment.shipTo().country();
        putIfAbsent(declaration, "tradeCountry", destination);
        putIfAbsent(declaration, "transportMode", transportMode(shipment.transportMode()));
        putIfAbsent(declaration, "transactionMode", transactionMode(invoice.incoterms()));
        putIfAbsent(declaration, "billOfLading", shipment.trackingNumber());
        putIfAbsent(declaration, "contractNumber", invoice.contractNumber());
        setIfAbsent(declaration, "grossWeight", shipment.grossWeight());
        setIfAbsent(declaration, "netWeight", shipment.netWeight());
        if (shipment.packageCount() != null && !declaration.has("packages")) {
            declaration.put("packages", shipment.packageCount());
        }
        ArrayNode lines = declaration.putArray("lines");
        for (CommercialInvoice.Line invoiceLine : invoice.lines() == null ? List.<CommercialInvoice.Line>of() : invoice.lines()) {
            lines.add(line(invoiceLine, lineDefaults, sources, destination, on));
        }
        declaration.put("status", "DRAFT");
        return corrections == null ? declaration : corrected(declaration, corrections);
    }

    private static ObjectNode line(CommercialInvoice.Line invoiceLine, ObjectNode lineDefaults, Sources sources,
            String destination, LocalDate on) {
        ObjectNode line = lineDefaults.deepCopy();
        Optional<Product> product = sources.product(invoiceLine);
        line.put("lineNumber", invoiceLine.lineNumber());
        putIfAbsent(line, "hsCode", invoiceLine.hsCode());
        putIfAbsent(line, "name", product.map(Product::deviceName).orElse(invoiceLine.description()));
        putIfAbsent(line, "specification", product.map(Product::model).orElse(null));
        setIfAbsent(line, "declaredQuantity", invoiceLine.quantity());
        // the legal unit is the declared one until a person or the profile says otherwise: the pre-flight check
        // compares them with the tariff's
        setIfAbsent(line, "firstLegalQuantity", invoiceLine.quantity());
        setIfAbsent(line, "unitPrice", invoiceLine.unitPrice());
        setIfAbsent(line, "total", invoiceLine.amount());
        String origin = invoiceLine.originCountry() != null ? invoiceLine.originCountry()
                : sources.origin() != null ? sources.origin().originCountry() : null;
        putIfAbsent(line, "originCountry", origin);
        putIfAbsent(line, "destinationCountry", destination);
        product.ifPresent(p -> {
            line.put("product", "01/" + p.gtin());
            putIfAbsent(line, "registrationCertificate", registration(p, sources, on).orElse(null));
        });
        return line;
    }

    /**
     * The certificate the product's shipped batches were made under; else the first of the product's certificates
     * valid on the day; else its first (which the pre-flight check will name).
     */
    static Optional<String> registration(Product product, Sources sources, LocalDate on) {
        List<String> fromBatches = new ArrayList<>();
        for (Shipment.Line line : sources.shipment().lines() == null ? List.<Shipment.Line>of() : sources.shipment().lines()) {
            Batch batch = sources.batches().get(line.batch());
            if (batch != null && product.gtin().equals(batch.gtin()) && batch.registrationCertificate() != null
                    && !fromBatches.contains(batch.registrationCertificate())) {
                fromBatches.add(batch.registrationCertificate());
            }
        }
        if (fromBatches.size() == 1) {
            return Optional.of(fromBatches.get(0));
        }
        List<String> listed = product.registrationCertificates() == null ? List.of() : product.registrationCertificates();
        return listed.stream().filter(number -> valid(sources.certificates().get(number), on)).findFirst()
                .or(() -> listed.stream().findFirst());
    }

    private static boolean valid(RegistrationCertificate certificate, LocalDate on) {
        return certificate != null && (certificate.validFrom() == null || !on.isBefore(certificate.validFrom()))
                && (certificate.validUntil() == null || !on.isAfter(certificate.validUntil()));
    }

    /** The shipment's mode as customs' transport modes name it; a courier consignment is declared as "other". */
    static String transportMode(Shipment.TransportMode mode) {
        if (mode == null) {
            return null;
        }
        return switch (mode) {
            case SEA -> "WATERWAY";
            case AIR -> "AIR";
            case ROAD -> "ROAD";
            case RAIL -> "RAIL";
            case COURIER -> "OTHER";
        };
    }

    /** Customs' transaction modes are four; other Incoterms are declared by a person (the ones closest differ by case). */
    static String transactionMode(CommercialInvoice.Incoterms terms) {
        if (terms == null) {
            return null;
        }
        return switch (terms) {
            case FOB, CIF, CFR, EXW -> terms.name();
            default -> null;
        };
    }

    /** A person's corrections over a declaration: objects merged field by field, anything else replaced, null removes. */
    public static ObjectNode corrected(ObjectNode declaration, JsonNode corrections) {
        ObjectNode result = declaration.deepCopy();
        corrections.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            JsonNode existing = result.get(field.getKey());
            if (value.isNull()) {
                result.remove(field.getKey());
            } else if (value.isObject() && existing != null && existing.isObject()) {
                result.set(field.getKey(), corrected((ObjectNode) existing, value));
            } else {
                result.set(field.getKey(), value.deepCopy());
            }
        });
        return result;
    }

    private static void putIfAbsent(ObjectNode node, String field, String value) {
        if (value != null && !node.has(field)) {
            node.put(field, value);
        }
    }

    private static void setIfAbsent(ObjectNode node, String field, Object value) {
        if (value != null && !node.has(field)) {
            node.set(field, CanonicalJson.mapper().valueToTree(value));
        }
    }
}
