// Generated from dictionary/MaterialConsumption.yml by JavaTypesGenerator: edit the YAML, not this file.
package org.medhub.canonical.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import org.medhub.canonical.unit.Quantity;

/**
 * The consumption of one input lot into one output batch, the link of batch genealogy that recall tracing follows (EPCIS TransformationEvent input/output; B2MML ProductionPerformance consumed material).
 *
 * @param eventId Unique id of the consumption event from the MES or partner, e.g. an EPCIS eventID hash (ni:///sha-256;...). Required. Owner: MES.
 * @param eventType A consumption, or the reversal of an earlier one that was booked wrongly. Required. Owner: MES.
 * @param outputBatch Batch the input went into, written 01/{gtin}/10/{lot}. Required. Owner: MES.
 * @param workOrder Work order under which the input was consumed. Owner: MES.
 * @param stepNumber Operation of the process definition at which the input was consumed. Owner: MES.
 * @param inputMaterial Material consumed. Required. Owner: MES.
 * @param inputMaterialLot Lot of the consumed material when it has no GTIN, written {material}/{lot}. Owner: MES.
 * @param inputBatch Lot of the consumed material when it is a GTIN-labelled item (e.g. a kit component), written 01/{gtin}/10/{lot}. Owner: MES.
 * @param quantity Quantity consumed, in the input material's base unit. Required. Owner: MES.
 * @param consumedAt Moment of consumption (EPCIS eventTime), with its UTC offset. Required. Owner: MES.
 * @param recordedBy User id of the operator who recorded the consumption in the electronic batch record. Owner: MES.
 * @param reverses The event a REVERSAL cancels. Owner: MES.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MaterialConsumption(
        String eventId,
        EventType eventType,
        String outputBatch,
        String workOrder,
        Long stepNumber,
        String inputMaterial,
        String inputMaterialLot,
        String inputBatch,
        Quantity quantity,
        OffsetDateTime consumedAt,
        String recordedBy,
        String reverses) {

    public static final String ENTITY = "MaterialConsumption";
    public static final int SCHEMA_VERSION = 1;

    /** A consumption, or the reversal of an earlier one that was booked wrongly. */
    public enum EventType {
        CONSUMPTION,
        REVERSAL
    }
}
