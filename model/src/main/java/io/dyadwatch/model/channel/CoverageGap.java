package io.dyadwatch.model.channel;

import io.dyadwatch.model.event.Channels;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A slot of a channel that was due but could not be read, published on {@code dyadwatch.coverage.gaps} (compacted,
 * key {@link #key()}): not covered, so it is never read as silence. An open gap is retried with backoff; when the
 * slot is read later the gap is re-published {@code open = false} (with the reason it had) and the slot's volume
 * follows on {@code dyadwatch.coverage}. The latest record per key is the gap's state.
 *
 * @param channel   the evidence channel
 * @param slotStart the slot's first instant (UTC)
 * @param slotEnd   the first instant after it
 * @param reason    why it could not be read, one of {@link #REASONS}
 * @param detail    a human-readable account (HTTP status, expected and actual checksum, row counts)
 * @param attempts  how many times it was tried, at least 1
 * @param open      true while the slot is still not covered
 * @param updatedAt when this state was published
 */
public record CoverageGap(String channel, Instant slotStart, Instant slotEnd, String reason, String detail,
        int attempts, boolean open, Instant updatedAt) {

    /** A file listed (or due) but not served (404 or 410). */
    public static final String MISSING = "missing";
    /** Not a readable zip of one text file. */
    public static final String CORRUPT = "corrupt";
    /** The bytes' MD5 differs from the listing's. */
    public static final String CHECKSUM = "checksum";
    /** The number of bytes differs from the listing's. */
    public static final String SIZE = "size";
    /** Far fewer rows than recent slots (rule in docs/importers.md). */
    public static final String SHORT = "short";
    /** The server shed load (429 or 503). */
    public static final String THROTTLED = "throttled";
    /** No complete answer within the request timeout. */
    public static final String TIMEOUT = "timeout";
    /** Any other HTTP status or connection failure. */
    public static final String UNREACHABLE = "unreachable";
    /** Every reason a slot can fail for: a bounded set, so it can tag a metric. */
    public static final Set<String> REASONS = Set.of(MISSING, CORRUPT, CHECKSUM, SIZE, SHORT, THROTTLED, TIMEOUT,
            UNREACHABLE);

    public CoverageGap {
        channel = Channels.require(channel);
        Objects.requireNonNull(slotStart, "slotStart");
        Objects.requireNonNull(slotEnd, "slotEnd");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (!slotEnd.isAfter(slotStart)) {
            throw new IllegalArgumentException("a slot ends (" + slotEnd + ") after it starts (" + slotStart + ")");
        }
        if (!REASONS.contains(reason)) {
            throw new IllegalArgumentException("unknown gap reason '" + reason + "'; one of " + REASONS);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("a gap was attempted at least once, got " + attempts);
        }
    }

    /** The record key: {@code channel|slotStart}, like {@code gdelt|2025-06-01T10:15:00Z}. */
    public String key() {
        return channel + "|" + slotStart;
    }

    /** The same gap, read at last. */
    public CoverageGap closed(Instant now) {
        return new CoverageGap(channel, slotStart, slotEnd, reason, detail, attempts, false, now);
    }
}
