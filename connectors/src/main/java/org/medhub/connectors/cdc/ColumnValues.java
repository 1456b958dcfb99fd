package org.medhub.connectors.cdc;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * A row of a change event as plain values a JSON mapping reads: dates as {@code 2026-03-01}, times without a zone
 * put in the database's zone ({@code 2026-03-01T08:00:00+08:00}), decimals as text (never a binary float), bytes as
 * Base64.
 */
final class ColumnValues {

    private ColumnValues() {}

    static Map<String, Object> of(Struct row, ZoneId zone) {
        if (row == null) {
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : row.schema().fields()) {
            values.put(field.name(), value(row.get(field), field.schema(), zone));
        }
        return values;
    }

    /** Each column's type as the feed sees it: its logical type where it has one, else its Connect type. */
    static Map<String, String> types(Schema row) {
        Map<String, String> types = new LinkedHashMap<>();
        for (Field field : row.fields()) {
            types.put(field.name(), type(field.schema()));
        }
        return types;
    }

    static String type(Schema schema) {
        return schema.name() != null ? schema.name() : schema.type().getName();
    }

    private static Object value(Object value, Schema schema, ZoneId zone) {
        if (value == null) {
            return null;
        }
        String logical = schema.name() == null ? "" : schema.name();
        return switch (logical) {
            case "io.debezium.time.Date" -> LocalDate.ofEpochDay(((Number) value).longValue()).toString();
            case "io.debezium.time.Timestamp" -> inZone(Instant.ofEpochMilli(((Number) value).longValue()), zone);
            case "io.debezium.time.MicroTimestamp" -> inZone(micros(((Number) value).longValue()), zone);
            case "io.debezium.time.NanoTimestamp" -> inZone(nanos(((Number) value).longValue()), zone);
            case "io.debezium.time.Time" -> LocalTime.ofNanoOfDay(((Number) value).longValue() * 1_000_000L).toString();
            case "io.debezium.time.MicroTime" -> LocalTime.ofNanoOfDay(((Number) value).longValue() * 1_000L).toString();
            case "io.debezium.time.NanoTime" -> LocalTime.ofNanoOfDay(((Number) value).longValue()).toString();
            case "org.apache.kafka.connect.data.Date" -> LocalDate.ofInstant(((java.util.Date) value).toInstant(),
                    ZoneOffset.UTC).toString();
            case "org.apache.kafka.connect.data.Timestamp" -> inZone(((java.util.Date) value).toInstant(), zone);
            default -> plain(value);
        };
    }

    private static Object plain(Object value) {
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Struct || value instanceof java.math.BigDecimal) {
            return value.toString();
        }
        return value;
    }

    /**
     * Debezium gives a time without a zone as if it were UTC; it is the database's local time, which gets the
     * database's zone here.
     */
    private static String inZone(Instant asIfUtc, ZoneId zone) {
        return LocalDateTime.ofInstant(asIfUtc, ZoneOffset.UTC).atZone(zone).toOffsetDateTime().toString();
    }

    private static Instant micros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    private static Instant nanos(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
