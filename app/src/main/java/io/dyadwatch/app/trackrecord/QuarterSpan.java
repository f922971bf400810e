package io.dyadwatch.app.trackrecord;

import io.dyadwatch.catalog.history.TurningPoints;
import io.dyadwatch.catalog.model.Quarter;
import java.util.Objects;

/**
 * Consecutive quarters, both ends included.
 *
 * @param from the first quarter
 * @param to   the last quarter
 */
public record QuarterSpan(Quarter from, Quarter to) {

    public QuarterSpan {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.compareTo(from) < 0) {
            throw new IllegalArgumentException("the span ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** Reads "2016-Q1..2021-Q4". */
    public static QuarterSpan parse(String text) {
        int dots = text.indexOf("..");
        if (dots < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a span of quarters like 2016-Q1..2021-Q4");
        }
        return new QuarterSpan(Quarter.parse(text.substring(0, dots)), Quarter.parse(text.substring(dots + 2)));
    }

    /** Quarters in the span. */
    public int quarters() {
        return TurningPoints.quartersBetween(from, to) + 1;
    }

    /** True when the quarter lies in the span. */
    public boolean contains(Quarter q) {
        return q.compareTo(from) >= 0 && q.compareTo(to) <= 0;
    }

    /** Quarters this span shares with another. */
    public int overlap(QuarterSpan other) {
        Quarter start = from.compareTo(other.from) >= 0 ? from : other.from;
        Quarter end = to.compareTo(other.to) <= 0 ? to : other.to;
        return end.compareTo(start) < 0 ? 0 : TurningPoints.quartersBetween(start, end) + 1;
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
