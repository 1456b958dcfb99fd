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
    void anAggregationLinksItsChildIntoItsParentAndATakingApartLinksNothingButSaysWhatItUndoes() {
        JsonNode serialIntoCase = json("""
                {"eventId": "P1#child1", "action": "ADD", "parentSscc": "195060000000000012",
                 "childSerialUnit": "01/09506000134352/21/S1", "aggregatedAt": "2026-12-05T09:00:00+08:00"}""");
        JsonNode lotOntoPallet = json("""
                {"eventId": "P2#quantity1", "action": "OBSERVE", "parentSscc": "395060000000000771",
                 "childBatch": "01/09506000111117/10/R24", "quantity": {"value": 40, "unit": "EA"},
                 "aggregatedAt": "2026-12-05T09:30:00+08:00"}""");
        JsonNode caseIntoKit = json("""
                {"eventId": "P3#child1", "action": "ADD", "parentSerialUnit": "01/09506000134352/21/KIT1",
                 "childSscc": "195060000000000012", "aggregatedAt": "2026-12-05T09:30:00+08:00"}""");
        JsonNode takenOut = json("""
                {"eventId": "U1#child1", "action": "DELETE", "parentSscc": "195060000000000012",
                 "childSerialUnit": "01/09506000134352/21/S1", "aggregatedAt": "2026-12-05T10:00:00+08:00"}""");
        JsonNode emptied = json("""
                {"eventId": "U2#emptied", "action": "DELETE", "parentSscc": "195060000000000012",
                 "aggregatedAt": "2026-12-05T10:00:00+08:00"}""");

        assertThat(GenealogyEdges.of("Aggregation", serialIntoCase)).containsExactly(new Edge("SerialUnit",
                "01/09506000134352/21/S1", "Sscc", "195060000000000012", Edge.Relation.PACKED_IN, null, null));
        assertThat(GenealogyEdges.of("Aggregation", lotOntoPallet)).containsExactly(new Edge("Batch",
                "01/09506000111117/10/R24", "Sscc", "395060000000000771", Edge.Relation.PACKED_IN, new java.math.BigDecimal("40"),
                "EA"));
        assertThat(GenealogyEdges.of("Aggregation", caseIntoKit)).extracting(Edge::fromEntity, Edge::toEntity, Edge::toKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Sscc", "SerialUnit", "01/09506000134352/21/KIT1"));
        assertThat(GenealogyEdges.unpacked("Aggregation", serialIntoCase)).isNull();

        assertThat(GenealogyEdges.of("Aggregation", takenOut)).isEmpty();
        assertThat(GenealogyEdges.unpacked("Aggregation", takenOut)).isEqualTo(new GenealogyEdges.Unpacking(
                new GenealogyEdges.Node("Sscc", "195060000000000012"),
                new GenealogyEdges.Node("SerialUnit", "01/09506000134352/21/S1")));
        assertThat(GenealogyEdges.unpacked("Aggregation", emptied)).isEqualTo(new GenealogyEdges.Unpacking(
                new GenealogyEdges.Node("Sscc", "195060000000000012"), null));
        assertThat(GenealogyEdges.happenedAt("Aggregation", takenOut)).isEqualTo("2026-12-05T10:00:00+08:00");
        assertThat(GenealogyEdges.happenedAt("SerialUnit", takenOut)).isNull();
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
