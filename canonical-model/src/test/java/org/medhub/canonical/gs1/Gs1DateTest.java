package org.medhub.canonical.gs1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

class Gs1DateTest {

    private static final Clock IN_2026 = Clock.fixed(Instant.parse("2026-06-15T00:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @CsvSource({
        "251100, 2025-11-30",
        "240200, 2024-02-29",
        "250200, 2025-02-28",
        "261200, 2026-12-31",
        "250615, 2025-06-15"
    })
    void resolvesDayZeroToEndOfMonth(String yymmd0, LocalDate expected) {
        assertThat(Gs1Date.parse(yymmd0, IN_2026)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "760101, 2076-01-01",
        "770101, 1977-01-01",
        "000101, 2000-01-01",
        "990101, 1999-01-01"
    })
    void placesTwoDigitYearsByTheGs1SlidingWindow(String yymmdd, LocalDate expected) {
        assertThat(Gs1Date.parse(yymmdd, IN_2026)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "251301, illegal-month",
        "250001, illegal-month",
        "250230, illegal-day",
        "230229, illegal-day",
        "250431, illegal-day",
        "2512, date-too-short",
        "2512311, date-too-long",
        "25I231, non-digit-character"
    })
    void rejectsImpossibleDatesNamingTheRule(String value, String rule) {
        InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class, () -> Gs1Date.parse(value, IN_2026));
        Violation violation = e.violations().get(0);
        assertThat(violation.rule()).isEqualTo(rule);
        assertThat(violation.value()).isEqualTo(value);
        assertThat(Gs1Date.check("expiry", value)).map(Violation::rule).contains(rule);
    }

    @Test
    void acceptsLeapDayOnlyInLeapYears() {
        assertThat(Gs1Date.check("d", "240229")).isEmpty();
        assertThat(Gs1Date.check("d", "250229")).isPresent();
    }
}
