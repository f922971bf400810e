package io.dyadwatch.catalog.model;

import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Alarm thresholds of one dyad, calibrated together so that the chance of ANY false scenario alert (every CUSUM and
 * the probability level) in {@code budgetPeriods} status-quo periods stays within {@code budgetProbability}.
 *
 * @param dyad                  the dyad
 * @param thresholds            whole-scenario CUSUM threshold h per monitored scenario: alarm when S &gt; h
 * @param familyThresholds      per family, the threshold of its CUSUM toward each monitored scenario; a family or a
 *                              direction left out is not monitored (its statistic's drift cannot hold the budget)
 * @param probabilityLevels     the trailing posterior at or above which the probability-level rule may fire, per
 *                              monitored scenario (calibrated, never below {@link #PROBABILITY_LEVEL_FLOOR})
 * @param budgetProbability     the budget: at most this probability of any false alert ...
 * @param budgetPeriods         ... in this many periods
 * @param falseAlarmProbability the probability of any false alert (signature alerts included) at these thresholds in
 *                              held-out status-quo histories at the stored baselines
 * @param calibrationRuns       simulated status-quo histories in each sample (thresholds from one, the checks on others)
 * @param genericThresholds     per family, the threshold of its out-of-scenario CUSUM of each generic move (empty for a
 *                              calibration without them)
 * @param falseAlarmProbabilityPosterior the same in held-out histories whose true rates were drawn from the baselines'
 *                              posterior (NaN when not measured)
 * @param signatureProbability  the share of the held-out status-quo histories at the stored baselines with a signature
 *                              alert (one confirmed signature event), part of {@code falseAlarmProbability}
 */
public record CusumThresholds(Dyad dyad, Map<Scenario, Double> thresholds,
                              Map<String, Map<Scenario, Double>> familyThresholds,
                              Map<Scenario, Double> probabilityLevels, double budgetProbability, int budgetPeriods,
                              double falseAlarmProbability, int calibrationRuns,
                              Map<String, Map<GenericMove, Double>> genericThresholds,
                              double falseAlarmProbabilityPosterior, double signatureProbability) {

    /** The probability-level rule's configured level (alerts rules): a calibrated level never goes below it. */
    public static final double PROBABILITY_LEVEL_FLOOR = 0.7;

    public CusumThresholds {
        Objects.requireNonNull(dyad, "dyad");
        thresholds = ScenarioMaps.copy(thresholds, "thresholds");
        for (Scenario s : CusumState.MONITORED) {
            requirePositive(thresholds.get(s), "threshold of " + s);
        }
        Map<String, Map<Scenario, Double>> families = new LinkedHashMap<>();
        familyThresholds.forEach((f, m) -> {
            Map<Scenario, Double> copy = ScenarioMaps.copy(m, "family thresholds");
            copy.forEach((s, h) -> requirePositive(h, "threshold of family " + f + " toward " + s));
            families.put(f, copy);
        });
        familyThresholds = Collections.unmodifiableMap(families);
        probabilityLevels = ScenarioMaps.copy(probabilityLevels, "probabilityLevels");
        for (Scenario s : CusumState.MONITORED) {
            Double level = probabilityLevels.get(s);
            if (level == null || !(level > 0) || level > 1) {
                throw new IllegalArgumentException("probability level of " + s + " must be in (0, 1], got " + level);
            }
        }
        if (!(budgetProbability > 0) || !(budgetProbability < 1) || budgetPeriods < 1) {
            throw new IllegalArgumentException("budget must be a probability in (0, 1) over >= 1 periods");
        }
        if (!(falseAlarmProbability >= 0) || falseAlarmProbability > 1) {
            throw new IllegalArgumentException("false-alarm probability must be in [0, 1], got " + falseAlarmProbability);
        }
        Map<String, Map<GenericMove, Double>> generic = new LinkedHashMap<>();
        (genericThresholds == null ? Map.<String, Map<GenericMove, Double>>of() : genericThresholds).forEach((f, m) -> {
            java.util.EnumMap<GenericMove, Double> copy = new java.util.EnumMap<>(GenericMove.class);
            m.forEach((move, h) -> {
                requirePositive(h, "generic threshold of family " + f + " (" + move + ")");
                copy.put(Objects.requireNonNull(move, "move"), h);
            });
            generic.put(f, Collections.unmodifiableMap(copy));
        });
        genericThresholds = Collections.unmodifiableMap(generic);
        if (!(signatureProbability >= 0) || signatureProbability > 1) {
            throw new IllegalArgumentException("signature probability must be in [0, 1], got " + signatureProbability);
        }
    }

    /** Thresholds without out-of-scenario statistics, posterior figure or signature share (an older calibration). */
    public CusumThresholds(Dyad dyad, Map<Scenario, Double> thresholds, Map<String, Map<Scenario, Double>> familyThresholds,
                           Map<Scenario, Double> probabilityLevels, double budgetProbability, int budgetPeriods,
                           double falseAlarmProbability, int calibrationRuns) {
        this(dyad, thresholds, familyThresholds, probabilityLevels, budgetProbability, budgetPeriods,
                falseAlarmProbability, calibrationRuns, Map.of(), Double.NaN, 0);
    }

    /**
     * The threshold of a family's out-of-scenario CUSUM of a generic move (x2 or x0.5 of the whole family against the
     * status quo alone).
     */
    public double genericThreshold(String family, GenericMove move) {
        Map<GenericMove, Double> m = genericThresholds.get(family);
        if (m == null || m.get(move) == null) {
            throw new IllegalArgumentException("no out-of-scenario CUSUM for family '" + family + "' (" + move
                    + "); monitored: " + genericThresholds);
        }
        return m.get(move);
    }

    /** The whole-scenario threshold of a monitored scenario. */
    public double threshold(Scenario scenario) {
        Double h = thresholds.get(scenario);
        if (h == null) {
            throw new IllegalArgumentException(scenario + " has no CUSUM; monitored: " + CusumState.MONITORED);
        }
        return h;
    }

    /** True when a family's CUSUM toward a scenario is monitored (has a threshold). */
    public boolean monitorsFamily(String family, Scenario scenario) {
        Map<Scenario, Double> m = familyThresholds.get(family);
        return m != null && m.get(scenario) != null;
    }

    /** True when a family's out-of-scenario CUSUM of a generic move is monitored (has a threshold). */
    public boolean monitorsGeneric(String family, GenericMove move) {
        Map<GenericMove, Double> m = genericThresholds.get(family);
        return m != null && m.get(move) != null;
    }

    /** The threshold of a family's CUSUM toward a monitored scenario. */
    public double familyThreshold(String family, Scenario scenario) {
        Map<Scenario, Double> m = familyThresholds.get(family);
        if (m == null || m.get(scenario) == null) {
            throw new IllegalArgumentException("no CUSUM for family '" + family + "' toward " + scenario
                    + "; families: " + familyThresholds.keySet() + ", monitored: " + CusumState.MONITORED);
        }
        return m.get(scenario);
    }

    /** The calibrated level of the probability-level rule for a monitored scenario. */
    public double probabilityLevel(Scenario scenario) {
        Double level = probabilityLevels.get(scenario);
        if (level == null) {
            throw new IllegalArgumentException(scenario + " has no probability level; monitored: " + CusumState.MONITORED);
        }
        return level;
    }

    private static void requirePositive(Double h, String name) {
        if (h == null || !(h > 0) || h.isInfinite()) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + h);
        }
    }
}
