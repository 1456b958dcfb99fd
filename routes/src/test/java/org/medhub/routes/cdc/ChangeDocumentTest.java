package org.medhub.routes.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medhub.connectors.cdc.CapturedTable;
import org.medhub.connectors.cdc.RowChange;
import org.medhub.connectors.cdc.RowChange.Operation;

/**
 * What a row change becomes on the raw topic: the whole row, what an update changed, a delete, an outbox event. The
 * documents are canonical JSON: keys in order.
 */
class ChangeDocumentTest {

    private static final CdcTable MATERIALS = new CdcTable(new CapturedTable("erp.mara", List.of("matnr"),
            Set.of("matnr", "maktx", "mtart", "lvorm", "werks")), Set.of("matnr"), Map.of("werks", Set.of("CN01")),
            Map.of("lvorm", "X"), false, null);
    private static final CdcTable OUTBOX = new CdcTable(new CapturedTable("erp.outbox", List.of("id"),
            Set.of("id", "aggregatetype", "aggregateid", "payload")), Set.of("id"), Map.of(), Map.of(), false,
            new Outbox("id", "aggregatetype", "aggregateid", "payload", Map.of("Material", "erp.outbox/Material")));

    @Test
    void anInsertCarriesTheWholeRowAndItsLogPosition() {
        ChangeDocument document = ChangeDocument.of(change(Operation.INSERT, row("M1", "导管", "FERT", " ", "CN01"), null),
                MATERIALS);

        assertThat(document.outcome()).isEqualTo(ChangeDocument.Outcome.TAKEN);
        assertThat(document.messageType()).isEqualTo("erp.mara");
        assertThat(document.body().get("id").asText()).isEqualTo("lsn:100");
        assertThat(document.body().get("position").get("txId").asLong()).isEqualTo(7);
        assertThat(document.body().get("committedAt").asText()).isEqualTo("2026-11-30T02:00:00Z");
        assertThat(document.body().get("row").toString())
                .isEqualTo("{\"lvorm\":\" \",\"maktx\":\"导管\",\"matnr\":\"M1\",\"mtart\":\"FERT\",\"werks\":\"CN01\"}");
        assertThat(document.refusal()).isNull();
    }

    @Test
    void anUpdateCarriesWhatChangedAndTheRowsIdentity() {
        ChangeDocument document = ChangeDocument.of(change(Operation.UPDATE, row("M1", "导管 加长", "FERT", " ", "CN01"),
                row("M1", "导管", "FERT", " ", "CN01")), MATERIALS);

        assertThat(document.body().get("row").toString()).isEqualTo("{\"maktx\":\"导管 加长\",\"matnr\":\"M1\"}");
        assertThat(document.body().get("changed").toString()).isEqualTo("[\"maktx\"]");
    }

    @Test
    void anUpdateWithoutTheRowBeforeItCarriesTheWholeRow() {
        ChangeDocument document = ChangeDocument.of(change(Operation.UPDATE, row("M1", "导管 加长", "FERT", " ", "CN01"), null),
                MATERIALS);

        assertThat(document.body().get("row").size()).isEqualTo(5);
        assertThat(document.body().has("changed")).isFalse();
    }

    @Test
    void aDeleteIsTheRowsIdentityWithTheTablesOnDeleteValues() {
        ChangeDocument document = ChangeDocument.of(change(Operation.DELETE, row("M1", "导管", "FERT", " ", "CN01"), null),
                MATERIALS);

        assertThat(document.body().get("row").toString()).isEqualTo("{\"lvorm\":\"X\",\"matnr\":\"M1\"}");
        assertThat(document.body().get("operation").asText()).isEqualTo("DELETE");
    }

