package io.dyadwatch.streams;

import io.dyadwatch.model.assessment.Scenario;
import java.util.EnumMap;
import java.util.Map;

/** The binary serdes of the topology's internal state records (see {@link StateSerde} for the format). */
final class StateSerdes {

    static final StateSerde<ReportRef> REPORT = new StateSerde<>(ReportRef.class, (v, out) -> {
        out.string(v.clusterId());
        out.writeLong(v.firstSeen());
    }, in -> new ReportRef(in.string(), in.readLong()));

    static final StateSerde<ClusterIds> CLUSTER_IDS = new StateSerde<>(ClusterIds.class,
            (v, out) -> out.strings(v.ids()), in -> new ClusterIds(in.strings()));

    static final StateSerde<PendingChanges> PENDING = new StateSerde<>(PendingChanges.class, (v, out) -> {
        out.string(v.from());
        out.strings(v.clusterIds());
        out.writeLong(v.timestamp());
    }, in -> new PendingChanges(in.string(), in.strings(), in.readLong()));

    static final StateSerde<DyadTimeline> TIMELINE = new StateSerde<>(DyadTimeline.class, (v, out) -> {
        out.string(v.first());
        out.string(v.current());
        out.writeLong(v.revision());
        out.writeInt(v.published().size());
        for (Map.Entry<Scenario, Double> e : v.published().entrySet()) {
            out.string(e.getKey().name());
            out.writeDouble(e.getValue());
        }
    }, in -> {
        String first = in.string();
        String current = in.string();
        long revision = in.readLong();
        int n = in.readInt();
        Map<Scenario, Double> published = new EnumMap<>(Scenario.class);
        for (int i = 0; i < n; i++) {
            published.put(Scenario.valueOf(in.string()), in.readDouble());
        }
        return new DyadTimeline(first, current, revision, published);
    });

    /** Counts and weighted sums share their indicator ids: each id is written once, a missing value as -1 / NaN. */
    static final StateSerde<PeriodTally> TALLY = new StateSerde<>(PeriodTally.class, (v, out) -> {
        out.writeLong(v.events());
        java.util.Set<String> ids = new java.util.LinkedHashSet<>(v.weighted().keySet());
        ids.addAll(v.counts().keySet());
        out.writeInt(ids.size());
        for (String id : ids) {
            out.string(id);
            out.writeLong(v.counts().getOrDefault(id, -1L));
            out.writeDouble(v.weighted().getOrDefault(id, Double.NaN));
        }
        out.list(v.top(), (r, o) -> {
            o.string(r.clusterId());
            o.writeDouble(r.weight());
            o.writeLong(r.occurredAtMs());
        });
        out.writeLong(v.revision());
    }, in -> {
        long events = in.readLong();
        int n = in.readInt();
        Map<String, Long> counts = new java.util.HashMap<>(n * 2);
        Map<String, Double> weighted = new java.util.HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            String id = in.string();
            long count = in.readLong();
            double weight = in.readDouble();
            if (count >= 0) {
                counts.put(id, count);
            }
            if (!Double.isNaN(weight)) {
                weighted.put(id, weight);
            }
        }
        return new PeriodTally(events, counts, weighted,
                in.list(i -> new PeriodTally.Ranked(i.string(), i.readDouble(), i.readLong())), in.readLong());
    });

    static final StateSerde<ClusterState> CLUSTER = new StateSerde<>(ClusterState.class, (v, out) -> {
        out.string(v.id());
        out.string(v.type());
        out.instant(v.occurredAt());
        out.string(v.period());
        out.string(v.name());
        out.string(v.location());
        out.string(v.summary());
        out.list(v.sources(), (s, o) -> {
            o.string(s.name());
            o.string(s.url());
            o.string(s.grade());
        });
        out.strings(v.reportIds());
        out.writeLong(v.reports());
        out.strings(v.indicators());
        out.writeDouble(v.weight());
        out.writeLong(v.firstSeen());
    }, in -> new ClusterState(in.string(), in.string(), in.instant(), in.string(), in.string(), in.string(),
            in.string(), in.list(i -> new ClusterState.SourceRef(i.string(), i.string(), i.string())), in.strings(),
            in.readLong(), in.strings(), in.readDouble(), in.readLong()));

    private StateSerdes() {
    }
}
