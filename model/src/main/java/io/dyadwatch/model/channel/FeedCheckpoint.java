package io.dyadwatch.model.channel;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where a feed stands, on {@code dyadwatch.feed.checkpoints} (compacted, key = feed name): the newest slot it has
 * dealt with (published, or declared a gap) and the gaps it still retries. Written in the same Kafka transaction as
 * the slot's events and volume, so after a crash a feed resumes at the slot after {@code lastSlot} and retries
 * {@code openGaps}: no slot is skipped, none published twice.
 *
 * @param feed      the feed's name, like {@code gdelt}
 * @param lastSlot  start of the newest slot dealt with
 * @param openGaps  the gaps still retried (reason and attempts kept across a restart), oldest first, none after
 *                  {@code lastSlot}
 * @param recentRows rows of the latest good slots, oldest first: what a short slot is judged against after a restart
 * @param updatedAt when this checkpoint was written
 */
public record FeedCheckpoint(String feed, Instant lastSlot, List<CoverageGap> openGaps, List<Long> recentRows,
        Instant updatedAt) {

    public FeedCheckpoint {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(lastSlot, "lastSlot");
        Objects.requireNonNull(updatedAt, "updatedAt");
        openGaps = List.copyOf(openGaps).stream().sorted(java.util.Comparator.comparing(CoverageGap::slotStart)).toList();
        recentRows = List.copyOf(recentRows);
        if (recentRows.stream().anyMatch(n -> n < 0)) {
            throw new IllegalArgumentException("row counts are not negative: " + recentRows);
        }
        for (int i = 0; i < openGaps.size(); i++) {
            CoverageGap gap = openGaps.get(i);
            if (gap.slotStart().isAfter(lastSlot)) {
                throw new IllegalArgumentException("an open gap (" + gap.slotStart() + ") after the last slot (" + lastSlot
                        + ")");
            }
            if (!gap.open()) {
                throw new IllegalArgumentException("a closed gap among the open ones: " + gap.key());
            }
            if (i > 0 && openGaps.get(i - 1).slotStart().equals(gap.slotStart())) {
                throw new IllegalArgumentException("the gap " + gap.key() + " twice");
            }
        }
    }
}
