package io.dyadwatch.app.backtest;

import io.dyadwatch.model.assessment.PeriodResult;
import io.dyadwatch.model.assessment.Scenario;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One period of a backtest, as the topology stored it in its history store.
 *
 * @param period           period label, like 2019-Q3
 * @param exposure         share of the period observed (1 for a closed period; less for the last one replayed)
 * @param events           distinct events in the period, after de-duplication and corroboration
 * @param probabilities    scenario probabilities from the period's evidence
 * @param changeStatistics CUSUM statistic toward WEAKENING and STRENGTHENING after the period
 */
public record PeriodRow(String period, double exposure, long events, Map<Scenario, Double> probabilities,
        Map<Scenario, Double> changeStatistics) {

    public PeriodRow {
        Objects.requireNonNull(period, "period");
        probabilities = Map.copyOf(probabilities);
        changeStatistics = Map.copyOf(changeStatistics);
    }

    static PeriodRow of(PeriodResult result) {
        Map<Scenario, Double> p = new EnumMap<>(Scenario.class);
        Map<Scenario, Double> c = new EnumMap<>(Scenario.class);
        for (Scenario s : Scenario.values()) {
            p.put(s, result.probabilities().getOrDefault(s, 0.0));
        }
        c.put(Scenario.WEAKENING, result.changeStatistics().getOrDefault(Scenario.WEAKENING, 0.0));
        c.put(Scenario.STRENGTHENING, result.changeStatistics().getOrDefault(Scenario.STRENGTHENING, 0.0));
        return new PeriodRow(result.period(), result.exposure(), result.eventsInPeriod(), p, c);
    }

    /** P(scenario) from this period's evidence. */
    public double probability(Scenario scenario) {
        return probabilities.getOrDefault(scenario, 0.0);
    }

    /** The change statistic toward a monitored scenario after this period. */
    public double changeStatistic(Scenario scenario) {
        return changeStatistics.getOrDefault(scenario, 0.0);
    }

    /** The most probable scenario of the period (STATUS_QUO on ties, which the declaration order gives). */
    public Scenario mostLikely() {
        return probabilities.entrySet().stream()
                .max(Comparator.<Map.Entry<Scenario, Double>>comparingDouble(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse(Scenario.STATUS_QUO);
    }
}
