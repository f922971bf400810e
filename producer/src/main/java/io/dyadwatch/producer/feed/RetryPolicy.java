package io.dyadwatch.producer.feed;

import java.time.Duration;
import java.util.Objects;

/**
 * When to try a failed slot again: {@code first} after the first failure, doubling each time up to {@code max}, never
 * sooner than the server's {@code Retry-After}; a slot still failing after {@code giveUpAfter} is no longer retried
 * (it stays a gap).
 *
 * @param first       the wait after the first failure
 * @param max         the longest wait between attempts
 * @param giveUpAfter how long after its first failure a slot is still retried
 */
public record RetryPolicy(Duration first, Duration max, Duration giveUpAfter) {

    /** 1 minute, doubling to 6 hours, for 7 days. */
    public static final RetryPolicy STANDARD = new RetryPolicy(Duration.ofMinutes(1), Duration.ofHours(6),
            Duration.ofDays(7));

    /** For a backfill, which waits in the foreground: 5 seconds, doubling to 5 minutes. */
    public static final RetryPolicy BACKFILL = new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofDays(1));

    public RetryPolicy {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("retry waits must be positive with max >= first");
        }
    }

    /** The wait after the {@code attempts}-th failure, at least {@code retryAfter} when the server gave one. */
    public Duration delay(int attempts, Duration retryAfter) {
        Duration backoff = first.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 30));
        if (backoff.compareTo(max) > 0) {
            backoff = max;
        }
        return retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
    }
}
