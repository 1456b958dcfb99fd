package org.medhub.routes.genealogy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.medhub.canonical.envelope.CanonicalJson;

/** The links each kind of record makes, in the direction goods go. */
class GenealogyEdgesTest {

    @Test
    void aConsumptionLinksTheLotToTheBatchWithItsQuantityAndAReversalLinksNothing() {
        JsonNode consumption = json("""
                {"eventId": "C1", "eventType": "CONSUMPTION", "outputBatch": "01/09506000134352/10/B1", "inputMaterial": "RES",
                 "inputMaterialLot": "RES/L7", "quantity": {"value": 2.5, "unit": "kg"}}""");
        JsonNode reversal = json("""
                {"eventId": "R1", "eventType": "REVERSAL", "reverses": "C1", "outputBatch": "01/09506000134352/10/B1"}""");

        assertThat(GenealogyEdges.of("MaterialConsumption", consumption)).containsExactly(new Edge("MaterialLot", "RES/L7",
                "Batch", "01/09506000134352/10/B1", Edge.Relation.CONSUMED_INTO, new java.math.BigDecimal("2.5"), "kg"));
        assertThat(GenealogyEdges.of("MaterialConsumption", reversal)).isEmpty();
        assertThat(GenealogyEdges.reversed("MaterialConsumption", reversal)).isEqualTo("C1");
        assertThat(GenealogyEdges.reversed("MaterialConsumption", consumption)).isNull();
    }

    @Test
    void aSerialUnitLinksItsBatchItsCaseAndItsShipment() {
        JsonNode packed = json("""
                {"gtin": "09506000134352", "serial": "S1", "batch": "01/09506000134352/10/B1", "parentSscc": "034012345000000002",
                 "shipment": "SHP-1", "status": "SHIPPED"}""");

        assertThat(GenealogyEdges.of("SerialUnit", packed)).extracting(Edge::relation, Edge::toKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Edge.Relation.MADE_INTO, "01/09506000134352/21/S1"),
                org.assertj.core.groups.Tuple.tuple(Edge.Relation.PACKED_IN, "034012345000000002"),
                org.assertj.core.groups.Tuple.tuple(Edge.Relation.SHIPPED_IN, "SHP-1"));
    }

    @Test
    void aUnitTakenOutOfItsCaseIsNoLongerLinkedToIt() {
        JsonNode unpacked = json("""
                {"gtin": "09506000134352", "serial": "S1", "batch": "01/09506000134352/10/B1", "parentSscc": "034012345000000002",
                 "status": "COMMISSIONED"}""");

        assertThat(GenealogyEdges.of("SerialUnit", unpacked)).extracting(Edge::relation).containsExactly(Edge.Relation.MADE_INTO);
    }

    @Test
    void aShipmentLinksItsLinesToItselfAndItselfToItsCustomerAndCountryUnlessCancelled() {
        String shipment = """
                {"shipmentNumber": "SHP-1", "consignee": "DE-DIST-01", "shipTo": {"country": "DE"}, "status": "%s",
                 "lines": [{"lineNumber": 1, "batch": "01/09506000134352/10/B1", "quantity": {"value": 100, "unit": "EA"}},
                           {"lineNumber": 2, "sscc": "034012345000000002"}]}""";

        assertThat(GenealogyEdges.of("Shipment", json(shipment.formatted("SHIPPED")))).extracting(Edge::fromKey, Edge::relation,
                Edge::toKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple("01/09506000134352/10/B1", Edge.Relation.SHIPPED_IN, "SHP-1"),
                org.assertj.core.groups.Tuple.tuple("034012345000000002", Edge.Relation.SHIPPED_IN, "SHP-1"),
                org.assertj.core.groups.Tuple.tuple("SHP-1", Edge.Relation.DELIVERED_TO, "DE-DIST-01"),
                org.assertj.core.groups.Tuple.tuple("SHP-1", Edge.Relation.SHIPPED_TO_COUNTRY, "DE"));
        assertThat(GenealogyEdges.of("Shipment", json(shipment.formatted("CANCELLED")))).isEmpty();
    }

    @Test
    void aDeclarationLinksItsShipmentAndOtherRecordsLinkNothing() {
        assertThat(GenealogyEdges.of("CustomsDeclaration", json("{\"clientSeqNo\": \"MH1\", \"shipment\": \"SHP-1\"}")))
                .containsExactly(new Edge("Shipment", "SHP-1", "CustomsDeclaration", "MH1", Edge.Relation.DECLARED_IN, null, null));
        assertThat(GenealogyEdges.of("Batch", json("{\"gtin\": \"09506000134352\", \"lot\": \"B1\"}"))).isEmpty();
    }

    private static JsonNode json(String text) {
        return CanonicalJson.fromBytes(text.getBytes(StandardCharsets.UTF_8), JsonNode.class);
    }
}
