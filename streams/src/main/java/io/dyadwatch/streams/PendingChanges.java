package io.dyadwatch.streams;

import java.util.List;
import java.util.Objects;

/**
 * What changed for one dyad since its last assessment: the earliest period to recompute from, the events
 * (cluster ids) that arrived, in arrival order and without repeats, and the latest input timestamp among them.
 * Kept in a state store (changelogged with the tallies it describes), so a crash between an event and the
 * assessment it causes loses neither.
 *
 * @param from       earliest period whose result must be recomputed
 * @param clusterIds events that arrived or were corroborated since the last assessment
 * @param timestamp  latest input record timestamp among them, epoch milliseconds (the output records carry it)
 */
record PendingChanges(String from, List<String> clusterIds, long timestamp) {

    PendingChanges {
        Objects.requireNonNull(from, "from");
        clusterIds = List.copyOf(clusterIds);
    }

    /** Nothing arrived yet; recompute from {@code from} (a period closed on the clock). */
    static PendingChanges closing(String from, long timestamp) {
        return new PendingChanges(from, List.of(), timestamp);
    }

    /** With one more arrival in {@code period}. */
    PendingChanges with(String period, String clusterId, long recordTimestamp) {
        List<String> ids = clusterIds;
        if (clusterId != null && !clusterIds.contains(clusterId)) {
            ids = new java.util.ArrayList<>(clusterIds.size() + 1);
            ids.addAll(clusterIds);
            ids.add(clusterId);
        }
        return new PendingChanges(period.compareTo(from) < 0 ? period : from, ids, Math.max(timestamp, recordTimestamp));
    }
}
