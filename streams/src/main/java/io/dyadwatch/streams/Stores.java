package io.dyadwatch.streams;

/** Names of the topology's state stores; the history and assessment stores answer interactive queries. */
public final class Stores {

    /** Reports already counted, key {@code dyad|eventId}. */
    public static final String REPORTS = "reports";
    /** Real-world events with their merged reports, key {@code dyad|clusterId}. */
    public static final String CLUSTERS = "clusters";
    /** Corroboration index, key {@code dyad|type|yyyy-mm-dd}. */
    public static final String CLUSTER_INDEX = "cluster-index";
    /** Per-period tallies, key {@code dyad|period}. */
    public static final String TALLIES = "tallies";
    /** Per-dyad timeline, key dyad. */
    public static final String TIMELINES = "timelines";
    /** Per-period results ({@link io.dyadwatch.model.assessment.PeriodResult}), key {@code dyad|period}: history. */
    public static final String HISTORY = "history";
    /** The latest assessment of each dyad, key dyad. */
    public static final String ASSESSMENTS = "assessments";
    /** Changes waiting for the next assessment ({@link PendingChanges}), key dyad. */
    public static final String PENDING = "pending";
    /** The task's event clock (latest occurredAt seen), for replays. */
    public static final String CLOCK = "clock";

    private Stores() {
    }
}
