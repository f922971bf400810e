package io.dyadwatch.model.event;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The days a batch of reports covers: the time its collector watched, so that absence of reports in it is
 * evidence. A period nobody collected is missing data, not a zero count: DyadWatch counts absence only for covered
 * days. Declared by the sender ({@code publish --covers}, {@code backtest --covers}, the HTTP API's
 * {@code DyadWatch-Covers}, a record file's span line, {@link RecordSpan})
 * and carried on each record of the batch in the {@value #HEADER} header as {@code FROM..TO} (ISO dates, both
 * included). It applies to the evidence channel of the event it is sent with ({@link Event#channel()}). A report
 * without it declares nothing and covers no day of its own: the monitor assumes its channel's coverage from the
 * moment it first received from it.
 *
 * @param from first day covered
 * @param to   last day covered, not before {@code from}, at most {@value #MAX_DAYS} days later
 */
public record Coverage(LocalDate from, LocalDate to) {

    /** The record header that carries a batch's coverage. */
    public static final String HEADER = "dyadwatch-covers";
    /** Longest span one declaration may cover: a century (more is a typo, not a collection). */
    public static final long MAX_DAYS = 36_525;

    public Coverage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("coverage ends (" + to + ") before it starts (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new IllegalArgumentException("coverage " + from + ".." + to + " spans more than " + MAX_DAYS + " days");
        }
        if (from.getYear() < 1900) {
            throw new IllegalArgumentException("coverage starts before 1900: " + from);
        }
    }

    /** One day. */
    public static Coverage day(LocalDate day) {
        return new Coverage(day, day);
    }

    /**
     * Parses {@code 2024-07-01..2024-08-31}.
     *
     * @throws IllegalArgumentException with the form expected
     */
    public static Coverage parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        int dots = trimmed.indexOf("..");
        if (dots < 0) {
            throw new IllegalArgumentException("coverage is written FROM..TO with ISO dates, like 2024-07-01..2024-08-31; got '"
                    + trimmed + "'");
        }
        try {
            return new Coverage(LocalDate.parse(trimmed.substring(0, dots)), LocalDate.parse(trimmed.substring(dots + 2)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("coverage '" + trimmed + "' has a date that is not an ISO date (2024-07-01): "
                    + e.getMessage(), e);
        }
    }

    /** The header form, {@code FROM..TO}. */
    @Override
    public String toString() {
        return from + ".." + to;
    }
}
