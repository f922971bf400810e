package io.dyadwatch.app.trackrecord;

import io.dyadwatch.catalog.history.TurningPoint;
import io.dyadwatch.catalog.history.TurningPoints;
import java.util.Objects;

/**
 * How one turning point fared: hit by a statistical alert, or missed.
 *
 * @param point the turning point
 * @param alert the first statistical alert toward its scenario within the window, or null for a miss
 */
public record TurningPointScore(TurningPoint point, ScoredAlert alert) {

    public TurningPointScore {
        Objects.requireNonNull(point, "point");
    }

    /** True when an alert scored it. */
    public boolean hit() {
        return alert != null;
    }

    /** Quarters from the turning point to its alert: negative for a lead (the alert came first), positive for a lag. */
    public int offset() {
        if (alert == null) {
            throw new IllegalStateException("a missed turning point has no alert");
        }
        return TurningPoints.quartersBetween(point.began(), alert.period());
    }

    /** "lead 2", "lag 1", "on time", or "-" for a miss. */
    public String timing() {
        if (alert == null) {
            return "-";
        }
        int offset = offset();
        return offset < 0 ? "lead " + -offset : offset > 0 ? "lag " + offset : "on time";
    }
}
