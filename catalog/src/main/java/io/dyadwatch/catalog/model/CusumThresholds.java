package io.dyadwatch.catalog.model;

import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import java.util.Map;
import java.util.Objects;

/**
 * CUSUM alarm thresholds of one dyad: alarm for scenario s when its statistic exceeds {@code threshold(s)}.
 *
 * @param dyad             the dyad
 * @param thresholds       threshold h per non-status-quo scenario
 * @param budgetAlarms     the false-alarm budget of the dyad (all its CUSUMs together): at most this many alarms on average ...
 * @param budgetPeriods    ... per this many periods of status-quo data; each CUSUM gets an equal share
 * @param simulatedAlarms  mean alarms per {@code budgetPeriods} periods at the chosen threshold, per scenario, in the
 *                         calibration simulation (each at most its share of the budget)
 * @param waldBound        ln(budgetPeriods / share): a threshold that keeps each CUSUM's in-control average run length
 *                         at or above its share of the budget whatever the rates (ARL0 &gt;= e^h); the simulated
 *                         thresholds are below it
 */
public record CusumThresholds(Dyad dyad, Map<Scenario, Double> thresholds, double budgetAlarms, int budgetPeriods,
                              Map<Scenario, Double> simulatedAlarms, double waldBound) {

    public CusumThresholds {
        Objects.requireNonNull(dyad, "dyad");
        thresholds = ScenarioMaps.copy(thresholds, "thresholds");
        simulatedAlarms = ScenarioMaps.copy(simulatedAlarms, "simulatedAlarms");
        for (Scenario s : CusumState.MONITORED) {
            Double h = thresholds.get(s);
            if (h == null || !(h > 0) || h.isInfinite()) {
                throw new IllegalArgumentException("threshold of " + s + " must be finite and > 0, got " + h);
            }
        }
    }

    /** The threshold of a monitored scenario. */
    public double threshold(Scenario scenario) {
        Double h = thresholds.get(scenario);
        if (h == null) {
            throw new IllegalArgumentException(scenario + " has no CUSUM; monitored: " + CusumState.MONITORED);
        }
        return h;
    }
}
