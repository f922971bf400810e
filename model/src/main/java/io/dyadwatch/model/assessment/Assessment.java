package io.dyadwatch.model.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The running assessment of one dyad, published on {@code dyadwatch.assessments} (compacted, key = dyad).
 *
 * @param dyad                  dyad key, like CHN-RUS
 * @param period                the current period label
 * @param revision              incremented on every change, late reports included
 * @param updatedAt             when computed
 * @param eventsInPeriod        events counted in the current period
 * @param indicators            weighted indicator values in the current period
 * @param probabilities         scenario probabilities for the current period (empty before the model runs)
 * @param trailingProbabilities scenario probabilities over the trailing horizon
 * @param changeStatistics      sequential change statistic toward each scenario
 * @param explanations          why: the indicators that moved it, the expected activity that did not happen
 * @param evidence              the events that contributed most, newest first
 */
public record Assessment(String dyad, String period, long revision, Instant updatedAt, long eventsInPeriod,
        Map<String, Double> indicators, Map<Scenario, Double> probabilities,
        Map<Scenario, Double> trailingProbabilities, Map<Scenario, Double> changeStatistics,
        List<String> explanations, List<EvidenceItem> evidence) {

    public Assessment {
        Objects.requireNonNull(dyad, "dyad");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(updatedAt, "updatedAt");
        indicators = Map.copyOf(indicators == null ? Map.of() : indicators);
        probabilities = Map.copyOf(probabilities == null ? Map.of() : probabilities);
        trailingProbabilities = Map.copyOf(trailingProbabilities == null ? Map.of() : trailingProbabilities);
        changeStatistics = Map.copyOf(changeStatistics == null ? Map.of() : changeStatistics);
        explanations = List.copyOf(explanations == null ? List.of() : explanations);
        evidence = List.copyOf(evidence == null ? List.of() : evidence);
    }
}
