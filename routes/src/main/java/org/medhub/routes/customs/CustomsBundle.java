package org.medhub.routes.customs;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medhub.canonical.entity.Batch;
import org.medhub.canonical.entity.CommercialInvoice;
import org.medhub.canonical.entity.CustomsDeclaration;
import org.medhub.canonical.entity.Product;
import org.medhub.canonical.entity.RegistrationCertificate;
import org.medhub.canonical.entity.Shipment;

/**
 * A declaration with the records it refers to, by business key: what the pre-flight check reads. The hub fills it
 * from its current records; {@code ./medhub customs check} from a file.
 */
public record CustomsBundle(CustomsDeclaration declaration, Map<String, CommercialInvoice> invoices,
        Map<String, Product> products, Map<String, RegistrationCertificate> certificates, Map<String, Shipment> shipments,
        Map<String, Batch> batches) {

    public CustomsBundle {
        invoices = Map.copyOf(invoices);
        products = Map.copyOf(products);
        certificates = Map.copyOf(certificates);
        shipments = Map.copyOf(shipments);
        batches = Map.copyOf(batches);
    }

    Optional<CommercialInvoice> invoice() {
        return Optional.ofNullable(declaration.invoice()).map(invoices::get);
    }

    Optional<Shipment> shipment() {
        return Optional.ofNullable(declaration.shipment()).map(shipments::get);
    }

    List<CustomsDeclaration.Line> lines() {
        return declaration.lines() == null ? List.of() : declaration.lines();
    }
}
