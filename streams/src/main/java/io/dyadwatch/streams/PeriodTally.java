package io.dyadwatch.streams;

import io.dyadwatch.catalog.model.KindCounts;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one dyad did in one period: event and indicator counts, weighted sums, and the heaviest events (a
 * bounded list, so state does not grow with the number of events).
 *
 * @param events   distinct events (after de-duplication and corroboration)
 * @param counts   events per indicator
 * @param weighted confirmed weighed events on covered days per <em>kind</em>, the set of indicators each matched
 *                 ({@code KindCounts.key}: ids sorted, joined by +): what the model counts, one observation per event
 * @param top      the heaviest events with their weights, heaviest first
 * @param revision incremented on every change
 * @param covered  the period's days covered by a weighed channel's collection (day 0 is its first day): presence
 *                 and absence count for these only
 * @param pending  the same per kind for the weighed events on days NOT covered, by day of the period: shown
 *                 as evidence, not counted; moved into {@code weighted} if a later declaration covers their day
 */
record PeriodTally(long events, Map<String, Long> counts, Map<String, Double> weighted, List<Ranked> top,
        long revision, BitSet covered, Map<Integer, Map<String, Double>> pending) {

    /** An event's key, weight and indicators, with its time to break ties (newer first). */
    record Ranked(StateKey.OfEvent key, double weight, long occurredAtMs, List<String> indicators) {
        Ranked {
            indicators = List.copyOf(indicators);
        }
    }

    PeriodTally {
        counts = Map.copyOf(counts);
        weighted = Map.copyOf(weighted);
        top = List.copyOf(top);
        covered = (BitSet) covered.clone();
        Map<Integer, Map<String, Double>> days = new java.util.TreeMap<>();
        pending.forEach((day, sums) -> {
            if (day < 0 || day > MAX_DAY) {
                throw new IllegalArgumentException("day " + day + " is outside a period");
            }
            days.put(day, Map.copyOf(sums));
        });
        pending = java.util.Collections.unmodifiableMap(days);
    }

    /** The last day index a period can have (a year of 366 days). */
    static final int MAX_DAY = 365;

    static final PeriodTally EMPTY = new PeriodTally(0, Map.of(), Map.of(), List.of(), 0, new BitSet(), Map.of());

    /** The covered days (a copy). */
    @Override
    public BitSet covered() {
        return (BitSet) covered.clone();
    }

    /** Covered days up to and including day {@code last} of the period (none for a negative last). */
    int coveredDays(int last) {
        if (last < 0) {
            return 0;
        }
        return last >= covered.length() ? covered.cardinality() : covered.get(0, last + 1).cardinality();
    }

    /** The counted events per indicator: each kind's count added to each of its indicators (for display). */
    Map<String, Double> indicatorValues() {
        Map<String, Double> values = new HashMap<>();
        weighted.forEach((kind, value) -> {
            for (String indicator : KindCounts.parseKey(kind)) {
                values.merge(indicator, value, Double::sum);
            }
        });
        return values;
    }

    /** The counted events by kind, for the model (negative sums, from rounding, as 0). */
    KindCounts kinds() {
        if (weighted.isEmpty()) {
            return KindCounts.none();
        }
        Map<List<String>, Double> kinds = new HashMap<>();
        weighted.forEach((kind, value) -> kinds.put(KindCounts.parseKey(kind), Math.max(0, value)));
        return new KindCounts(kinds);
    }

    /** True when day {@code day} of the period is covered. */
    boolean isCovered(int day) {
        return covered.get(day);
    }

    /**
     * With days {@code from} to {@code to} (inclusive, days of the period) covered; itself when they already were.
     * The weights of events on newly covered days move from {@code pending} into the counted sums.
     */
    PeriodTally withCovered(int from, int to) {
        if (covered.get(from, to + 1).cardinality() == to - from + 1) {
            return this;
        }
        BitSet more = (BitSet) covered.clone();
        more.set(from, to + 1);
        if (pending.isEmpty()) {
            return new PeriodTally(events, counts, weighted, top, revision + 1, more, pending);
        }
        Map<String, Double> w = new HashMap<>(weighted);
        Map<Integer, Map<String, Double>> still = new HashMap<>();
        pending.forEach((day, sums) -> {
            if (day >= from && day <= to) {
                sums.forEach((kind, value) -> w.merge(kind, value, Double::sum));
            } else {
                still.put(day, sums);
            }
        });
        return new PeriodTally(events, counts, w, top, revision + 1, more, still);
    }

    /** With one more distinct event, on day {@code day} of the period. */
    PeriodTally withEvent(String dyad, ClusterState cluster, int keep, int day) {
        Map<String, Long> c = new HashMap<>(counts);
        for (String indicator : cluster.indicators()) {
            c.merge(indicator, 1L, Long::sum);
        }
        return withWeights(c, cluster, cluster.weight(), day).ranking(dyad, cluster, keep, events + 1);
    }

    /** With an event's weight changed by corroboration (it happened on day {@code day} of the period). */
    PeriodTally withWeightChange(String dyad, ClusterState cluster, double delta, int keep, int day) {
        return withWeights(counts, cluster, delta, day).ranking(dyad, cluster, keep, events);
    }

    /** The event's weight change added to the counted sums when its day is covered, to {@code pending} otherwise. */
    private PeriodTally withWeights(Map<String, Long> c, ClusterState cluster, double delta, int day) {
        if (delta == 0 || cluster.indicators().isEmpty()) {
            return new PeriodTally(events, c, weighted, top, revision, covered, pending);
        }
        String kind = KindCounts.key(cluster.indicators());
        if (covered.get(day)) {
            Map<String, Double> w = new HashMap<>(weighted);
            w.merge(kind, delta, Double::sum);
            return new PeriodTally(events, c, w, top, revision, covered, pending);
        }
        Map<Integer, Map<String, Double>> p = new HashMap<>(pending);
        Map<String, Double> sums = new HashMap<>(p.getOrDefault(day, Map.of()));
        sums.merge(kind, delta, Double::sum);
        p.put(day, sums);
        return new PeriodTally(events, c, weighted, top, revision, covered, p);
    }

    private PeriodTally ranking(String dyad, ClusterState cluster, int keep, long eventCount) {
        return new PeriodTally(eventCount, counts, weighted, ranked(dyad, cluster, keep), revision + 1, covered,
                pending);
    }

    private List<Ranked> ranked(String dyad, ClusterState cluster, int keep) {
        List<Ranked> list = new ArrayList<>(top.size() + 1);
        for (Ranked r : top) {
            if (!r.key().id().equals(cluster.id())) {
                list.add(r);
            }
        }
        list.add(new Ranked(cluster.key(dyad), cluster.weight(), cluster.occurredAt().toEpochMilli(),
                cluster.indicators()));
        list.sort(Comparator.comparingDouble(Ranked::weight).reversed()
                .thenComparing(Comparator.comparingLong(Ranked::occurredAtMs).reversed()));
        return list.subList(0, Math.min(keep, list.size()));
    }
}
