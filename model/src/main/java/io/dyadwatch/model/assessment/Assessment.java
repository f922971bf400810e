package io.dyadwatch.model.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The running assessment of one dyad, published on {@code dyadwatch.assessments} (compacted, key = dyad) after
 * every change, late reports included (with a higher revision). Changes are coalesced: a dyad is re-assessed at
 * most once per {@code streams.assessment.interval.ms}, with every event of the interval among its triggers.
 *
 * @param dyad                  dyad key, like CHN-RUS
 * @param period                the current period label
 * @param periodElapsed         share of the current period observed so far, (0, 1]
 * @param revision              incremented on every change
 * @param updatedAt             when computed (processing time)
 * @param eventsInPeriod        distinct events (after de-duplication and corroboration) in the current period
 * @param indicators            weighted indicator values in the current period
 * @param probabilities         scenario probabilities from the current period's evidence
 * @param trailingProbabilities scenario probabilities over the trailing horizon
 * @param horizonPeriods        periods in the trailing horizon (the current one included)
 * @param changeStatistics      CUSUM statistic toward each monitored scenario (WEAKENING, STRENGTHENING)
 * @param thresholds            the alarm threshold of each change statistic
 * @param drivers               the indicators that moved each monitored scenario most, largest first
 * @param explanations          the drivers in words, for people
 * @param evidence              the events that contributed most, best first
 * @param triggers              the events whose arrival (or corroboration) caused this revision, in arrival order;
 *                              empty when a period closed on the clock. Events arriving close together are
 *                              assessed together, so one revision can have several
 */
public record Assessment(String dyad, String period, double periodElapsed, long revision, Instant updatedAt,
        long eventsInPeriod, Map<String, Double> indicators, Map<Scenario, Double> probabilities,
        Map<Scenario, Double> trailingProbabilities, int horizonPeriods, Map<Scenario, Double> changeStatistics,
        Map<Scenario, Double> thresholds, List<Driver> drivers, List<String> explanations, List<EvidenceItem> evidence,
        List<EvidenceItem> triggers) {

    public Assessment {
        Objects.requireNonNull(dyad, "dyad");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(updatedAt, "updatedAt");
        indicators = Map.copyOf(indicators == null ? Map.of() : indicators);
        probabilities = Map.copyOf(probabilities == null ? Map.of() : probabilities);
        trailingProbabilities = Map.copyOf(trailingProbabilities == null ? Map.of() : trailingProbabilities);
        changeStatistics = Map.copyOf(changeStatistics == null ? Map.of() : changeStatistics);
        thresholds = Map.copyOf(thresholds == null ? Map.of() : thresholds);
        drivers = List.copyOf(drivers == null ? List.of() : drivers);
        explanations = List.copyOf(explanations == null ? List.of() : explanations);
        evidence = List.copyOf(evidence == null ? List.of() : evidence);
        triggers = List.copyOf(triggers == null ? List.of() : triggers);
    }

    /** The most probable scenario for the current period, or null before any evidence. */
    public Scenario mostLikely() {
        return probabilities.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }
}
