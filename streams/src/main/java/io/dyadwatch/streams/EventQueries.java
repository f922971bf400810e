package io.dyadwatch.streams;

import io.dyadwatch.model.assessment.EvidenceItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;

/** Interactive queries on the events (merged reports) the topology holds. */
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
        StateQueryResult<KeyValueIterator<String, ClusterState>> result = streams.query(StateQueryRequest
                .inStore(Stores.CLUSTERS)
                .withQuery(RangeQuery.<String, ClusterState>withRange(dyad + "|", dyad + "|\uffff")));
        List<ClusterState> clusters = new ArrayList<>();
        result.getPartitionResults().values().forEach(partition -> {
            if (partition.isSuccess()) {
                try (KeyValueIterator<String, ClusterState> it = partition.getResult()) {
                    it.forEachRemaining(kv -> {
                        if (type == null || kv.value.type().equals(type)) {
                            clusters.add(kv.value);
                        }
                    });
                }
            }
        });
        clusters.sort(Comparator.comparing(ClusterState::occurredAt).reversed());
        return clusters.stream().limit(limit).map(ClusterState::evidence).toList();
    }
}
