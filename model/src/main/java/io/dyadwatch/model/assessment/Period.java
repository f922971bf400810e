package io.dyadwatch.model.assessment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A calendar period (UTC) of one unit: a month, a quarter or a year, written {@code 2024-07}, {@code 2024-Q3},
 * {@code 2024}. Comparable within a unit (in time order), with {@link #next()} and {@link #previous()}; JSON
 * reads and writes it as its label.
 *
 * @param unit  month, quarter or year
 * @param index periods since year 0 of that unit: {@code year * 12 + month - 1}, {@code year * 4 + quarter - 1},
 *              or the year
 */
public record Period(PeriodUnit unit, int index) implements Comparable<Period> {

    /** Earliest and latest years a period may be in (event dates are bounded far more tightly by the contract). */
    static final int MIN_YEAR = 0;
    static final int MAX_YEAR = 9999;

    public Period {
        Objects.requireNonNull(unit, "unit");
        int year = Math.floorDiv(index, perYear(unit));
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException("period index " + index + " is outside years " + MIN_YEAR + "-" + MAX_YEAR);
        }
    }

    /** The period of a unit holding the instant (UTC). */
    public static Period of(PeriodUnit unit, Instant instant) {
        return of(unit, LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }

    /** The period of a unit holding the date. */
    public static Period of(PeriodUnit unit, LocalDate date) {
        int month = date.getMonthValue() - 1;
        return new Period(unit, switch (unit) {
            case MONTH -> date.getYear() * 12 + month;
            case QUARTER -> date.getYear() * 4 + month / 3;
            case YEAR -> date.getYear();
        });
    }

    /**
     * Parses a label: {@code 2024-Q3} (quarter), {@code 2024-07} (month) or {@code 2024} (year).
     *
     * @throws IllegalArgumentException naming the forms accepted
     */
    @JsonCreator
    public static Period parse(String label) {
        for (PeriodUnit unit : PeriodUnit.values()) {
            if (unit.isLabel(label)) {
                try {
                    return of(unit, LocalDate.ofInstant(unit.startOf(label), ZoneOffset.UTC));
                } catch (java.time.DateTimeException e) {
                    throw new IllegalArgumentException("'" + label + "' is not a period: " + e.getMessage(), e);
                }
            }
        }
        throw new IllegalArgumentException("'" + label + "' is not a period (write 2024-Q3, 2024-07 or 2024)");
    }

    /** Parses a label that must be of the given unit. */
    public static Period parse(String label, PeriodUnit unit) {
        Period period = parse(label);
        if (period.unit != unit) {
            throw new IllegalArgumentException("'" + label + "' is a " + period.unit.name().toLowerCase(java.util.Locale.ROOT)
                    + ", not a " + unit.name().toLowerCase(java.util.Locale.ROOT) + " (like " + of(unit, LocalDate.of(2024, 7, 1)) + ")");
        }
        return period;
    }

    /** The year the period is in. */
    public int year() {
        return Math.floorDiv(index, perYear(unit));
    }

    /** The period after this one. */
    public Period next() {
        return plus(1);
    }

    /** The period before this one. */
    public Period previous() {
        return plus(-1);
    }

    /** The period {@code n} periods later (earlier when negative). */
    public Period plus(int n) {
        return new Period(unit, index + n);
    }

    /** Periods from this one to {@code later} (negative when {@code later} is earlier). */
    public int until(Period later) {
        requireSameUnit(later);
        return later.index - index;
    }

    /** The first instant of the period. */
    public Instant start() {
        return startDate().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return next().start();
    }

    /** The first day of the period. */
    public LocalDate startDate() {
        int perYear = perYear(unit);
        int year = Math.floorDiv(index, perYear);
        int within = Math.floorMod(index, perYear);
        return LocalDate.of(year, switch (unit) {
            case MONTH -> within + 1;
            case QUARTER -> within * 3 + 1;
            case YEAR -> 1;
        }, 1);
    }

    /** True when the instant falls in this period. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(start()) && instant.isBefore(end());
    }

    @Override
    public int compareTo(Period other) {
        requireSameUnit(other);
        return Integer.compare(index, other.index);
    }

    /** True when this period ends before {@code other} starts. */
    public boolean isBefore(Period other) {
        return compareTo(other) < 0;
    }

    /** True when this period starts after {@code other} ends. */
    public boolean isAfter(Period other) {
        return compareTo(other) > 0;
    }

    /** The label: {@code 2024-Q3}, {@code 2024-07} or {@code 2024}. */
    @JsonValue
    @Override
    public String toString() {
        int perYear = perYear(unit);
        int year = Math.floorDiv(index, perYear);
        int within = Math.floorMod(index, perYear);
        String y = String.format(java.util.Locale.ROOT, "%04d", year);
        return switch (unit) {
            case MONTH -> y + "-" + (within < 9 ? "0" : "") + (within + 1);
            case QUARTER -> y + "-Q" + (within + 1);
            case YEAR -> y;
        };
    }

    private void requireSameUnit(Period other) {
        if (other.unit != unit) {
            throw new IllegalArgumentException("cannot compare a " + unit + " (" + this + ") with a " + other.unit
                    + " (" + other + ")");
        }
    }

    private static int perYear(PeriodUnit unit) {
        return switch (unit) {
            case MONTH -> 12;
            case QUARTER -> 4;
            case YEAR -> 1;
        };
    }
}
