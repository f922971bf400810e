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

    static final StateSerde<PeriodTally> TALLY = new StateSerde<>(PeriodTally.class, (v, out) -> {
        out.writeLong(v.events());
        out.longs(v.counts());
        out.doubles(v.weighted());
        out.list(v.top(), (r, o) -> {
            o.string(r.clusterId());
            o.writeDouble(r.weight());
            o.writeLong(r.occurredAtMs());
        });
        out.writeLong(v.revision());
    }, in -> new PeriodTally(in.readLong(), in.longs(), in.doubles(),
            in.list(i -> new PeriodTally.Ranked(i.string(), i.readDouble(), i.readLong())), in.readLong()));

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
