package org.medhub.routes.mapping.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the EPCIS 2.0 standard says of an event, as the reader and the checks need it: the event types, the element
 * order of each in the XML schema, and which fields list identifiers and which list quantities.
 */
final class EpcisSchema {

    /** The namespace of EPCIS 2.0 XML. */
    static final String NS = "urn:epcglobal:epcis:xsd:2";

    private static final List<String> BASE = List.of("eventTime", "recordTime", "eventTimeZoneOffset", "eventID",
            "errorDeclaration", "certificationInfo");
    /** The element order of each event type in the EPCIS 2.0 XML schema (extensions follow). */
    static final Map<String, List<String>> ORDER = Map.of(
            "ObjectEvent", withBase("epcList", "action", "bizStep", "disposition", "readPoint", "bizLocation",
                    "bizTransactionList", "quantityList", "sourceList", "destinationList", "sensorElementList",
                    "persistentDisposition", "ilmd"),
            "AggregationEvent", withBase("parentID", "childEPCs", "action", "bizStep", "disposition", "readPoint",
                    "bizLocation", "bizTransactionList", "childQuantityList", "sourceList", "destinationList",
                    "sensorElementList", "persistentDisposition"),
            "TransactionEvent", withBase("bizTransactionList", "parentID", "epcList", "action", "bizStep", "disposition",
                    "readPoint", "bizLocation", "quantityList", "sourceList", "destinationList", "sensorElementList",
                    "persistentDisposition"),
            "TransformationEvent", withBase("inputEPCList", "inputQuantityList", "outputEPCList", "outputQuantityList",
                    "transformationID", "bizStep", "disposition", "readPoint", "bizLocation", "bizTransactionList",
                    "sourceList", "destinationList", "sensorElementList", "persistentDisposition", "ilmd"),
            "AssociationEvent", withBase("parentID", "childEPCs", "childQuantityList", "action", "bizStep",
                    "disposition", "readPoint", "bizLocation", "bizTransactionList", "sourceList", "destinationList",
                    "sensorElementList", "persistentDisposition"));
    static final Set<String> EPC_LISTS = Set.of("epcList", "childEPCs", "inputEPCList", "outputEPCList");
    static final Set<String> QUANTITY_LISTS = Set.of("quantityList", "childQuantityList", "inputQuantityList",
            "outputQuantityList");

    private EpcisSchema() {}

    private static List<String> withBase(String... specific) {
        List<String> order = new ArrayList<>(BASE);
        order.addAll(List.of(specific));
        return List.copyOf(order);
    }
}
