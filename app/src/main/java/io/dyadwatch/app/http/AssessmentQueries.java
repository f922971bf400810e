package io.dyadwatch.app.http;

import io.dyadwatch.model.assessment.Assessment;
import io.dyadwatch.model.assessment.PeriodResult;
import io.dyadwatch.model.assessment.PeriodUnit;
import io.dyadwatch.streams.AnalystStores;
import io.dyadwatch.streams.EventQueries;
import io.dyadwatch.model.assessment.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Interactive queries (IQv2) on the topology's stores. Keys live with the task that owns their dyad, so every
 * query is routed by dyad: {@link #owner(String)} tells which instance holds it; the HTTP layer forwards
 * the request there when it is another instance.
 */
public final class AssessmentQueries {

    private final KafkaStreams streams;
    private final HostInfo self;

    public AssessmentQueries(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    /** The instance holding a dyad's state, or empty when this one does (or no instance is known yet). */
    public Optional<HostInfo> owner(String dyad) {
        KeyQueryMetadata metadata = streams.queryMetadataForKey(AnalystStores.ASSESSMENTS, dyad, new StringSerializer());
        if (metadata == null || metadata.activeHost() == null || metadata.activeHost().equals(HostInfo.unavailable())
                || metadata.activeHost().equals(self)) {
            return Optional.empty();
        }
        return Optional.of(metadata.activeHost());
    }

    /** Other instances of this application, for fan-out queries. */
    public List<HostInfo> otherInstances() {
        List<HostInfo> hosts = new ArrayList<>();
        for (StreamsMetadata metadata : streams.metadataForAllStreamsClients()) {
            if (!metadata.hostInfo().equals(self) && !metadata.hostInfo().equals(HostInfo.unavailable())) {
                hosts.add(metadata.hostInfo());
            }
        }
        return hosts;
    }

    /** The latest assessment of a dyad held here. */
    public Optional<Assessment> assessment(String dyad) {
        return Optional.ofNullable(get(AnalystStores.ASSESSMENTS, dyad, dyad));
    }

    /** Every assessment held by this instance. */
    public List<Assessment> localAssessments() {
        return EventQueries.assessments(streams);
    }

    /** Per-period results of a dyad from {@code from} to {@code to} (labels of the given unit), held here. */
    public List<PeriodResult> history(String dyad, PeriodUnit unit, String from, String to) {
        return EventQueries.history(streams, dyad, Period.parse(from, unit), Period.parse(to, unit));
    }

    /** The events of a dyad held here, newest first. */
    public List<io.dyadwatch.model.assessment.EvidenceItem> events(String dyad, String type, int limit) {
        return io.dyadwatch.streams.EventQueries.recentEvents(streams, dyad, type, limit);
    }

    private <V> V get(String store, String dyad, String key) {
        KeyQueryMetadata metadata = streams.queryMetadataForKey(store, dyad, new StringSerializer());
        StateQueryRequest<V> request = StateQueryRequest.inStore(store).withQuery(KeyQuery.<String, V>withKey(key));
        if (metadata != null && metadata.partition() >= 0) {
            request = request.withPartitions(Set.of(metadata.partition()));
        }
        StateQueryResult<V> result = streams.query(request);
        for (QueryResult<V> partition : result.getPartitionResults().values()) {
            if (partition.isSuccess() && partition.getResult() != null) {
                return partition.getResult();
            }
        }
        return null;
    }
}
