package io.dyadwatch.app.wiring;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/** How far the restoration of an application's stores from their changelogs got, for /health and the log. */
final class RestorationProgress implements StateRestoreListener {

    private final AtomicLong restored = new AtomicLong();
    private final AtomicLong toRestore = new AtomicLong();
    private final ConcurrentHashMap<TopicPartition, Boolean> restoring = new ConcurrentHashMap<>();

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
        restoring.put(partition, Boolean.TRUE);
        toRestore.addAndGet(Math.max(0, endingOffset - startingOffset));
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
        restored.addAndGet(numRestored);
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        restoring.remove(partition);
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
        restoring.remove(partition); // the task moved to another instance mid-restoration
    }

    long restored() {
        return restored.get();
    }

    long toRestore() {
        return toRestore.get();
    }

    int storesRestoring() {
        return restoring.size();
    }

    String describe() {
        return restoring.isEmpty() && toRestore.get() == 0 ? "nothing to restore"
                : String.format(Locale.ROOT, "restored %,d of %,d changelog records, %d store partition(s) restoring",
                        restored.get(), toRestore.get(), restoring.size());
    }
}
