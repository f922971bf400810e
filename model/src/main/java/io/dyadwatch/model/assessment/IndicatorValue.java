package io.dyadwatch.model.assessment;

import java.time.Instant;
import java.util.Objects;

/**
 * One indicator's value for one dyad and period, as published on {@code dyadwatch.indicators}
 * (key {@code dyad|indicator|period}). A late report re-publishes the value with a higher revision.
 *
 * @param dyad        dyad key, like CHN-RUS
 * @param indicator   indicator id from the catalog (or the event type in the skeleton)
 * @param period      period label, like 2023-Q1
 * @param count       events counted
 * @param weightedSum sum of the events' weights (source grade, corroboration)
 * @param revision    1 for the first value, incremented on every change
 * @param updatedAt   when this revision was computed
 */
public record IndicatorValue(String dyad, String indicator, String period, long count, double weightedSum,
        long revision, Instant updatedAt) {

    public IndicatorValue {
        Objects.requireNonNull(dyad, "dyad");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(period, "period");
        if (count < 0 || weightedSum < 0 || revision < 1) {
            throw new IllegalArgumentException("count and weightedSum must be >= 0 and revision >= 1");
        }
    }

    /** The record key: {@code dyad|indicator|period}. */
    public String key() {
        return key(dyad, indicator, period);
    }

    /** The record key for the parts. */
    public static String key(String dyad, String indicator, String period) {
        return dyad + "|" + indicator + "|" + period;
    }
}
