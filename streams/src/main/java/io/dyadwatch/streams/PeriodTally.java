package io.dyadwatch.streams;

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
 * @param weighted weighted sum per indicator
 * @param top      the heaviest events with their weights, heaviest first
 * @param revision incremented on every change
 * @param covered  the period's days covered by a collection (day 0 is its first day): absence counts for these only
 */
record PeriodTally(long events, Map<String, Long> counts, Map<String, Double> weighted, List<Ranked> top,
        long revision, BitSet covered) {

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
    }

    static final PeriodTally EMPTY = new PeriodTally(0, Map.of(), Map.of(), List.of(), 0, new BitSet());

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

    /** With days {@code from} to {@code to} (inclusive, days of the period) covered; itself when they already were. */
    PeriodTally withCovered(int from, int to) {
        if (covered.get(from, to + 1).cardinality() == to - from + 1) {
            return this;
        }
        BitSet more = (BitSet) covered.clone();
        more.set(from, to + 1);
        return new PeriodTally(events, counts, weighted, top, revision + 1, more);
    }

    /** With one more distinct event. */
    PeriodTally withEvent(String dyad, ClusterState cluster, int keep) {
        Map<String, Long> c = new HashMap<>(counts);
        Map<String, Double> w = new HashMap<>(weighted);
        for (String indicator : cluster.indicators()) {
            c.merge(indicator, 1L, Long::sum);
            w.merge(indicator, cluster.weight(), Double::sum);
        }
        return new PeriodTally(events + 1, c, w, ranked(dyad, cluster, keep), revision + 1, covered);
    }

    /** With an event's weight changed by corroboration. */
    PeriodTally withWeightChange(String dyad, ClusterState cluster, double delta, int keep) {
        Map<String, Double> w = new HashMap<>(weighted);
        for (String indicator : cluster.indicators()) {
            w.merge(indicator, delta, Double::sum);
        }
        return new PeriodTally(events, counts, w, ranked(dyad, cluster, keep), revision + 1, covered);
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
