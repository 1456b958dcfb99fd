package org.medhub.canonical.gs1;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

/**
 * GS1 dates in YYMMDD form (AIs 11, 13, 15, 16, 17…). The dictionary's {@code yymmd0} format allows day 00,
 * which means the last day of the month; the century follows the GS1 General Specifications' sliding window
 * (section 7.12): a year 51 or more ahead of the current one is in the previous century, one 50 or more
 * behind is in the next.
 */
public final class Gs1Date {

    static final String ENTITY = "GS1 date";

    private Gs1Date() {}

    /** The date, with day 00 resolved to the month's last day, its century chosen relative to this year. */
    public static LocalDate parse(String yymmd0) {
        return parse(yymmd0, Clock.systemUTC());
    }

    /** As {@link #parse(String)}, with the sliding window centred on the year of {@code clock}. */
    public static LocalDate parse(String yymmd0, Clock clock) {
        Year reference = Year.now(clock);
        Optional<LintProblem> problem = lintYymmd0(yymmd0, reference);
        if (problem.isPresent()) {
            throw new InvalidRecordException(ENTITY, List.of(problem.get().toViolation("date", yymmd0)));
        }
        int year = fullYear(Integer.parseInt(yymmd0.substring(0, 2)), reference);
        YearMonth month = YearMonth.of(year, Integer.parseInt(yymmd0.substring(2, 4)));
        int day = Integer.parseInt(yymmd0.substring(4, 6));
        return day == 0 ? month.atEndOfMonth() : month.atDay(day);
    }

    /**
     * What is wrong with a YYMMDD value where day 00 is allowed: {@code date-too-short}, {@code date-too-long},
     * {@code non-digit-character}, {@code illegal-month} or {@code illegal-day}.
     */
    public static Optional<Violation> check(String field, String yymmd0) {
        return lintYymmd0(yymmd0, Year.now(Clock.systemUTC())).map(p -> p.toViolation(field, yymmd0));
    }

    static int fullYear(int yy, Year reference) {
        int current = reference.getValue();
        int century = current - current % 100;
        int difference = yy - current % 100;
        if (difference >= 51) {
            return century - 100 + yy;
        }
        if (difference <= -50) {
            return century + 100 + yy;
        }
        return century + yy;
    }

    static Optional<LintProblem> lintYymmd0(String value, Year reference) {
        if (value.length() != 6) {
            return Optional.of(new LintProblem(value.length() < 6 ? "date-too-short" : "date-too-long",
                    "must be 6 digits YYMMDD, not " + value.length()));
        }
        Optional<LintProblem> digits = allDigits(value);
        if (digits.isPresent()) {
            return digits;
        }
        int year = fullYear(Integer.parseInt(value.substring(0, 2)), reference);
        return lintMonthAndDay(year, value.substring(2, 4), value.substring(4, 6));
    }

    /** Day 00 refused, as the dictionary's {@code yymmdd} format requires (AIs 7003, 7006, 4326…). */
    static Optional<LintProblem> lintYymmdd(String value, Year reference) {
        Optional<LintProblem> problem = lintYymmd0(value, reference);
        if (problem.isEmpty() && value.endsWith("00")) {
            return Optional.of(new LintProblem("illegal-day", "has day 00, which this field does not allow"));
        }
        return problem;
    }

    static Optional<LintProblem> lintYyyymmdd(String value) {
        if (value.length() != 8) {
            return Optional.of(new LintProblem(value.length() < 8 ? "date-too-short" : "date-too-long",
                    "must be 8 digits YYYYMMDD, not " + value.length()));
        }
        Optional<LintProblem> digits = allDigits(value);
        if (digits.isPresent()) {
            return digits;
        }
        Optional<LintProblem> problem =
                lintMonthAndDay(Integer.parseInt(value.substring(0, 4)), value.substring(4, 6), value.substring(6, 8));
        if (problem.isEmpty() && value.endsWith("00")) {
            return Optional.of(new LintProblem("illegal-day", "has day 00, which this field does not allow"));
        }
        return problem;
    }

    private static Optional<LintProblem> lintMonthAndDay(int year, String mm, String dd) {
        int month = Integer.parseInt(mm);
        if (month < 1 || month > 12) {
            return Optional.of(new LintProblem("illegal-month", "has month " + mm + ", which is not 01 to 12"));
        }
        int day = Integer.parseInt(dd);
        int lastDay = YearMonth.of(year, month).lengthOfMonth();
        if (day > lastDay) {
            return Optional.of(new LintProblem("illegal-day",
                    "has day " + dd + ", but " + YearMonth.of(year, month) + " has " + lastDay + " days"));
        }
        return Optional.empty();
    }

    private static Optional<LintProblem> allDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return Optional.of(LintProblem.nonDigit(value, i));
            }
        }
        return Optional.empty();
    }
}
