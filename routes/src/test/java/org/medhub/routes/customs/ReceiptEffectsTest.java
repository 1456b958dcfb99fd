package org.medhub.routes.customs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.connectors.customs.Receipt;

/** The versions a receipt makes of a declaration: none for a repeated or late one, the states between for an early one. */
class ReceiptEffectsTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-05T10:00:00+08:00");
    private final ReceiptEffects effects = new ReceiptEffects(new ReceiptProgress());

    @Test
    void theReceivedAnswerNumbersTheDeclarationWithoutMovingIt() {
        List<ObjectNode> versions = effects.apply(submitted(), receipt("SUBMITTED", "0", "223320261000012345", null), NOW);

        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(versions.get(0).get("seqNo").asText()).isEqualTo("223320261000012345");
        assertThat(versions.get(0).at("/receipts/0/receiptType").asText()).isEqualTo("IMPORT_RESPONSE");
    }

    @Test
    void aClearanceFirstMakesTheAcceptanceAndReleaseItImpliesEachWithWhatTheReceiptSays() {
        Receipt cleared = receipt("CLEARED", "R", "223320261000012345", "223320261000067890");

        List<ObjectNode> versions = effects.apply(submitted(), cleared, NOW);

        assertThat(versions).extracting(v -> v.get("status").asText()).containsExactly("ACCEPTED", "RELEASED", "CLEARED");
        assertThat(versions).allSatisfy(v -> assertThat(v.get("entryId").asText()).isEqualTo("223320261000067890"));
        assertThat(versions.get(0).get("declarationDate").asText()).isEqualTo("2026-12-05");
        assertThat(versions.get(1).get("releasedAt").asText()).isEqualTo(NOW.toString());
        assertThat(versions.get(0).has("receipts")).as("the receipt is kept once, with the state it told of").isFalse();
        assertThat(versions.get(2).get("receipts")).hasSize(1);
    }

    @Test
    void theSameReceiptAgainOrOneForAStatePassedMakesNothing() {
        Receipt accepted = receipt("ACCEPTED", "L", "223320261000012345", "223320261000067890");
        ObjectNode afterAcceptance = effects.apply(submitted(), accepted, NOW).get(0);
        ObjectNode released = effects.apply(afterAcceptance, receipt("RELEASED", "P", "223320261000012345",
                "223320261000067890"), NOW).get(0);

        assertThat(effects.apply(afterAcceptance, accepted, NOW)).isEmpty();
        assertThat(effects.apply(released, accepted, NOW.plusHours(1))).isEmpty();
    }

    @Test
    void aRejectionKeepsItsReasonsAndNamesTheFieldsToCorrect() {
        Receipt rejected = new Receipt("CS1", "REJECTED", "1", null, null, List.of(new Receipt.Reason("DecList[2].CodeTS",
                "商品编号与申报品名不符"), new Receipt.Reason(null, "申报单位未备案")), null);

        List<ObjectNode> versions = effects.apply(submitted(), rejected, NOW);

        assertThat(versions).extracting(v -> v.get("status").asText()).containsExactly("REJECTED");
        assertThat(versions.get(0).at("/receipts/0/message").asText())
                .isEqualTo("DecList[2].CodeTS: 商品编号与申报品名不符; 申报单位未备案");
        assertThat(versions.get(0).at("/receipts/0/receivedAt").asText()).as("no time in it: when it came")
                .isEqualTo(NOW.toString());
        assertThat(ReceiptEffects.fieldsToCorrect(rejected)).containsExactly("DecList[2].CodeTS");
    }

    private static Receipt receipt(String status, String code, String seqNo, String entryId) {
        return new Receipt("CS1", status, code, seqNo, entryId, List.of(), NOW);
    }

    private static ObjectNode submitted() {
        ObjectNode declaration = CanonicalJson.mapper().createObjectNode();
        declaration.put("clientSeqNo", "CS1").put("status", "SUBMITTED").put("submittedAt", "2026-12-05T09:00:00+08:00");
        return declaration;
    }
}
