package io.dyadwatch.catalog.baseline;

import io.dyadwatch.catalog.Indicator;
import io.dyadwatch.catalog.counting.ReportMerger;
import io.dyadwatch.catalog.model.Quarter;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Status-quo baselines counted from a record over a reference window, the way the pipeline counts.
 *
 * <p>The dyad's reports in the window (every actor of the dyad among the event's actors) are merged into real-world
 * events ({@link ReportMerger}); an event counts 1 for each indicator its first report matches, once it is confirmed
 * ({@link io.dyadwatch.catalog.counting.Confirmation}); unconfirmed events are counted apart and feed no rate.
 *
 * <p><b>Rate.</b> {@code (n + 1/2) / T} for n confirmed events in T quarters: the posterior mean of a Poisson rate under
 * the Jeffreys prior. The half pseudo-event is the stated reason for the floor: an indicator never seen in the window
 * gets half an event over the window's length (0.021 a quarter over 24 quarters), not zero, which would make one
 * sighting infinitely surprising; for seen indicators it changes the rate by half an event in T quarters.
 *
 * <p><b>Dispersion.</b> Per family, the negative-binomial size k by the method of moments pooled over the family's
 * indicators: {@code k = Σ m_i² / Σ (v_i - m_i)} with m_i and v_i the mean and sample variance of indicator i's
 * quarterly counts. Sparse series give noisy estimates, so k is bounded to [{@value #MIN_SIZE}, {@value #MAX_SIZE}];
 * no excess variance at all gives the upper bound (at these rates NB(k = 50) differs from Poisson by under 1%).
 */
public final class BaselineDerivation {

    /** Jeffreys pseudo-count added to every indicator's events. */
    public static final double PSEUDO_COUNT = 0.5;
    /** Smallest NB size: the variance at most mean + 2 mean². */
    public static final double MIN_SIZE = 0.5;
    /** Largest NB size: indistinguishable from Poisson at quarterly rates below 0.5. */
    public static final double MAX_SIZE = 50;

    private BaselineDerivation() {
    }

    /**
     * The baselines of a dyad from a record.
     *
     * @param window     the record's name and the window
     * @param record     every report of the record (any dyad)
     * @param dyad       the dyad
     * @param indicators the catalog's indicators, in catalog order, each with its family
     */
    public static BaselineInfo derive(ReferenceWindow window, List<Event> record, Dyad dyad, List<Indicator> indicators) {
        List<Event> inWindow = record.stream()
                .filter(e -> dyad.isContainedIn(e.actors()) && window.contains(Quarter.of(e.occurredAt())))
                .toList();
        int quarters = window.quarters();
        Map<String, int[]> perQuarter = new LinkedHashMap<>();
        indicators.forEach(i -> perQuarter.put(i.id(), new int[quarters]));
        List<BaselineInfo.CountedEvent> counted = new ArrayList<>();
        int unconfirmed = 0;
        for (ReportMerger.MergedEvent event : ReportMerger.merge(inWindow)) {
            List<String> ids = matching(indicators, event.first());
            if (ids.isEmpty()) {
                continue;
            }
            if (!event.confirmed()) {
                unconfirmed++;
                continue;
            }
            Quarter q = Quarter.of(event.first().occurredAt());
            int index = (q.year() - window.from().year()) * 4 + q.quarter() - window.from().quarter();
            ids.forEach(id -> perQuarter.get(id)[index]++);
            counted.add(new BaselineInfo.CountedEvent(event.first().id(), q, ids, event.first()));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Double> rates = new LinkedHashMap<>();
        perQuarter.forEach((id, series) -> {
            int n = 0;
            for (int c : series) {
                n += c;
            }
            counts.put(id, n);
            rates.put(id, (n + PSEUDO_COUNT) / quarters);
        });
        return new BaselineInfo(BaselineInfo.Basis.RECORD, window.record(), window.from(), window.to(), counted.size(),
                unconfirmed, counts, rates, dispersion(indicators, perQuarter), counted);
    }

    /** Pooled method-of-moments NB size per family, bounded. */
    static Map<String, Double> dispersion(List<Indicator> indicators, Map<String, int[]> perQuarter) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (Indicator i : indicators) {
            int[] series = perQuarter.get(i.id());
            double mean = 0;
            for (int c : series) {
                mean += c;
            }
            mean /= series.length;
            double variance = 0;
            for (int c : series) {
                variance += (c - mean) * (c - mean);
            }
            variance = series.length > 1 ? variance / (series.length - 1) : mean;
            double[] s = sums.computeIfAbsent(i.family(), f -> new double[2]);
            s[0] += mean * mean;
            s[1] += variance - mean;
        }
        Map<String, Double> k = new LinkedHashMap<>();
        sums.forEach((family, s) -> k.put(family, boundedSize(s[0], s[1])));
        return k;
    }

    /** {@code squaredMeans / excessVariance} bounded to [MIN_SIZE, MAX_SIZE]; MAX_SIZE when there is no excess. */
    static double boundedSize(double squaredMeans, double excessVariance) {
        if (!(excessVariance > 0) || squaredMeans == 0) {
            return MAX_SIZE;
        }
        return Math.max(MIN_SIZE, Math.min(MAX_SIZE, squaredMeans / excessVariance));
    }

    private static List<String> matching(List<Indicator> indicators, Event event) {
        List<String> ids = new ArrayList<>(2);
        for (Indicator i : indicators) {
            if (i.matcher().matches(event)) {
                ids.add(i.id());
            }
        }
        return ids;
    }
}
