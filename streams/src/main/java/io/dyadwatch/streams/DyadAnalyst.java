package io.dyadwatch.streams;

import io.dyadwatch.catalog.SourceWeighting;
import io.dyadwatch.catalog.model.CusumState;
import io.dyadwatch.catalog.model.CusumThresholds;
import io.dyadwatch.catalog.model.IndicatorContribution;
import io.dyadwatch.catalog.model.ScenarioModel;
import io.dyadwatch.model.assessment.Assessment;
import io.dyadwatch.model.assessment.Driver;
import io.dyadwatch.model.assessment.EvidenceItem;
import io.dyadwatch.model.assessment.IndicatorValue;
import io.dyadwatch.model.assessment.PeriodResult;
import io.dyadwatch.model.assessment.PeriodUnit;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The analyst of every dyad on this task, keyed by dyad. For each event: counts it once (de-duplication by id),
 * merges reports of one real-world event from several sources (corroboration), adds it to the indicators of
 * the period it belongs to by event time, and re-assesses the dyad: scenario probabilities for the current
 * period and the trailing horizon, and the CUSUM change statistics, recomputed from the event's period onward
 * when the report is late. Periods close on the clock, not only when events arrive, so silence is evidence.
 */
final class DyadAnalyst implements Processor<String, Event, String, Output> {

    private static final double MIN_EXPOSURE_DAYS = 1;

    private final ScenarioModel model;
    private final SourceWeighting weighting;
    private final PeriodUnit unit;
    private final double unitExposure;
    private final StreamsSettings settings;
    private final PipelineMeters meters;
    private final AssessmentGauges gauges;
    private final Map<String, Dyad> dyads = new HashMap<>();
    private ProcessorContext<String, Output> context;
    private KeyValueStore<String, ReportRef> reports;
    private CachedStore<ClusterState> clusters;
    private CachedStore<ClusterIds> clusterIndex;
    private CachedStore<PeriodTally> tallies;
    private CachedStore<DyadTimeline> timelines;
    private CachedStore<PeriodResult> history;
    private KeyValueStore<String, Assessment> latest;
    private CachedStore<Long> clock;
    private CachedStore<PendingChanges> pending;

    DyadAnalyst(ScenarioModel model, StreamsSettings settings, MeterRegistry registry, AssessmentGauges gauges) {
        this.model = model;
        this.weighting = model.catalog().sourceWeighting();
        this.unit = settings.period();
        this.unitExposure = switch (unit) {
            case MONTH -> 1.0 / 3;
            case QUARTER -> 1.0;
            case YEAR -> 4.0;
        };
        this.settings = settings;
        this.meters = new PipelineMeters(registry);
        this.gauges = gauges;
    }

