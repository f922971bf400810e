package io.dyadwatch.streams;

import io.dyadwatch.model.assessment.Assessment;
import io.dyadwatch.model.assessment.EvidenceItem;
import io.dyadwatch.model.assessment.Period;
import io.dyadwatch.model.assessment.PeriodResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;

/** Interactive queries on what the analyst holds: events (merged reports), per-period history, assessments. */
public final class EventQueries {

    private EventQueries() {
    }

    /**
     * The events of a dyad held by this instance, newest first by occurredAt, with their sources merged.
     *
     * @param type  an event type name to keep, or null for all
     * @param limit at most this many
     */
    public static List<EvidenceItem> recentEvents(KafkaStreams streams, String dyad, String type, int limit) {
        List<ClusterState> events = range(streams, AnalystStores.EVENTS,
                new StateKey.OfEvent(dyad, "", "", Long.MIN_VALUE, ""),
                new StateKey.OfEvent(dyad, "\uffff", "", Long.MAX_VALUE, ""));
        return events.stream().filter(e -> type == null || e.type().equals(type))
                .sorted(Comparator.comparing(ClusterState::occurredAt).reversed())
                .limit(limit).map(ClusterState::evidence).toList();
    }

    /** A dyad's per-period results from {@code from} to {@code to}, inclusive, held by this instance. */
    public static List<PeriodResult> history(KafkaStreams streams, String dyad, Period from, Period to) {
        return range(streams, AnalystStores.HISTORY, new StateKey.OfPeriod(dyad, from), new StateKey.OfPeriod(dyad, to));
    }

    /** Every latest assessment held by this instance. */
    public static List<Assessment> assessments(KafkaStreams streams) {
        StateQueryResult<KeyValueIterator<String, Assessment>> result = streams.query(StateQueryRequest
                .inStore(AnalystStores.ASSESSMENTS).withQuery(RangeQuery.<String, Assessment>withNoBounds()));
        List<Assessment> all = new ArrayList<>();
        result.getPartitionResults().values().forEach(partition -> {
            if (partition.isSuccess()) {
                try (KeyValueIterator<String, Assessment> it = partition.getResult()) {
                    it.forEachRemaining(kv -> all.add(kv.value));
                }
            }
        });
        return all;
    }

    private static <K, V> List<V> range(KafkaStreams streams, String store, K from, K to) {
        StateQueryResult<KeyValueIterator<K, V>> result = streams.query(StateQueryRequest.inStore(store)
                .withQuery(RangeQuery.<K, V>withRange(from, to)));
        List<V> values = new ArrayList<>();
        result.getPartitionResults().values().forEach(partition -> {
            if (partition.isSuccess()) {
                try (KeyValueIterator<K, V> it = partition.getResult()) {
                    it.forEachRemaining(kv -> values.add(kv.value));
                }
            }
        });
        return values;
    }
}
