package org.medhub.canonical.gudid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One FDA GUDID device record, read as the canonical Product it publishes, or the reason it cannot be one.
 *
 * <p>{@code product} holds every Product field the GUDID record gives. It is not yet a valid Product on its own: the
 * GUDID does not publish the fields in {@link #NOT_IN_GUDID}, which the manufacturer's ERP and its registration
 * records own; the caller adds them before publishing the record.
 *
 * @param primaryDi      the primary device identifier as published, of any issuing agency
 * @param issuingAgency  GS1, HIBCC or ICCBBA
 * @param product        the Product fields from GUDID, or null when the device cannot be a Product
 * @param notAProduct    why the device cannot be a Product (a non-GS1 DI…), or null
 * @param notes          what the record publishes that the Product cannot hold, so that nothing is dropped unsaid
 */
public record GudidDevice(String primaryDi, String issuingAgency, ObjectNode product, String notAProduct,
        List<String> notes) {

    /**
     * Required Product fields the GUDID does not publish: the ERP material number, the NMPA risk class (the FDA class
     * of a product code is no NMPA class) and the name on the registration certificate.
     */
    public static final List<String> NOT_IN_GUDID = List.of("materialNumber", "deviceClass", "deviceName");

    public GudidDevice {
        notes = List.copyOf(notes);
    }

    public boolean isProduct() {
        return product != null;
    }

    /** A copy: the reader's record stays as read. */
    @Override
    public ObjectNode product() {
        return product == null ? null : product.deepCopy();
    }
}
