package io.dyadwatch.producer.feed;

import io.dyadwatch.model.channel.CoverageGap;
import java.time.Duration;
import java.util.Objects;

/**
 * Why a slot (or a manifest) could not be read: one of {@link CoverageGap#REASONS}, a readable detail, and how long
 * the server asked us to wait ({@code Retry-After}), if it did.
 */
public final class SlotFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final transient Duration retryAfter;

    /**
     * @param reason     one of {@link CoverageGap#REASONS}
     * @param detail     what happened, for a person
     * @param retryAfter the server's {@code Retry-After}, or null
     */
    public SlotFailure(String reason, String detail, Duration retryAfter) {
        super(detail);
        if (!CoverageGap.REASONS.contains(reason)) {
            throw new IllegalArgumentException("unknown gap reason '" + reason + "'");
        }
        this.reason = Objects.requireNonNull(reason);
        this.retryAfter = retryAfter;
    }

    /** One of {@link CoverageGap#REASONS}. */
    public String reason() {
        return reason;
    }

    /** The server's {@code Retry-After}, or null when it gave none. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
