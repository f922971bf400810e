package io.dyadwatch.producer.feed;

import io.dyadwatch.model.channel.CoverageGap;
import io.dyadwatch.model.channel.FeedCheckpoint;
import java.io.IOException;

/**
 * Where a feed puts what it read: Kafka, in one transaction per slot ({@link TransactionalSlotOutput}), or a
 * reference record file ({@link RecordFileSlotOutput}). Each call is all or nothing.
 */
public interface SlotOutput {

    /**
     * A slot read: its events, its volume per watched dyad, the gap it closes and the checkpoint, together.
     *
     * @param closedGap  the gap this slot was, now closed, or null
     * @param checkpoint where the feed stands after it, or null when the run keeps none (a backfill)
     */
    void slotRead(SlotContents slot, CoverageGap closedGap, FeedCheckpoint checkpoint) throws IOException;

    /**
     * A slot not read: its gap and the checkpoint, together.
     *
     * @param checkpoint where the feed stands after it, or null when the run keeps none
     */
    void slotMissed(CoverageGap gap, FeedCheckpoint checkpoint) throws IOException;
}
