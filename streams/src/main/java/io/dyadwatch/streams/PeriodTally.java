package io.dyadwatch.streams;

import java.util.ArrayList;
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
 */
record PeriodTally(long events, Map<String, Long> counts, Map<String, Double> weighted, List<Ranked> top,
        long revision) {

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
    }

    static final PeriodTally EMPTY = new PeriodTally(0, Map.of(), Map.of(), List.of(), 0);

    /** With one more distinct event. */
    PeriodTally withEvent(String dyad, ClusterState cluster, int keep) {
        Map<String, Long> c = new HashMap<>(counts);
        Map<String, Double> w = new HashMap<>(weighted);
        for (String indicator : cluster.indicators()) {
            c.merge(indicator, 1L, Long::sum);
            w.merge(indicator, cluster.weight(), Double::sum);
        }
        return new PeriodTally(events + 1, c, w, ranked(dyad, cluster, keep), revision + 1);
    }

    /** With an event's weight changed by corroboration. */
    PeriodTally withWeightChange(String dyad, ClusterState cluster, double delta, int keep) {
        Map<String, Double> w = new HashMap<>(weighted);
        for (String indicator : cluster.indicators()) {
            w.merge(indicator, delta, Double::sum);
        }
        return new PeriodTally(events, counts, w, ranked(dyad, cluster, keep), revision + 1);
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
