package io.dyadwatch.alerts.sink;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff: the first wait, doubled after each consecutive failure, never above the cap; with jitter
 * ({@link #jittered}) so that sinks of several instances that failed together do not retry together.
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

    /**
     * The wait after this many failures with "equal jitter": half of {@link #after(int)} plus a random share of the
     * other half, so a wait is never under half the backoff.
     *
     * @param random a number in [0, 1)
     */
    public Duration jittered(int failures, double random) {
        if (random < 0 || random >= 1) {
            throw new IllegalArgumentException("random must be in [0, 1), got " + random);
        }
        long millis = after(failures).toMillis();
        return Duration.ofMillis(millis / 2 + (long) ((millis - millis / 2) * random));
    }

    /**
     * The wait before the next attempt after a failure: the jittered backoff, or longer when the receiver asked for
     * it ({@link RetryLaterException}, HTTP 429 or 503 with {@code Retry-After}).
     */
    public Duration afterFailure(int failures, Exception failure, double random) {
        Duration wait = jittered(failures, random);
        if (failure instanceof RetryLaterException later && later.retryAfter().compareTo(wait) > 0) {
            return later.retryAfter();
        }
        return wait;
    }
}
