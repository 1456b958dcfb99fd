package org.medhub.routes.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.medhub.canonical.dictionary.SystemOfRecord;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.routes.partner.Partner;
import org.medhub.routes.partner.PartnerDirectory;

/** The decisions on an update, without a database: what the record store is told to do. */
class SyncPolicyTest {

    private static final String KEY = "01/09506000134352/10/L1";
    private static final PartnerDirectory NO_PARTNERS = new PartnerDirectory() {
        @Override
        public Optional<Partner> partner(String id) {
            return Optional.empty();
        }

        @Override
        public Collection<Partner> partners() {
            return List.of();
        }
    };

    private final SyncPolicy flag = new SyncPolicy(SyncPolicy.Ownership.FLAG, NO_PARTNERS);
    private final SyncPolicy refuse = new SyncPolicy(SyncPolicy.Ownership.REFUSE, NO_PARTNERS);

    @Test
    void appliesARecordNewToTheHubAsVersionOneWrittenByItsSource() {
        SyncPolicy.Decision decision = flag.decide(update("acme", null, batch("IN_PRODUCTION", 100)), null, null);

        assertThat(decision).isInstanceOfSatisfying(SyncPolicy.Applied.class, applied -> {
            assertThat(applied.version()).isEqualTo(1);
            assertThat(applied.writers().get("status").asText()).isEqualTo("acme");
        });
    }

    @Test
    void findsAnUpdateThatSaysWhatTheRecordSaysUnchanged() {
        var current = new SyncPolicy.Current(3, batch("IN_PRODUCTION", 100), CanonicalJson.mapper().createObjectNode());

        assertThat(flag.decide(update("acme", null, batch("IN_PRODUCTION", 100)), current, null))
                .isInstanceOf(SyncPolicy.Unchanged.class);
    }

    @Test
    void flagsOrRefusesAChangeToAFieldAnotherSystemOwnsAsConfigured() {
        var current = new SyncPolicy.Current(3, batch("IN_PRODUCTION", 100), CanonicalJson.mapper().createObjectNode());
        ObjectNode otherPlant = batch("IN_PRODUCTION", 100).put("plant", "SH01");

        assertThat(flag.decide(update("acme", null, otherPlant), current, null))
                .isInstanceOfSatisfying(SyncPolicy.Applied.class, applied -> assertThat(applied.flag())
                        .contains("plant (owned by ERP)"));
        assertThat(refuse.decide(update("acme", null, otherPlant), current, null))
                .isInstanceOfSatisfying(SyncPolicy.Refused.class, refused -> assertThat(refused.violations())
                        .singleElement().satisfies(v -> assertThat(v.rule()).isEqualTo("field-owner")));
    }

    @Test
    void leavesAFieldChangedOnBothSidesSinceTheBaseAsAConflict() {
        var current = new SyncPolicy.Current(4, batch("IN_PRODUCTION", 120), CanonicalJson.mapper().createObjectNode());

        assertThat(flag.decide(update("acme", 3L, batch("IN_PRODUCTION", 90)), current, batch("IN_PRODUCTION", 100)))
                .isInstanceOfSatisfying(SyncPolicy.Conflicted.class, conflicted -> assertThat(conflicted.merge().conflicts())
                        .singleElement().satisfies(c -> assertThat(c.field()).isEqualTo("quantity")));
    }

    @Test
    void refusesAMoveTheLifeCycleForbids() {
        var current = new SyncPolicy.Current(2, batch("RELEASED", 100), CanonicalJson.mapper().createObjectNode());

        assertThat(flag.decide(update("acme", null, batch("PLANNED", 100)), current, null))
                .isInstanceOf(SyncPolicy.Refused.class);
    }

    @Test
    void aDeletionByASystemThatWroteTheRecordEmptiesItAtTheNextVersion() {
        ObjectNode writers = CanonicalJson.mapper().createObjectNode().put("status", "erp").put("quantity", "acme");
        var current = new SyncPolicy.Current(3, batch("IN_PRODUCTION", 100), writers);

        assertThat(flag.decide(deletion("acme"), current, null)).isInstanceOfSatisfying(SyncPolicy.Applied.class, applied -> {
            assertThat(applied.version()).isEqualTo(4);
            assertThat(applied.current().deleted()).isTrue();
        });
        assertThat(flag.decide(deletion("wms"), current, null)).as("a system that never wrote it")
                .isInstanceOfSatisfying(SyncPolicy.Refused.class, refused -> {
                    assertThat(refused.violations()).singleElement().satisfies(v -> assertThat(v.rule()).isEqualTo("deletion"));
                    assertThat(refused.reason()).contains("[acme, erp]");
                });
    }

    @Test
    void aDeletionOfARecordTheHubDoesNotHoldChangesNothingAndADeletedRecordComesBackAtTheNextVersion() {
        var deleted = new SyncPolicy.Current(4, CanonicalJson.mapper().createObjectNode(), CanonicalJson.mapper().createObjectNode());

        assertThat(flag.decide(deletion("acme"), null, null)).isInstanceOf(SyncPolicy.Unchanged.class);
        assertThat(flag.decide(deletion("acme"), deleted, null)).isInstanceOf(SyncPolicy.Unchanged.class);
        assertThat(flag.decide(update("acme", null, batch("IN_PRODUCTION", 100)), deleted, null))
                .isInstanceOfSatisfying(SyncPolicy.Applied.class, applied -> {
                    assertThat(applied.version()).isEqualTo(5);
                    assertThat(applied.record().get("lot").asText()).isEqualTo("L1");
                });
    }

    @Test
    void anEventIsNeverDeleted() {
        Envelope deletion = new Envelope("m-1", "InspectionResult", 1, "R1", "lims", "lims", null, null, null, null, null,
                null, Instant.parse("2026-12-04T08:00:00Z"), null, CanonicalJson.mapper().createObjectNode(), true);

        assertThat(flag.decide(deletion, null, null)).isInstanceOf(SyncPolicy.Refused.class);
    }

    @Test
    void takesAPersonsDecisionAsTheHubsOwn() {
        assertThat(flag.systemOf(SyncPolicy.HUB)).isEqualTo(SystemOfRecord.HUB);
        assertThat(flag.systemOf("unknown")).isEqualTo(SystemOfRecord.PARTNER);
    }

    private static ObjectNode batch(String status, int quantity) {
        ObjectNode batch = CanonicalJson.mapper().createObjectNode().put("gtin", "09506000134352").put("lot", "L1")
                .put("materialNumber", "CATH-7F-110").put("status", status);
        batch.putObject("quantity").put("value", quantity).put("unit", "EA");
        return batch;
    }

    private static Envelope deletion(String source) {
        ObjectNode key = CanonicalJson.mapper().createObjectNode().put("gtin", "09506000134352").put("lot", "L1");
        return new Envelope("d-" + System.nanoTime(), "Batch", 2, KEY, source, source, null, null, null, null, null,
                null, Instant.parse("2026-12-04T09:00:00Z"), null, key, true);
    }

    private static Envelope update(String source, Long baseVersion, ObjectNode payload) {
        return new Envelope("m-" + System.nanoTime(), "Batch", 2, KEY, source, source, null, baseVersion, null, null, null,
                null, Instant.parse("2026-12-04T08:00:00Z"), null, payload);
    }
}
