package io.dyadwatch.alerts.sink;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * The receiver is overloaded or unavailable (HTTP 429 or 503) and said when to come back ({@code Retry-After}):
 * the sink waits at least that long before it tries again.
 */
public final class RetryLaterException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The most a receiver can make a sink wait in one go; a larger Retry-After is cut to it. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    private final Duration retryAfter;

    public RetryLaterException(String message, Duration retryAfter) {
        super(message);
        Objects.requireNonNull(retryAfter, "retryAfter");
        this.retryAfter = retryAfter.isNegative() ? Duration.ZERO
                : retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
    }

    /** How long the receiver asked to wait, at most {@link #MAX_RETRY_AFTER}. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
