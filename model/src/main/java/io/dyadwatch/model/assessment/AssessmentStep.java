package io.dyadwatch.model.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The dyad's assessment right after one report (or one period closing), as the alert rules must see it. An
 * {@link Assessment} is published for several steps at once (coalesced), and lists every step since the
 * previous one, in order, so that no rule crossing is skipped or invented by how the reports were batched.
 * Events are named by id; the assessment carries each of them once in its {@code evidence} or {@code triggers}.
 *
 * @param revision              the assessment revision after this step
 * @param period                the current period at this step
 * @param periodElapsed         share of that period observed (covered), [0, 1]
 * @param eventsInPeriod        distinct events in that period
 * @param probabilities         scenario probabilities from that period's evidence
 * @param trailingProbabilities scenario probabilities over the trailing horizon
 * @param changeStatistics      CUSUM statistic toward each monitored scenario
 * @param triggers              ids of the events this step added or corroborated (empty when a period closed)
 * @param evidence              ids of the events that contributed most at this step, best first; null (left out
 *                              of the JSON) when the same as the previous step's in the same assessment
 * @param indicators            the current period's weighted indicator values after this step: all of them on
 *                              the first step of an assessment and on a step in another period than the one
 *                              before; otherwise only those this step changed (the others are as before)
 * @param familyChangeStatistics CUSUM statistic of each activity family toward each monitored scenario, the families
 *                              at 0 toward both left out
 * @param outOfScenarioStatistics CUSUM statistic of each family's generic move against the status quo alone (RISE:
 *                              the whole family more frequent, FALL: less), named by no scenario; families at 0 both
 *                              ways left out
 */
public record AssessmentStep(long revision, String period, double periodElapsed, long eventsInPeriod,
        Map<Scenario, Double> probabilities, Map<Scenario, Double> trailingProbabilities,
        Map<Scenario, Double> changeStatistics, List<String> triggers,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> evidence, Map<String, Double> indicators,
        Map<String, Map<Scenario, Double>> familyChangeStatistics,
        Map<String, Map<String, Double>> outOfScenarioStatistics) {

    public AssessmentStep {
        Objects.requireNonNull(period, "period");
        probabilities = Map.copyOf(probabilities == null ? Map.of() : probabilities);
        trailingProbabilities = Map.copyOf(trailingProbabilities == null ? Map.of() : trailingProbabilities);
        changeStatistics = Map.copyOf(changeStatistics == null ? Map.of() : changeStatistics);
        triggers = List.copyOf(triggers == null ? List.of() : triggers);
        evidence = evidence == null ? null : List.copyOf(evidence);
        indicators = Map.copyOf(indicators == null ? Map.of() : indicators);
        familyChangeStatistics = Assessment.copyFamilies(familyChangeStatistics);
        outOfScenarioStatistics = Assessment.copyMoves(outOfScenarioStatistics);
    }

    /** A step without out-of-scenario statistics. */
    public AssessmentStep(long revision, String period, double periodElapsed, long eventsInPeriod,
            Map<Scenario, Double> probabilities, Map<Scenario, Double> trailingProbabilities,
            Map<Scenario, Double> changeStatistics, List<String> triggers, List<String> evidence,
            Map<String, Double> indicators, Map<String, Map<Scenario, Double>> familyChangeStatistics) {
        this(revision, period, periodElapsed, eventsInPeriod, probabilities, trailingProbabilities, changeStatistics,
                triggers, evidence, indicators, familyChangeStatistics, Map.of());
    }

    /** The same step with its evidence and indicators as given. */
    public AssessmentStep with(List<String> newEvidence, Map<String, Double> newIndicators) {
        return new AssessmentStep(revision, period, periodElapsed, eventsInPeriod, probabilities,
                trailingProbabilities, changeStatistics, triggers, newEvidence, newIndicators, familyChangeStatistics,
                outOfScenarioStatistics);
    }
}
