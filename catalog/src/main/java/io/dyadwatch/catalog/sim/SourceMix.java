package io.dyadwatch.catalog.sim;

import io.dyadwatch.model.event.Grade;
import java.util.Objects;

/**
 * How simulated events are reported: every event has one report of {@code grade} and, with probability
 * {@code corroboration}, a second report of it from another source (graded F6, a day later), which confirms it
 * whatever the first grade ({@link io.dyadwatch.catalog.counting.Confirmation}).
 *
 * @param grade         grade of the first report
 * @param corroboration probability of a second, independent report, in [0, 1]
 */
public record SourceMix(Grade grade, double corroboration) {

    /** Every event reported once, at A1: every event counts. */
    public static final SourceMix A1 = new SourceMix(new Grade('A', 1), 0);

    public SourceMix {
        Objects.requireNonNull(grade, "grade");
        if (!(corroboration >= 0) || corroboration > 1) {
            throw new IllegalArgumentException("corroboration must be in [0, 1], got " + corroboration);
        }
    }

    /** Parses {@code B2} (one report) or {@code C3+0.5} (a second source for half the events). */
    public static SourceMix parse(String text) {
        String[] parts = text.trim().split("\\+", 2);
        return new SourceMix(Grade.parse(parts[0].trim()), parts.length == 2 ? Double.parseDouble(parts[1].trim()) : 0);
    }

    @Override
    public String toString() {
        return corroboration == 0 ? grade.toString() : grade + "+" + corroboration;
    }
}
