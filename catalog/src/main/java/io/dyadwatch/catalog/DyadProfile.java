package io.dyadwatch.catalog;

import io.dyadwatch.catalog.baseline.BaselineInfo;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A watched dyad or group: its status-quo baseline and prior beliefs.
 *
 * @param dyad     the pair or group
 * @param label    human name
 * @param priors   prior probability of each scenario, each in (0, 1), summing to 1
 * @param baseline events per period (quarter) of each indicator under the status quo; every indicator has one, each &gt; 0
 * @param baselineInfo where the baselines come from: a record's reference window, or analyst judgement
 */
public record DyadProfile(Dyad dyad, String label, Map<Scenario, Double> priors, Map<String, Double> baseline,
                          BaselineInfo baselineInfo) {

    /** How far priors may stray from summing to 1. */
    public static final double PRIOR_TOLERANCE = 1e-6;

    public DyadProfile {
        Objects.requireNonNull(dyad, "dyad");
        label = label == null || label.isBlank() ? dyad.key() : label;
        EnumMap<Scenario, Double> p = new EnumMap<>(Scenario.class);
        double sum = 0;
        for (Scenario s : Scenario.values()) {
            Double v = priors.get(s);
            if (v == null || !(v > 0) || !(v < 1)) {
                throw new IllegalArgumentException(dyad + ": prior of " + s + " must be in (0, 1), got " + v);
            }
            p.put(s, v);
            sum += v;
        }
        if (Math.abs(sum - 1) > PRIOR_TOLERANCE) {
            throw new IllegalArgumentException(dyad + ": priors must sum to 1, got " + sum);
        }
        priors = java.util.Collections.unmodifiableMap(p);
        baseline.forEach((id, rate) -> {
            if (rate == null || !(rate > 0) || rate.isInfinite()) {
                throw new IllegalArgumentException(dyad + ": baseline of " + id + " must be > 0, got " + rate);
            }
        });
        baseline = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(baseline));
        baselineInfo = baselineInfo == null ? BaselineInfo.judgement(baseline) : baselineInfo;
    }

    /** A dyad with analyst baselines (judgement, Poisson counts). */
    public DyadProfile(Dyad dyad, String label, Map<Scenario, Double> priors, Map<String, Double> baseline) {
        this(dyad, label, priors, baseline, null);
    }

    /** The negative-binomial size of a family's counts, {@code Double.POSITIVE_INFINITY} for Poisson. */
    public double dispersion(String family) {
        return baselineInfo.dispersion(family);
    }

    /**
     * True when one confirmed event of the indicator is a signature event for this dyad: the catalog marks it
     * ({@link Indicator#signature()}) and this dyad's status-quo rate of it is the judged one (a dyad whose baseline
     * states its own rate, or whose window saw it, keeps that rate and has no such signature).
     */
    public boolean isSignature(Indicator indicator) {
        return indicator.signature() != null && baseline(indicator.id()) == indicator.signature().statusQuoRate();
    }

    /** Baseline events per period of an indicator. */
    public double baseline(String indicatorId) {
        Double b = baseline.get(indicatorId);
        if (b == null) {
            throw new IllegalArgumentException(dyad + " has no baseline for indicator '" + indicatorId + "'");
        }
        return b;
    }
}
