package io.dyadwatch.streams;

import io.dyadwatch.catalog.model.CusumState;
import io.dyadwatch.catalog.model.GenericMove;
import io.dyadwatch.catalog.model.KindCounts;
import io.dyadwatch.catalog.model.ScenarioModel;
import io.dyadwatch.catalog.model.ScenarioModel.Evaluation;
import io.dyadwatch.model.assessment.Period;
import io.dyadwatch.model.assessment.PeriodUnit;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The judgement of one dyad as a function of its {@link PeriodLedger}: the scenario probabilities of the current
 * period and of the trailing horizon, and Page's CUSUM toward each monitored scenario
 * ({@code S = max(0, S + LLR)}, as {@link CusumState}), for the whole scenario and for each activity family alone,
 * from the dyad's first period to the current one. Closed
 * periods are evaluated once and kept (in memory only: everything here is derived from the ledger, and rebuilt
 * from it after a restart); a restated period is re-evaluated and the chain re-run from it, which costs an
 * addition per later period.
 */
final class DyadAssessor {

    private static final List<Scenario> MONITORED = CusumState.MONITORED;
    private static final GenericMove[] MOVES = GenericMove.values();

    /** One closed period: evaluated over its covered share ({@code observed}), and the CUSUM statistics after it. */
    record Closed(Evaluation evaluation, double[] after, double observed) {
    }

    /**
     * The dyad's assessment at one moment.
     *
     * @param period   the current period
     * @param elapsed  share of it observed: its days covered, up to the dyad's clock, over its length ([0, 1])
     * @param tally    its tally
     * @param now      the model's evaluation of it, over the elapsed share
     * @param horizon  the model's evaluation of the trailing horizon (from the dyad's first period at the earliest)
     * @param cusum    the CUSUM statistics after it: the whole scenario's in {@link CusumState#MONITORED} order,
     *                 then each family's in the same order, then each family's out-of-scenario statistics in
     *                 {@link GenericMove} order
     * @param trailing the horizon's tallies, latest first
     */
    record Snapshot(Period period, double elapsed, PeriodTally tally, Evaluation now, Evaluation horizon,
            double[] cusum, List<PeriodTally> trailing) {

        /** The CUSUM statistic toward a monitored scenario. */
        double statistic(Scenario scenario) {
            return cusum[MONITORED.indexOf(scenario)];
        }

        /**
         * The families' out-of-scenario CUSUM statistics (a generic rise or fall of the whole family against the status
         * quo alone) by family and move name, families at 0 both ways left out.
         */
        Map<String, Map<String, Double>> genericStatistics(List<String> families) {
            Map<String, Map<String, Double>> byFamily = new java.util.LinkedHashMap<>();
            int base = MONITORED.size() * (families.size() + 1);
            for (int f = 0; f < families.size(); f++) {
                Map<String, Double> m = new java.util.LinkedHashMap<>();
                boolean any = false;
                for (GenericMove move : MOVES) {
                    double v = cusum[base + MOVES.length * f + move.ordinal()];
                    m.put(move.name(), v);
                    any |= v > 0;
                }
                if (any) {
                    byFamily.put(families.get(f), m);
                }
            }
            return byFamily;
        }

        /** The families' CUSUM statistics by family and scenario, families at 0 toward every scenario left out. */
        Map<String, Map<Scenario, Double>> familyStatistics(List<String> families) {
            Map<String, Map<Scenario, Double>> byFamily = new java.util.LinkedHashMap<>();
            for (int f = 0; f < families.size(); f++) {
                Map<Scenario, Double> m = new EnumMap<>(Scenario.class);
                boolean any = false;
                for (int s = 0; s < MONITORED.size(); s++) {
                    double v = cusum[MONITORED.size() * (f + 1) + s];
                    m.put(MONITORED.get(s), v);
                    any |= v > 0;
                }
                if (any) {
                    byFamily.put(families.get(f), m);
                }
            }
            return byFamily;
        }
    }

    private final ScenarioModel model;
    private final Dyad dyad;
    private final double unitExposure;
    private final int horizonPeriods;
    private final List<String> families;
    private final NavigableMap<Period, Closed> closed = new TreeMap<>();
    private Evaluation emptyPeriod;
    private Period chainFirst;

    DyadAssessor(ScenarioModel model, Dyad dyad, PeriodUnit unit, int horizonPeriods) {
        this.model = model;
        this.dyad = dyad;
        this.unitExposure = exposureOf(unit);
        this.horizonPeriods = horizonPeriods;
        this.families = List.copyOf(model.catalog().families().keySet());
    }

    /** The catalog's activity families, in the order of the family statistics. */
    List<String> families() {
        return families;
    }

    /** The catalog's rates are per quarter: the length of one period in quarters. */
    static double exposureOf(PeriodUnit unit) {
        return switch (unit) {
            case MONTH -> 1.0 / 3;
            case QUARTER -> 1.0;
            case YEAR -> 4.0;
        };
    }

