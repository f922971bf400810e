package io.dyadwatch.app.backtest;

import io.dyadwatch.model.assessment.PeriodUnit;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.producer.PublishReport.RefusedLine;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a backtest found.
 *
 * @param dyad       the dyad replayed, like CHN-RUS
 * @param unit       the period unit (streams.period)
 * @param window     the periods reported
 * @param inputs     the inputs' names, in order, each with the coverage it declared
 * @param lines      non-blank lines read
 * @param accepted   lines the event contract accepted
 * @param refused    lines it refused, with input, line number and reason, in input order
 * @param forDyad    accepted events whose actors include the dyad's members (the others concern no watched dyad)
 * @param afterWindow accepted events after the window's end, not replayed
 * @param thresholds the dyad's CUSUM alarm thresholds
 * @param periods    the periods in the window, in time order
 * @param alerts     alerts fired in the window, in firing order
 * @param reference  the reference window the dyad's baselines were counted over (everything after it is out of
 *                   sample), or null when its baselines are an analyst's judgement
 */
public record BacktestResult(String dyad, PeriodUnit unit, BacktestWindow window, List<String> inputs, long lines,
        long accepted, List<RefusedLine> refused, long forDyad, long afterWindow, Map<Scenario, Double> thresholds,
        List<PeriodRow> periods, List<BacktestAlert> alerts, BacktestWindow reference) {

    /** "in" for a period inside the reference window (in sample), "out" after it, "" before it or without one. */
    public String sampleOf(String period) {
        if (reference == null) {
            return "";
        }
        if (reference.contains(period)) {
            return "in";
        }
        return reference.isAfter(period) ? "out" : "";
    }

    public BacktestResult {
        Objects.requireNonNull(dyad, "dyad");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(window, "window");
        inputs = List.copyOf(inputs);
        refused = List.copyOf(refused);
        thresholds = Map.copyOf(thresholds);
        periods = List.copyOf(periods);
        alerts = List.copyOf(alerts);
    }

    /** Distinct events in the reported periods (after de-duplication and corroboration). */
    public long eventsInWindow() {
        return periods.stream().mapToLong(PeriodRow::events).sum();
    }

    /** The alarm threshold of a monitored scenario's change statistic. */
    public double threshold(Scenario scenario) {
        return thresholds.getOrDefault(scenario, Double.NaN);
    }

    /** Alerts fired in the given period. */
    public List<BacktestAlert> alertsIn(String period) {
        return alerts.stream().filter(a -> a.period().equals(period)).toList();
    }
}
