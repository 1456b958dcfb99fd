package org.medhub.routes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.medhub.canonical.dictionary.FieldType;
import org.medhub.routes.mapping.MappingSpec.Direction;
import org.medhub.routes.mapping.internal.RuleEvaluator.Value;
import org.medhub.routes.mapping.internal.TransformContext;

/**
 * {@code date: { pattern: "yyyyMMdd", zone: Asia/Shanghai }}: the partner's date or time format. Reading, into a
 * date field the date (an instant is first placed in the zone); into a dateTime field a time without offset is
 * placed in the zone, one with an offset keeps it; into text, the time in the zone. Writing (outbound), a time is
 * shown in the pattern, in the zone.
 *
 * @param pattern a {@link DateTimeFormatter} pattern; null for ISO-8601
 * @param formatter the pattern built once, read {@link #strict strictly}; null when there is no pattern
 * @param zoneId the zone built once; null when there is no zone
 */
public record DateFormat(String pattern, String zone, DateTimeFormatter formatter, ZoneId zoneId) implements Transform {

    static final TransformKind KIND = new TransformKind(List.of("date"), DateFormat::read);

    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    /** @throws IllegalArgumentException or {@link DateTimeException} for a bad pattern or zone */
    public DateFormat(String pattern, String zone) {
        this(pattern, zone, pattern == null ? null : strict(pattern), zone == null ? null : ZoneId.of(zone));
    }

    /** A pattern read strictly (no 30 February), with year-of-era read as the proleptic year so that yyyy works. */
    public static DateTimeFormatter strict(String pattern) {
        StringBuilder fixed = new StringBuilder();
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            fixed.append(!quoted && c == 'y' && !pattern.contains("G") ? 'u' : c);
        }
        return DateTimeFormatter.ofPattern(fixed.toString(), Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    private static DateFormat read(RuleYaml rule) {
        YamlKeys in = rule.in();
        JsonNode date = rule.node().get("date");
        String key = rule.keyOf("date");
        String pattern;
        String zone = null;
        if (date.isTextual()) {
            pattern = date.asText();
        } else if (date.isObject()) {
            in.onlyKeys(date, key, Set.of("pattern", "zone"));
            pattern = in.text(date, key, "pattern", false);
            zone = in.text(date, key, "zone", false);
        } else {
            rule.problem("date", "type", "must be a pattern, or a map with pattern and zone");
            return null;
        }
        // built here as they are applied, so a pattern that only fails strict reading is caught now
        DateTimeFormatter formatter = null;
        ZoneId zoneId = null;
        if (pattern != null) {
            try {
                formatter = strict(pattern);
            } catch (IllegalArgumentException e) {
                in.problem(YamlKeys.join(key, "pattern"), "date-pattern", "'" + pattern + "' is not a date pattern: " + e.getMessage());
            }
        }
        if (zone != null) {
            try {
                zoneId = ZoneId.of(zone);
            } catch (DateTimeException e) {
                in.problem(YamlKeys.join(key, "zone"), "zone", "'" + zone + "' is not a time zone (e.g. Asia/Shanghai, +08:00, UTC)");
            }
        }
        FieldType type = rule.target();
        if (rule.spec().direction() == Direction.INBOUND && type != null && type != FieldType.DATE
                && type != FieldType.DATE_TIME && type != FieldType.STRING) {
            in.problem(key, "date-target", "a date rule fills a date or dateTime field, not a " + type.yamlName());
        }
        return new DateFormat(pattern, zone, formatter, zoneId);
    }

    @Override
    public Value apply(Value value, TransformContext context) {
        return context.outbound() ? write(value, context) : read(value, context);
    }

    private Value read(Value value, TransformContext context) {
        TemporalAccessor parsed;
        try {
            parsed = (pattern == null ? ISO : formatter).parseBest(value.text(), OffsetDateTime::from, LocalDateTime::from,
                    LocalDate::from);
        } catch (DateTimeException e) {
            return context.fail("date", value, context.field() + " '" + value.text() + "' (from " + context.from()
                    + ") is not a date or time in the pattern " + (pattern == null ? "ISO-8601" : "'" + pattern + "'"));
        }
        String result;
        FieldType target = context.target();
        if (target == FieldType.DATE) {
            LocalDate date = parsed instanceof OffsetDateTime time
                    ? (zoneId == null ? time.toLocalDate() : time.atZoneSameInstant(zoneId).toLocalDate())
                    : parsed instanceof LocalDateTime time ? time.toLocalDate() : (LocalDate) parsed;
            result = date.toString();
        } else if (target == FieldType.DATE_TIME) {
            OffsetDateTime time;
            if (parsed instanceof OffsetDateTime withOffset) {
                time = withOffset;
            } else if (zoneId == null) {
                return context.fail("date", value, context.field() + " '" + value.text()
                        + "' has no offset, and the date rule names no zone to place it in");
            } else if (parsed instanceof LocalDateTime local) {
                time = ZonedDateTime.of(local, zoneId).toOffsetDateTime();
            } else {
                time = ((LocalDate) parsed).atStartOfDay(zoneId).toOffsetDateTime();
            }
            result = time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } else if (parsed instanceof OffsetDateTime time) {
            // into text (an id, a reference), one instant is written one way: in the rule's zone when it names one
            result = (zoneId == null ? time : time.atZoneSameInstant(zoneId).toOffsetDateTime())
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } else if (parsed instanceof LocalDateTime local && zoneId != null) {
            result = ZonedDateTime.of(local, zoneId).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } else {
            result = parsed.toString();
        }
        return value.withText(result, "date " + (pattern == null ? "ISO-8601" : "'" + pattern + "'")
                + (zoneId == null ? "" : " in " + zoneId));
    }

    private Value write(Value value, TransformContext context) {
        try {
            TemporalAccessor parsed = ISO.parseBest(value.text(), OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
            if (parsed instanceof OffsetDateTime time && zone != null) {
                parsed = time.atZoneSameInstant(zoneId);
            }
            String text = pattern == null ? value.text() : formatter.format(parsed);
            return value.withText(text, "date '" + pattern + "'" + (zone == null ? "" : " in " + zone));
        } catch (DateTimeException e) {
            return context.fail("date", value, context.field() + " '" + value.text()
                    + "' cannot be written in the pattern '" + pattern + "': " + e.getMessage());
        }
    }

    // formatter and zoneId follow from pattern and zone, and DateTimeFormatter has no equals of its own
    @Override
    public boolean equals(Object other) {
        return other instanceof DateFormat that && Objects.equals(pattern, that.pattern) && Objects.equals(zone, that.zone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pattern, zone);
    }
}