    /** The tally of {@code period} changed: its result and every later one must be recomputed. */
    void restate(Period period) {
        closed.tailMap(period, true).clear();
    }

    /**
     * Assesses the dyad with {@code current} open and the dyad's clock at {@code clockMs}. A period counts for the
     * share of its days that were covered (up to the clock for the current one): absence of reports is evidence for
     * covered days only, and a period nobody covered adds no term at all.
     *
     * @param first the dyad's first period with an event (the chain starts there)
     */
    Snapshot assess(PeriodLedger ledger, Period first, Period current, long clockMs) {
        if (chainFirst == null || !chainFirst.equals(first)) {
            closed.clear();
            chainFirst = first;
        }
        closed.tailMap(current, true).clear(); // the current period is open, not closed
        Map.Entry<Period, Closed> last = closed.lastEntry();
        double[] cusum = last == null ? new double[MONITORED.size() * (families.size() + 1) + MOVES.length * families.size()]
                : last.getValue().after();
        Period from = last == null ? first : last.getKey().next();
        for (Period p = from; p.isBefore(current); p = p.next()) {
            PeriodTally closedTally = ledger.tally(p);
            double observed = observed(p, closedTally, Long.MAX_VALUE);
            Evaluation whole = evaluate(closedTally, unitExposure * observed);
            cusum = step(cusum, whole);
            closed.put(p, new Closed(whole, cusum, observed));
        }
        PeriodTally tally = ledger.tally(current);
        double elapsed = observed(current, tally, clockMs);
        Evaluation now = evaluate(tally, unitExposure * elapsed);
        double[] after = step(cusum, now);
        // the horizon reaches back no further than the dyad's first period: nothing was observed before it
        int periods = Math.min(horizonPeriods, first.until(current) + 1);
        List<PeriodTally> trailing = ledger.trailing(current, periods);
        Map<List<String>, Double> sum = new java.util.HashMap<>();
        double exposure = unitExposure * elapsed;
        Period p = current;
        for (PeriodTally t : trailing) {
            t.kinds().counts().forEach((kind, n) -> sum.merge(kind, n, Double::sum));
            if (!p.equals(current)) {
                exposure += unitExposure * observed(p, t, Long.MAX_VALUE);
            }
            p = p.previous();
        }
        Evaluation horizon = model.evaluate(dyad, new KindCounts(sum), exposure);
        return new Snapshot(current, elapsed, tally, now, horizon, after, trailing);
    }

    /** The closed period's result, or null when it is not closed (or not assessed yet). */
    Closed closedResult(Period period) {
        return closed.get(period);
    }

    /** CUSUM statistics (in {@link CusumState#MONITORED} order) by scenario. */
    static Map<Scenario, Double> statistics(double[] cusum) {
        Map<Scenario, Double> map = new EnumMap<>(Scenario.class);
        for (int m = 0; m < MONITORED.size(); m++) {
            map.put(MONITORED.get(m), cusum[m]);
        }
        return map; // the whole-scenario statistics: the first entries of the array
    }

    private double[] step(double[] before, Evaluation evaluation) {
        double[] after = new double[before.length];
        int monitored = MONITORED.size();
        for (int m = 0; m < monitored; m++) {
            after[m] = Math.max(0, before[m] + evaluation.llrVsStatusQuo(MONITORED.get(m)));
        }
        for (int f = 0; f < families.size(); f++) {
            for (int m = 0; m < monitored; m++) {
                int at = monitored * (f + 1) + m;
                after[at] = Math.max(0, before[at] + evaluation.familyLlrVsStatusQuo(families.get(f), MONITORED.get(m)));
            }
        }
        int base = monitored * (families.size() + 1);
        for (int f = 0; f < families.size(); f++) {
            for (GenericMove move : MOVES) {
                int at = base + MOVES.length * f + move.ordinal();
                after[at] = Math.max(0, before[at] + evaluation.genericLlrVsStatusQuo(families.get(f), move));
            }
        }
        return after;
    }

    /** Share of a period's days covered, up to the day of {@code clockMs} (all of them for a later clock). */
    static double observed(Period period, PeriodTally tally, long clockMs) {
        long start = period.start().toEpochMilli();
        double days = (period.end().toEpochMilli() - start) / 86_400_000.0;
        int lastDay = clockMs >= period.end().toEpochMilli() ? Integer.MAX_VALUE
                : (int) Math.max(-1, Math.floorDiv(clockMs - start, 86_400_000L));
        return Math.min(1.0, tally.coveredDays(lastDay) / days);
    }

    /**
     * The period's counted events by kind, each event one observation, over its exposure; with none (nothing covered),
     * no term at all: the prior.
     */
    private Evaluation evaluate(PeriodTally tally, double exposure) {
        if (tally.weighted().isEmpty() && exposure == unitExposure) {
            if (emptyPeriod == null) {
                emptyPeriod = model.evaluate(dyad, KindCounts.none(), exposure);
            }
            return emptyPeriod;
        }
        return model.evaluate(dyad, tally.kinds(), exposure);
    }
}
