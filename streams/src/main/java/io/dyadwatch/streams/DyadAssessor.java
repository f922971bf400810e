package io.dyadwatch.streams;

import io.dyadwatch.catalog.model.Assessment;
import io.dyadwatch.catalog.model.CusumState;
import io.dyadwatch.catalog.model.ScenarioModel;
import io.dyadwatch.model.assessment.Period;
import io.dyadwatch.model.assessment.PeriodUnit;
import io.dyadwatch.model.event.Dyad;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The judgement of one dyad as a function of its {@link PeriodLedger}: the scenario probabilities of the current
 * period and of the trailing horizon, and the CUSUM chain from the dyad's first period to the current one. Closed
 * periods are assessed once and kept (in memory only: everything here is derived from the ledger, and rebuilt
 * from it after a restart); a restated period is re-assessed and the chain re-run from it, which costs an
 * addition per later period.
 */
final class DyadAssessor {

    /** One closed period: assessed over the whole period, and the CUSUM after it. */
    record Closed(Assessment assessment, CusumState after) {
    }

    /**
     * The dyad's assessment at one moment.
     *
     * @param period   the current period
     * @param elapsed  share of it observed, (0, 1]
     * @param tally    its tally
     * @param now      the model's assessment of it, over the elapsed share
     * @param horizon  the model's assessment of the trailing horizon (from the dyad's first period at the earliest)
     * @param cusum    the CUSUM after it
     * @param trailing the horizon's tallies, latest first
     */
    record Snapshot(Period period, double elapsed, PeriodTally tally, Assessment now, Assessment horizon,
            CusumState cusum, List<PeriodTally> trailing) {
    }

    private final ScenarioModel model;
    private final Dyad dyad;
    private final double unitExposure;
    private final int horizonPeriods;
    private final NavigableMap<Period, Closed> closed = new TreeMap<>();
    private Assessment emptyPeriod;
    private Period chainFirst;

    DyadAssessor(ScenarioModel model, Dyad dyad, PeriodUnit unit, int horizonPeriods) {
        this.model = model;
        this.dyad = dyad;
        this.unitExposure = exposureOf(unit);
        this.horizonPeriods = horizonPeriods;
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
     * Assesses the dyad with {@code current} open and {@code elapsed} of it observed.
     *
     * @param first the dyad's first period with an event (the chain starts there)
     */
    Snapshot assess(PeriodLedger ledger, Period first, Period current, double elapsed) {
        if (chainFirst == null || !chainFirst.equals(first)) {
            closed.clear();
            chainFirst = first;
        }
        closed.tailMap(current, true).clear(); // the current period is open, not closed
        Map.Entry<Period, Closed> last = closed.lastEntry();
        CusumState cusum = last == null ? CusumState.initial() : last.getValue().after();
        Period from = last == null ? first : last.getKey().next();
        for (Period p = from; p.isBefore(current); p = p.next()) {
            Assessment whole = assessPeriod(ledger.tally(p), unitExposure);
            cusum = cusum.step(whole);
            closed.put(p, new Closed(whole, cusum));
        }
        PeriodTally tally = ledger.tally(current);
        Assessment now = assessPeriod(tally, unitExposure * elapsed);
        CusumState after = cusum.step(now);
        // the horizon reaches back no further than the dyad's first period: nothing was observed before it
        int periods = Math.min(horizonPeriods, first.until(current) + 1);
        List<PeriodTally> trailing = ledger.trailing(current, periods);
        Map<String, Double> sum = new HashMap<>();
        for (PeriodTally t : trailing) {
            t.weighted().forEach((k, v) -> sum.merge(k, v, Double::sum));
        }
        Assessment horizon = model.assess(dyad, positive(sum), unitExposure * (elapsed + periods - 1));
        return new Snapshot(current, elapsed, tally, now, horizon, after, trailing);
    }

    /** The closed period's result, or null when it is not closed (or not assessed yet). */
    Closed closedResult(Period period) {
        return closed.get(period);
    }

    private Assessment assessPeriod(PeriodTally tally, double exposure) {
        if (tally.events() == 0 && exposure == unitExposure) {
            if (emptyPeriod == null) {
                emptyPeriod = model.assess(dyad, Map.of(), exposure);
            }
            return emptyPeriod;
        }
        return model.assess(dyad, positive(tally.weighted()), exposure);
    }

    private static Map<String, Double> positive(Map<String, Double> weighted) {
        Map<String, Double> clean = new HashMap<>();
        weighted.forEach((k, v) -> clean.put(k, Math.max(0, v)));
        return clean;
    }
}
