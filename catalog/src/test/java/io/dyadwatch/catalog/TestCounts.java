package io.dyadwatch.catalog;

import io.dyadwatch.catalog.counting.ReportMerger;
import io.dyadwatch.catalog.model.Quarter;
import io.dyadwatch.model.event.Event;
import java.time.LocalDate;
import java.util.HashMap;
import io.dyadwatch.catalog.model.KindCounts;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts per quarter as the pipeline makes them: reports merged into events, 1 per indicator of each confirmed event. */
public final class TestCounts {

    private TestCounts() {
    }

    /** Confirmed events per indicator in each quarter from {@code from} to {@code to} (every quarter present). */
    public static TreeMap<Quarter, Map<String, Double>> byQuarter(Catalog catalog, List<Event> reports, LocalDate from,
                                                                 LocalDate to) {
        TreeMap<Quarter, Map<String, Double>> counts = new TreeMap<>();
        for (Quarter q = Quarter.of(from); q.start().isBefore(to); q = q.next()) {
            counts.put(q, new HashMap<>());
        }
        for (ReportMerger.MergedEvent e : ReportMerger.merge(reports)) {
            if (e.confirmed()) {
                for (String id : catalog.indicatorsFor(e.first())) {
                    counts.get(Quarter.of(e.first().occurredAt())).merge(id, 1.0, Double::sum);
                }
            }
        }
        return counts;
    }

    /** Confirmed events by kind (the set of indicators each matched, one observation each) in each quarter. */
    public static TreeMap<Quarter, KindCounts> kindsByQuarter(Catalog catalog, List<Event> reports, LocalDate from,
                                                              LocalDate to) {
        TreeMap<Quarter, KindCounts> counts = new TreeMap<>();
        for (Quarter q = Quarter.of(from); q.start().isBefore(to); q = q.next()) {
            counts.put(q, KindCounts.none());
        }
        for (ReportMerger.MergedEvent e : ReportMerger.merge(reports)) {
            List<String> ids = catalog.indicatorsFor(e.first());
            if (e.confirmed() && !ids.isEmpty()) {
                counts.computeIfPresent(Quarter.of(e.first().occurredAt()), (q, k) -> k.plus(ids, 1));
            }
        }
        return counts;
    }
}
