package io.dyadwatch.model.assessment;

import java.util.Map;
import java.util.Objects;

/**
 * The assessment of one dyad for one period, kept for history (the watch floor's chart, the backtest) and
 * re-computed when a late report changes that period or an earlier one.
 *
 * @param dyad             dyad key
 * @param period           period label
 * @param exposure         share of the period observed: its days covered by a collection over its length (0: not
 *                         observed at all, no evidence)
 * @param eventsInPeriod   distinct events in the period
 * @param indicators       weighted indicator values
 * @param probabilities    scenario probabilities from the period's evidence
 * @param changeStatistics CUSUM statistics after this period
 * @param revision         incremented on every change
 */
public record PeriodResult(String dyad, String period, double exposure, long eventsInPeriod,
        Map<String, Double> indicators, Map<Scenario, Double> probabilities, Map<Scenario, Double> changeStatistics,
        long revision) {

    public PeriodResult {
        Objects.requireNonNull(dyad, "dyad");
        Objects.requireNonNull(period, "period");
        indicators = Map.copyOf(indicators == null ? Map.of() : indicators);
        probabilities = Map.copyOf(probabilities == null ? Map.of() : probabilities);
        changeStatistics = Map.copyOf(changeStatistics == null ? Map.of() : changeStatistics);
    }
}
