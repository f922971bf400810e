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
 * @param periodElapsed         share of the current period observed so far: its days covered by a collection, up
 *                              to the clock, over its length, [0, 1] (0: nothing of it was collected)
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
 * @param steps                 every step since the previous assessment, in order (the last one is this
 *                              assessment's own values); empty in assessments written before version 2
 * @param stepEvidence          events the earlier steps cite that are neither in {@code evidence} nor in
 *                              {@code triggers}
 * @param familyChangeStatistics CUSUM statistic of each activity family toward each monitored scenario (a move of
 *                              that family alone), families at 0 toward both left out
 * @param familyThresholds      the alarm threshold of each family's statistic
 * @param probabilityLevels     the trailing probability at which the probability-level rule fires, calibrated with
 *                              the thresholds to the false-alarm budget (the rules' configured level is a floor)
 * @param coverage              each evidence channel seen for the dyad: whether it is weighed, and what it covers,
 *                              declared or assumed (empty in assessments written before channels)
 * @param outOfScenarioStatistics per family, the CUSUM statistic of its generic moves against the status quo alone
 *                              (RISE, FALL), named by no scenario: the "no scenario fits" check
 * @param outOfScenarioThresholds the alarm threshold of each monitored generic move (a move that cannot hold its share
 *                              of the false-alarm budget is not monitored and has none)
 */
public record Assessment(String dyad, String period, double periodElapsed, long revision, Instant updatedAt,
        long eventsInPeriod, Map<String, Double> indicators, Map<Scenario, Double> probabilities,
        Map<Scenario, Double> trailingProbabilities, int horizonPeriods, Map<Scenario, Double> changeStatistics,
        Map<Scenario, Double> thresholds, List<Driver> drivers, List<String> explanations, List<EvidenceItem> evidence,
        List<EvidenceItem> triggers, List<AssessmentStep> steps, List<EvidenceItem> stepEvidence,
        Map<String, Map<Scenario, Double>> familyChangeStatistics, Map<String, Map<Scenario, Double>> familyThresholds,
        Map<Scenario, Double> probabilityLevels, List<ChannelCoverage> coverage,
        Map<String, Map<String, Double>> outOfScenarioStatistics, Map<String, Map<String, Double>> outOfScenarioThresholds) {

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
        steps = List.copyOf(steps == null ? List.of() : steps);
        stepEvidence = List.copyOf(stepEvidence == null ? List.of() : stepEvidence);
        familyChangeStatistics = copyFamilies(familyChangeStatistics);
        familyThresholds = copyFamilies(familyThresholds);
        probabilityLevels = Map.copyOf(probabilityLevels == null ? Map.of() : probabilityLevels);
        coverage = List.copyOf(coverage == null ? List.of() : coverage);
        outOfScenarioStatistics = copyMoves(outOfScenarioStatistics);
        outOfScenarioThresholds = copyMoves(outOfScenarioThresholds);
    }

    /** An assessment without out-of-scenario statistics. */
    public Assessment(String dyad, String period, double periodElapsed, long revision, Instant updatedAt,
            long eventsInPeriod, Map<String, Double> indicators, Map<Scenario, Double> probabilities,
            Map<Scenario, Double> trailingProbabilities, int horizonPeriods, Map<Scenario, Double> changeStatistics,
            Map<Scenario, Double> thresholds, List<Driver> drivers, List<String> explanations, List<EvidenceItem> evidence,
            List<EvidenceItem> triggers, List<AssessmentStep> steps, List<EvidenceItem> stepEvidence,
            Map<String, Map<Scenario, Double>> familyChangeStatistics, Map<String, Map<Scenario, Double>> familyThresholds,
            Map<Scenario, Double> probabilityLevels, List<ChannelCoverage> coverage) {
        this(dyad, period, periodElapsed, revision, updatedAt, eventsInPeriod, indicators, probabilities,
                trailingProbabilities, horizonPeriods, changeStatistics, thresholds, drivers, explanations, evidence,
                triggers, steps, stepEvidence, familyChangeStatistics, familyThresholds, probabilityLevels, coverage,
                Map.of(), Map.of());
    }

    /** An unmodifiable copy of a family-to-move map, in family order; empty for null. */
    static Map<String, Map<String, Double>> copyMoves(Map<String, Map<String, Double>> families) {
        if (families == null || families.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, Double>> copy = new java.util.LinkedHashMap<>();
        families.forEach((f, m) -> copy.put(f, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(m))));
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** An unmodifiable copy of a family-to-scenario map, in family order; empty for null. */
    static Map<String, Map<Scenario, Double>> copyFamilies(Map<String, Map<Scenario, Double>> families) {
        if (families == null || families.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<Scenario, Double>> copy = new java.util.LinkedHashMap<>();
        families.forEach((f, m) -> copy.put(f, Map.copyOf(m)));
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** An assessment without steps (one step: itself). */
    public Assessment(String dyad, String period, double periodElapsed, long revision, Instant updatedAt,
            long eventsInPeriod, Map<String, Double> indicators, Map<Scenario, Double> probabilities,
            Map<Scenario, Double> trailingProbabilities, int horizonPeriods, Map<Scenario, Double> changeStatistics,
            Map<Scenario, Double> thresholds, List<Driver> drivers, List<String> explanations, List<EvidenceItem> evidence,
            List<EvidenceItem> triggers) {
        this(dyad, period, periodElapsed, revision, updatedAt, eventsInPeriod, indicators, probabilities,
                trailingProbabilities, horizonPeriods, changeStatistics, thresholds, drivers, explanations, evidence,
                triggers, List.of(), List.of(), Map.of(), Map.of(), Map.of(), List.of());
    }

    /**
     * The assessment as it stood after each of its steps, in order: what the alert rules evaluate, so that a
     * crossing between two publications is seen. Each view has the step's period, revision, probabilities and
     * change statistics, its own triggers and evidence (resolved by id from this assessment's events), and this
     * assessment's thresholds, drivers and explanations; its indicators are the step's current-period values.
     * Without steps, the assessment itself.
     */
    public List<Assessment> atEachStep() {
        if (steps.isEmpty()) {
            return List.of(this);
        }
        Map<String, EvidenceItem> byId = new java.util.HashMap<>();
        stepEvidence.forEach(e -> byId.put(e.id(), e));
        evidence.forEach(e -> byId.put(e.id(), e));
        triggers.forEach(e -> byId.put(e.id(), e));
        List<Assessment> views = new java.util.ArrayList<>(steps.size());
        List<String> evidenceIds = List.of();
        Map<String, Double> values = new java.util.HashMap<>();
        String period = null;
        for (AssessmentStep step : steps) {
            if (step.evidence() != null) {
                evidenceIds = step.evidence();
            }
            if (!step.period().equals(period)) {
                values = new java.util.HashMap<>();
                period = step.period();
            }
            values.putAll(step.indicators());
            views.add(new Assessment(dyad, step.period(), step.periodElapsed(), step.revision(), updatedAt,
                    step.eventsInPeriod(), values, step.probabilities(), step.trailingProbabilities(), horizonPeriods,
                    step.changeStatistics(), thresholds, drivers, explanations, resolve(evidenceIds, byId),
                    resolve(step.triggers(), byId), List.of(), List.of(), step.familyChangeStatistics(), familyThresholds,
                    probabilityLevels, coverage, step.outOfScenarioStatistics(), outOfScenarioThresholds));
        }
        return views;
    }

    private static List<EvidenceItem> resolve(List<String> ids, Map<String, EvidenceItem> byId) {
        List<EvidenceItem> items = new java.util.ArrayList<>(ids.size());
        for (String id : ids) {
            EvidenceItem item = byId.get(id);
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

    /** The most probable scenario for the current period, or null before any evidence. */
    public Scenario mostLikely() {
        return probabilities.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }
}
