package io.dyadwatch.alerts.sink;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff: the first wait, doubled after each consecutive failure, never above the cap.
 *
 * @param initial wait after the first failure
 * @param max     the cap
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + ", " + max);
        }
    }

    /** The wait after this many consecutive failures (1 = the first failure). */
    public Duration after(int failures) {
        Duration wait = initial;
        for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
