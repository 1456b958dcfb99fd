// Generated from dictionary/StorageConditionReading.yml by JavaTypesGenerator: edit the YAML, not this file.
package org.medhub.canonical.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.medhub.canonical.unit.Quantity;

/**
 * One reading of a temperature and humidity sensor or data logger in a store, cold room or shipment, the cold-chain record GSP asks for (EPCIS sensorElement with sensorReport type Temperature).
 *
 * @param sensorId Id of the sensor or data logger (EPCIS sensorMetadata deviceID). Required. Owner: WMS.
 * @param readAt Moment of the reading with its UTC offset (EPCIS sensorMetadata time). Required. Owner: WMS.
 * @param plant ERP plant of the store (SAP WERKS). Owner: WMS.
 * @param location Store, cold room, zone or vehicle the sensor monitors, e.g. 冷库2号 2-8 Cel. Required. Owner: WMS.
 * @param shipment Shipment a travelling data logger accompanies. Owner: WMS.
 * @param sensorType Fixed monitoring sensor, travelling data logger, or a manual reading. Required. Owner: WMS.
 * @param temperature Measured temperature, normally in Cel (EPCIS sensorReport value with uom CEL). Required. Owner: WMS.
 * @param humidity Measured relative humidity in % (EPCIS sensorReport type RelativeHumidity). Owner: WMS.
 * @param lowerLimit Lowest allowed temperature of the location at the time of reading. Owner: WMS.
 * @param upperLimit Highest allowed temperature of the location at the time of reading. Owner: WMS.
 * @param excursion True when the reading is outside the allowed range, which calls for a deviation and an assessment of the stock. Required. Owner: WMS.
 * @param deviation Deviation opened for the excursion. Owner: QMS.
 * @param calibrationDueDate Date the sensor's calibration expires; readings after it are not evidence. Owner: WMS.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StorageConditionReading(
        String sensorId,
        OffsetDateTime readAt,
        String plant,
        String location,
        String shipment,
        SensorType sensorType,
        Quantity temperature,
        Quantity humidity,
        Quantity lowerLimit,
        Quantity upperLimit,
        Boolean excursion,
        String deviation,
        LocalDate calibrationDueDate) {

    public static final String ENTITY = "StorageConditionReading";
    public static final int SCHEMA_VERSION = 1;

    /** Fixed monitoring sensor, travelling data logger, or a manual reading. */
    public enum SensorType {
        FIXED_SENSOR,
        DATA_LOGGER,
        MANUAL
    }
}
