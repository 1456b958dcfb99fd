package org.medhub.canonical.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.medhub.canonical.batch.Batch;
import org.medhub.canonical.batch.BatchStatus;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

class RecordBinderTest {

    private static ObjectNode batch() {
        ObjectNode json = CanonicalJson.mapper().createObjectNode();
        json.put("gtin", "09506000134352").put("lot", "L1").put("status", "RELEASED")
                .put("productionDate", "2026-11-18").put("quantity", "12.50").put("unit", "EA");
        return json;
    }

    @Test
    void bindsAValidBatch() {
        Batch batch = RecordBinder.bind(DataDictionary.BATCH, batch());

        assertThat(batch.status()).isEqualTo(BatchStatus.RELEASED);
        assertThat(batch.productionDate()).isEqualTo(LocalDate.of(2026, 11, 18));
        assertThat(batch.quantity()).isEqualTo(new BigDecimal("12.50"));
        assertThat(batch.businessKey()).isEqualTo("01/09506000134352/10/L1");
    }

    @Test
    void reportsEveryWrongTypeAndUnknownFieldAtOnce() {
        ObjectNode json = batch().put("productionDate", "18.11.2026").put("status", "LOST").put("colour", "blue");

        InvalidRecordException failure = catchThrowableOfType(InvalidRecordException.class,
                () -> RecordBinder.bind(DataDictionary.BATCH, json));

        assertThat(failure.violations()).extracting(Violation::field, Violation::rule).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("colour", "unknown-field"),
                org.assertj.core.groups.Tuple.tuple("productionDate", "type"),
                org.assertj.core.groups.Tuple.tuple("status", "type"));
        assertThat(failure.violations()).filteredOn(v -> v.field().equals("status")).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("RELEASED"));
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        ObjectNode json = batch().put("gtin", "09506000134353").put("lot", "L".repeat(21)).put("expiryDate", "2026-01-01");
        json.remove("unit");

        InvalidRecordException failure = catchThrowableOfType(InvalidRecordException.class,
                () -> RecordBinder.bind(DataDictionary.BATCH, json));

        assertThat(failure.violations()).extracting(Violation::rule).containsExactlyInAnyOrder(
                "gs1-gtin", "max-length", "not-before-production-date", "required-with-quantity");
    }
}