    @Override
    public void init(ProcessorContext<String, Output> context) {
        this.context = context;
        reports = context.getStateStore(Stores.REPORTS);
        clusters = new CachedStore<>(context.getStateStore(Stores.CLUSTERS), 10_000);
        clusterIndex = new CachedStore<>(context.getStateStore(Stores.CLUSTER_INDEX), 10_000);
        tallies = new CachedStore<>(context.getStateStore(Stores.TALLIES), 1_000);
        timelines = new CachedStore<>(context.getStateStore(Stores.TIMELINES), 1_000);
        history = new CachedStore<>(context.getStateStore(Stores.HISTORY), 1_000);
        latest = context.getStateStore(Stores.ASSESSMENTS);
        clock = new CachedStore<>(context.getStateStore(Stores.CLOCK), 1);
        pending = new CachedStore<>(context.getStateStore(Stores.PENDING), 1_000);
        context.schedule(settings.assessmentInterval(), PunctuationType.WALL_CLOCK_TIME, nowMs -> assessPending());
        if (!settings.eventClock()) {
            context.schedule(settings.clockInterval(), PunctuationType.WALL_CLOCK_TIME, this::onClockTick);
        }
        context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, this::forgetExpired);
    }

    @Override
    public void process(Record<String, Event> record) {
        String dyad = record.key();
        Event event = record.value();
        String reportKey = dyad + "|" + event.id();
        if (reports.get(reportKey) != null) {
            meters.duplicate();
            return;
        }
        long now = context.currentSystemTimeMs();
        String period = unit.labelOf(event.occurredAt());
        ClusterState match = findCluster(dyad, event);
        ClusterState cluster;
        PeriodTally tally = tallies.get(dyad + "|" + period);
        tally = tally == null ? PeriodTally.EMPTY : tally;
        int keep = settings.evidenceSize() * 2;
        if (match == null) {
            cluster = ClusterState.first(event, period, model.catalog().indicatorsFor(event), weighting, now);
            indexCluster(dyad, cluster);
            tally = tally.withEvent(cluster, keep);
        } else {
            cluster = match.withReport(event, weighting);
            PeriodTally before = tallies.get(dyad + "|" + match.period());
            period = match.period();
            tally = before == null ? PeriodTally.EMPTY : before;
            double delta = cluster.weight() - match.weight();
            if (cluster.corroboration() > match.corroboration()) {
                meters.corroborated();
            } else {
                meters.repeatedStory();
            }
            tally = tally.withWeightChange(cluster, delta, keep);
        }
        clusters.put(dyad + "|" + cluster.id(), cluster);
        reports.put(reportKey, new ReportRef(cluster.id(), now));
        tallies.put(dyad + "|" + period, tally);
        String previousClockPeriod = null;
        if (settings.eventClock()) {
            Long clockMs = clock.get("clock");
            previousClockPeriod = clockMs == null ? null : unit.labelOf(Instant.ofEpochMilli(clockMs));
            if (clockMs == null || event.occurredAt().toEpochMilli() > clockMs) {
                clock.put("clock", event.occurredAt().toEpochMilli());
            }
        }
        PendingChanges waiting = pending.get(dyad);
        waiting = waiting == null
                ? new PendingChanges(period, List.of(cluster.id()), record.timestamp())
                : waiting.with(period, cluster.id(), record.timestamp());
        pending.put(dyad, waiting);
        if (settings.eventClock() && previousClockPeriod != null
                && currentPeriod().compareTo(previousClockPeriod) > 0) {
            closeSilentDyads(dyad, record.timestamp());
        }
        if (waiting.clusterIds().size() >= settings.assessmentMaxPending()) {
            assess(dyad, waiting);
        }
    }

    /** Assesses every dyad with changes waiting: the punctuator that coalesces per-event work. */
    private void assessPending() {
        List<KeyValue<String, PendingChanges>> all = new ArrayList<>();
        try (KeyValueIterator<String, PendingChanges> it = pending.store().all()) {
            it.forEachRemaining(all::add);
        }
        for (KeyValue<String, PendingChanges> entry : all) {
            assess(entry.key, pending.get(entry.key));
        }
        if (!all.isEmpty()) {
            // under exactly-once, assessments are visible downstream once committed: commit now rather than at
            // the next commit interval, which would add up to that interval to every alert's latency
            context.commit();
        }
    }

    /**
     * Publishes the indicator values the waiting events changed, re-assesses the dyad from the earliest period
     * they touched, with all of them as triggers, and clears them.
     */
    private void assess(String dyad, PendingChanges changes) {
        if (changes == null) {
            return;
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        List<EvidenceItem> triggers = new ArrayList<>(changes.clusterIds().size());
        Set<String> published = new HashSet<>();
        String latestTouched = changes.from();
        for (String clusterId : changes.clusterIds()) {
            ClusterState cluster = clusters.get(dyad + "|" + clusterId);
            if (cluster == null) {
                continue;
            }
            triggers.add(cluster.evidence());
            if (cluster.period().compareTo(latestTouched) > 0) {
                latestTouched = cluster.period();
            }
            PeriodTally tally = tallyOf(dyad, cluster.period());
            for (String indicator : cluster.indicators()) {
                if (published.add(cluster.period() + "|" + indicator)) {
                    IndicatorValue value = new IndicatorValue(dyad, indicator, cluster.period(),
                            tally.counts().getOrDefault(indicator, 0L),
                            Math.max(0, tally.weighted().getOrDefault(indicator, 0.0)), tally.revision(), now);
                    context.forward(new Record<String, Output>(value.key(), new Output.IndicatorOut(value),
                            changes.timestamp()));
                }
            }
        }
        pending.delete(dyad);
        reassess(dyad, changes.from(), latestTouched, triggers, changes.timestamp());
    }

    private ClusterState findCluster(String dyad, Event event) {
        if (ClusterState.normalised(event.attribute("name")) == null
                && ClusterState.normalised(event.attribute("location")) == null) {
            return null;
        }
        LocalDate day = LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC);
        long window = settings.corroborationWindow().toDays();
        for (long offset = -window; offset <= window; offset++) {
            ClusterIds ids = clusterIndex.get(indexKey(dyad, event.type().name(), day.plusDays(offset)));
            if (ids == null) {
                continue;
            }
            for (String id : ids.ids()) {
                ClusterState candidate = clusters.get(dyad + "|" + id);
                if (candidate != null && candidate.sameEventAs(event)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private void indexCluster(String dyad, ClusterState cluster) {
        if (cluster.name() == null && cluster.location() == null) {
            return;
        }
        String key = indexKey(dyad, cluster.type(), LocalDate.ofInstant(cluster.occurredAt(), ZoneOffset.UTC));
        ClusterIds ids = clusterIndex.get(key);
        List<String> list = new ArrayList<>(ids == null ? List.of() : ids.ids());
        list.add(cluster.id());
        clusterIndex.put(key, new ClusterIds(list));
    }

    private static String indexKey(String dyad, String type, LocalDate day) {
        return dyad + "|" + type + "|" + day;
    }

    /** The current period on this task's clock. */
    private String currentPeriod() {
        if (settings.eventClock()) {
            Long clockMs = clock.get("clock");
            return unit.labelOf(Instant.ofEpochMilli(clockMs == null ? 0 : clockMs));
        }
        return unit.labelOf(Instant.ofEpochMilli(context.currentSystemTimeMs()));
    }

    /** Share of the current period observed, in the catalog's unit (a quarter). */
    private double currentExposure(String current) {
        Instant start = unit.startOf(current);
        Instant end = unit.endOf(current);
        long nowMs;
        if (settings.eventClock()) {
            Long clockMs = clock.get("clock");
            nowMs = clockMs == null ? start.toEpochMilli() : clockMs;
        } else {
            nowMs = context.currentSystemTimeMs();
        }
        double length = end.toEpochMilli() - start.toEpochMilli();
        double elapsed = Math.max(Duration.ofDays((long) MIN_EXPOSURE_DAYS).toMillis(), nowMs - start.toEpochMilli());
        return unitExposure * Math.min(1.0, elapsed / length);
    }

    /**
     * Recomputes the dyad's periods from {@code fromPeriod} to the current one and publishes the assessment. The
     * CUSUM chain stops early once a recomputed period past {@code latestTouched} ends in the statistics already
     * stored for it: every later complete period then has the same tally and the same starting point, so the
     * same result.
     *
     * @param latestTouched the latest period whose tally changed (the chain cannot stop before it)
     * @param triggers      the events that caused it, empty for a clock tick
     */
    private void reassess(String dyadKey, String fromPeriod, String latestTouched, List<EvidenceItem> triggers,
            long timestamp) {
        Dyad dyad = dyads.computeIfAbsent(dyadKey, Dyad::parse);
        DyadTimeline timeline = timelines.get(dyadKey);
        String current = currentPeriod();
        if (fromPeriod.compareTo(current) > 0) {
            current = fromPeriod;
        }
        if (timeline != null && timeline.current().compareTo(current) > 0) {
            current = timeline.current();
        }
        String first;
        String start;
        CusumState cusum;
        if (timeline == null || fromPeriod.compareTo(timeline.first()) < 0) {
            first = fromPeriod;
            start = first;
            cusum = CusumState.initial();
        } else {
            first = timeline.first();
            start = fromPeriod.compareTo(timeline.current()) < 0 ? fromPeriod : timeline.current();
            cusum = start.equals(first) ? CusumState.initial() : cusumAfter(dyadKey, unit.previous(start));
        }
        String stored = timeline == null ? null : timeline.current();
        for (String q = start; q.compareTo(current) < 0; q = unit.next(q)) {
            Step step = storeResult(dyad, q, unitExposure, cusum);
            cusum = step.cusum;
            if (stored != null && q.compareTo(latestTouched) >= 0 && unit.next(q).compareTo(stored) < 0
                    && step.previous != null && sameStatistics(step.previous.changeStatistics(), cusum)) {
                q = unit.previous(stored); // the loop goes on from the first period without a complete result
                cusum = cusumAfter(dyadKey, q);
            }
        }
        double exposure = currentExposure(current);
        Step now = storeResult(dyad, current, exposure, cusum);

        CusumThresholds thresholds = model.thresholds(dyad);
        Map<Scenario, Double> change = new EnumMap<>(Scenario.class);
        Map<Scenario, Double> limits = new EnumMap<>(Scenario.class);
        for (Scenario s : CusumState.MONITORED) {
            change.put(s, now.cusum.statistic(s));
            limits.put(s, thresholds.threshold(s));
        }
        Horizon horizon = horizon(dyad, current, exposure);
        List<Driver> drivers = drivers(horizon.assessment);
        long revision = timeline == null ? 1 : timeline.revision() + 1;
        Assessment assessment = new Assessment(dyadKey, current, exposure / unitExposure, revision,
                Instant.ofEpochMilli(context.currentSystemTimeMs()), now.tally.events(), now.tally.weighted(),
                now.assessment.posterior(), horizon.assessment.posterior(), settings.horizonPeriods(), change, limits,
                drivers, explanations(drivers), evidence(dyadKey, horizon.tallies, drivers, change, limits), triggers);
        timelines.put(dyadKey, new DyadTimeline(first, current, revision, change));
        latest.put(dyadKey, assessment);
        gauges.update(assessment);
        context.forward(new Record<String, Output>(dyadKey, new Output.AssessmentOut(assessment), timestamp));
    }

    private record Step(io.dyadwatch.catalog.model.Assessment assessment, CusumState cusum, PeriodTally tally,
            PeriodResult previous) {
    }

    private static boolean sameStatistics(Map<Scenario, Double> stored, CusumState computed) {
        for (Scenario s : CusumState.MONITORED) {
            Double before = stored.get(s);
            if (before == null || Math.abs(before - computed.statistic(s)) > 1e-12) {
                return false;
            }
        }
        return true;
    }

    private record Horizon(io.dyadwatch.catalog.model.Assessment assessment, List<PeriodTally> tallies) {
    }

    private Step storeResult(Dyad dyad, String period, double exposure, CusumState before) {
        String key = dyad.key() + "|" + period;
        PeriodTally tally = tallies.get(key);
        tally = tally == null ? PeriodTally.EMPTY : tally;
        io.dyadwatch.catalog.model.Assessment assessment = model.assess(dyad, positive(tally.weighted()), exposure);
        CusumState after = before.step(assessment);
        PeriodResult previous = history.get(key);
        history.put(key, new PeriodResult(dyad.key(), period, exposure / unitExposure, tally.events(), tally.weighted(),
                assessment.posterior(), after.statistics(), previous == null ? 1 : previous.revision() + 1));
        return new Step(assessment, after, tally, previous);
    }

    private CusumState cusumAfter(String dyadKey, String period) {
        PeriodResult result = history.get(dyadKey + "|" + period);
        return result == null ? CusumState.initial() : new CusumState(result.changeStatistics(), 0);
    }

    private Horizon horizon(Dyad dyad, String current, double currentExposure) {
        Map<String, Double> sum = new HashMap<>();
        List<PeriodTally> periods = new ArrayList<>();
        String q = current;
        for (int i = 0; i < settings.horizonPeriods(); i++) {
            PeriodTally tally = tallyOf(dyad.key(), q);
            periods.add(tally);
            tally.weighted().forEach((k, v) -> sum.merge(k, v, Double::sum));
            q = unit.previous(q);
        }
        double exposure = currentExposure + unitExposure * (settings.horizonPeriods() - 1);
        return new Horizon(model.assess(dyad, positive(sum), exposure), periods);
    }

    private static Map<String, Double> positive(Map<String, Double> weighted) {
        Map<String, Double> clean = new HashMap<>();
        weighted.forEach((k, v) -> clean.put(k, Math.max(0, v)));
        return clean;
    }

    private static List<Driver> drivers(io.dyadwatch.catalog.model.Assessment assessment) {
        List<Driver> drivers = new ArrayList<>();
        for (Scenario s : CusumState.MONITORED) {
            for (IndicatorContribution c : assessment.drivers(s, 3)) {
                drivers.add(new Driver(s, c.indicatorId(), c.observed(), c.expected().get(Scenario.STATUS_QUO),
                        c.expected().get(s), c.llrVsStatusQuo().get(s), c.expectedButMissing(s)));
            }
        }
        return drivers;
    }

    private static List<String> explanations(List<Driver> drivers) {
        return drivers.stream().filter(d -> d.llr() > 0).map(Driver::explain).toList();
    }

    /**
     * The heaviest events of the horizon, those behind the leading scenario's drivers first. Events whose
     * clusters were forgotten (older than the de-duplication retention) are left out.
     */
    private List<EvidenceItem> evidence(String dyad, List<PeriodTally> periods, List<Driver> drivers,
            Map<Scenario, Double> change, Map<Scenario, Double> limits) {
        Scenario leading = CusumState.MONITORED.stream()
                .max(Comparator.comparingDouble(s -> change.get(s) / limits.get(s))).orElseThrow();
        Set<String> driving = new LinkedHashSet<>();
        drivers.stream().filter(d -> d.scenario() == leading && d.llr() > 0).forEach(d -> driving.add(d.indicator()));
        record Candidate(EvidenceItem evidence, double weight, long occurredAtMs) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (PeriodTally tally : periods) {
            for (PeriodTally.Ranked r : tally.top()) {
                ClusterState cluster = clusters.get(dyad + "|" + r.clusterId());
                if (cluster != null) {
                    candidates.add(new Candidate(cluster.evidence(), r.weight(), r.occurredAtMs()));
                }
            }
        }
        candidates.sort(Comparator
                .comparing((Candidate c) -> c.evidence().indicators().stream().noneMatch(driving::contains))
                .thenComparing(Comparator.comparingDouble(Candidate::weight).reversed())
                .thenComparing(Comparator.comparingLong(Candidate::occurredAtMs).reversed()));
        return candidates.stream().limit(settings.evidenceSize()).map(Candidate::evidence).toList();
    }

    /** Wall clock: re-assess dyads whose period ended or whose change statistics moved while they were silent. */
    private void onClockTick(long nowMs) {
        String now = unit.labelOf(Instant.ofEpochMilli(nowMs));
        List<KeyValue<String, DyadTimeline>> all = new ArrayList<>();
        try (KeyValueIterator<String, DyadTimeline> it = timelines.store().all()) {
            it.forEachRemaining(all::add);
        }
        for (KeyValue<String, DyadTimeline> entry : all) {
            DyadTimeline timeline = entry.value;
            if (!now.equals(timeline.current()) || statisticsMoved(entry.key, timeline)) {
                assess(entry.key, withPeriodToClose(entry.key, timeline.current(), nowMs));
            }
        }
    }

    private boolean statisticsMoved(String dyadKey, DyadTimeline timeline) {
        CusumState before = timeline.current().equals(timeline.first())
                ? CusumState.initial()
                : cusumAfter(dyadKey, unit.previous(timeline.current()));
        io.dyadwatch.catalog.model.Assessment assessment = model.assess(dyads.computeIfAbsent(dyadKey, Dyad::parse),
                positive(tallyOf(dyadKey, timeline.current()).weighted()), currentExposure(timeline.current()));
        CusumState provisional = before.step(assessment);
        for (Scenario s : CusumState.MONITORED) {
            double published = timeline.published().getOrDefault(s, 0.0);
            if (Math.abs(provisional.statistic(s) - published) > 0.05) {
                return true;
            }
        }
        return false;
    }

    private PeriodTally tallyOf(String dyadKey, String period) {
        PeriodTally tally = tallies.get(dyadKey + "|" + period);
        return tally == null ? PeriodTally.EMPTY : tally;
    }

    /**
     * Event clock: when replayed time enters a new period, the other dyads on this task close theirs too, at
     * their next assessment.
     */
    private void closeSilentDyads(String except, long timestamp) {
        String now = currentPeriod();
        List<KeyValue<String, DyadTimeline>> all = new ArrayList<>();
        try (KeyValueIterator<String, DyadTimeline> it = timelines.store().all()) {
            it.forEachRemaining(all::add);
        }
        for (KeyValue<String, DyadTimeline> entry : all) {
            if (!entry.key.equals(except) && entry.value.current().compareTo(now) < 0) {
                pending.put(entry.key, withPeriodToClose(entry.key, entry.value.current(), timestamp));
            }
        }
    }

    /** The dyad's waiting changes, with its period {@code from} to be closed (recomputed) as well. */
    private PendingChanges withPeriodToClose(String dyad, String from, long timestamp) {
        PendingChanges waiting = pending.get(dyad);
        return waiting == null ? PendingChanges.closing(from, timestamp) : waiting.with(from, null, timestamp);
    }

    /** Forgets reports and events first seen before the de-duplication retention. */
    private void forgetExpired(long nowMs) {
        long cutoff = nowMs - settings.dedupRetention().toMillis();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, ReportRef> it = reports.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value.firstSeen() < cutoff) {
                    expired.add(kv.key);
                }
            });
        }
        expired.forEach(reports::delete);
        List<KeyValue<String, ClusterState>> old = new ArrayList<>();
        try (KeyValueIterator<String, ClusterState> it = clusters.store().all()) {
            it.forEachRemaining(kv -> {
                if (kv.value.firstSeen() < cutoff) {
                    old.add(kv);
                }
            });
        }
        for (KeyValue<String, ClusterState> kv : old) {
            clusters.delete(kv.key);
            String dyad = kv.key.substring(0, kv.key.indexOf('|'));
            if (kv.value.name() != null || kv.value.location() != null) {
                String key = indexKey(dyad, kv.value.type(), LocalDate.ofInstant(kv.value.occurredAt(), ZoneOffset.UTC));
                ClusterIds ids = clusterIndex.get(key);
                if (ids != null) {
                    List<String> rest = new ArrayList<>(ids.ids());
                    rest.remove(kv.value.id());
                    if (rest.isEmpty()) {
                        clusterIndex.delete(key);
                    } else {
                        clusterIndex.put(key, new ClusterIds(rest));
                    }
                }
            }
        }
    }
}