    @Test
    void aDeleteOfATableOfTombstonesIsTheRowsIdentityMarkedDeleted() {
        CdcTable tombstones = new CdcTable(MATERIALS.captured(), Set.of("matnr"), Map.of(), Map.of(), true, null);

        ChangeDocument document = ChangeDocument.of(change(Operation.DELETE, row("M1", "导管", "FERT", " ", "CN01"), null),
                tombstones);

        assertThat(document.outcome()).isEqualTo(ChangeDocument.Outcome.TAKEN);
        assertThat(document.body().get("row").toString()).isEqualTo("{\"matnr\":\"M1\"}");
        assertThat(document.body().get("deleted").asBoolean()).isTrue();
        assertThat(ChangeDocument.of(change(Operation.UPDATE, row("M1", "b", "FERT", " ", "CN01"), null), tombstones)
                .body().has("deleted")).as("only a delete is a deletion").isFalse();
    }

    @Test
    void aDeleteOfATableWithoutOnDeleteAndARowItsWhereLeavesOutAreNotTaken() {
        CdcTable withoutOnDelete = new CdcTable(MATERIALS.captured(), Set.of("matnr"), Map.of(), Map.of(), false, null);

        assertThat(ChangeDocument.of(change(Operation.DELETE, row("M1", "a", "FERT", " ", "CN01"), null), withoutOnDelete)
                .outcome()).isEqualTo(ChangeDocument.Outcome.LEFT_OUT);
        assertThat(ChangeDocument.of(change(Operation.INSERT, row("M2", "a", "FERT", " ", "DE01"), null), MATERIALS)
                .outcome()).isEqualTo(ChangeDocument.Outcome.FILTERED);
    }

    @Test
    void anOutboxEventGoesToTheRouteOfItsAggregateTypeWithItsOwnId() {
        ChangeDocument document = ChangeDocument.of(change(Operation.INSERT,
                event(42, "Material", "M1", "{\"matnr\": \"M1\"}"), null), OUTBOX);

        assertThat(document.messageType()).isEqualTo("erp.outbox/Material");
        assertThat(document.body().get("id").asText()).as("an event read twice is one message").isEqualTo("erp.outbox:42");
        assertThat(document.body().get("aggregateId").asText()).isEqualTo("M1");
        assertThat(document.body().get("payload").get("matnr").asText()).isEqualTo("M1");
        assertThat(document.refusal()).isNull();
    }

    @Test
    void anOutboxEventOfAnUnroutedTypeOrWithABadPayloadIsKeptAndRefusedWithTheReason() {
        ChangeDocument unrouted = ChangeDocument.of(change(Operation.INSERT, event(43, "Invoice", "I1", "{}"), null), OUTBOX);
        ChangeDocument bad = ChangeDocument.of(change(Operation.INSERT, event(44, "Material", "M1", "{not json"), null), OUTBOX);

        assertThat(unrouted.refusal()).contains("Invoice").contains("[Material]");
        assertThat(bad.refusal()).contains("44").contains("not JSON");
        assertThat(bad.body().get("payload").asText()).isEqualTo("{not json");
        assertThat(ChangeDocument.of(change(Operation.DELETE, event(42, "Material", "M1", "{}"), null), OUTBOX).outcome())
                .as("the outbox's own housekeeping").isEqualTo(ChangeDocument.Outcome.LEFT_OUT);
    }

    private static RowChange change(Operation operation, Map<String, Object> row, Map<String, Object> before) {
        return new RowChange("erp.mara", operation, "lsn:100", Map.of("lsn", 100L, "txId", 7L),
                Instant.parse("2026-11-30T02:00:00Z"), row, before, Map.of());
    }

    private static Map<String, Object> row(String matnr, String maktx, String mtart, String lvorm, String werks) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("matnr", matnr);
        row.put("maktx", maktx);
        row.put("mtart", mtart);
        row.put("lvorm", lvorm);
        row.put("werks", werks);
        return row;
    }

    private static Map<String, Object> event(long id, String type, String aggregateId, String payload) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("aggregatetype", type);
        row.put("aggregateid", aggregateId);
        row.put("payload", payload);
        return row;
    }
}
