package io.dyadwatch.catalog.model;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.catalog.DyadProfile;
import io.dyadwatch.catalog.Indicator;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scenario model of a catalog (explained with a worked example in {@code docs/model.md}).
 *
 * <p>For dyad d, indicator i and scenario s the expected weighted count per quarter is
 * {@code λ(i,s) = baseline(d,i) * relativeRate(i,s)}; the counts are independent Poisson, so
 * {@code ln P(x | s) = Σ_i [x_i ln λ(i,s) - λ(i,s) - ln Γ(x_i + 1)]} (every indicator takes part, including those with
 * no events: absence is evidence), and the posterior is {@code prior(s) P(x | s) / Σ_t prior(t) P(x | t)}.
 *
 * <p>Immutable and thread-safe; build it once per catalog. {@link #assess} does no I/O and allocates only its result.
 * CUSUM thresholds are calibrated by simulation on first use per dyad and then cached.
 */
public final class ScenarioModel {

    private static final Scenario[] SCENARIOS = Scenario.values();
    private static final int SQ = Scenario.STATUS_QUO.ordinal();

    private final Catalog catalog;
    private final List<String> indicatorIds;
    private final Map<String, Integer> indexById;
    private final Map<Dyad, DyadParameters> parameters;
    private final Map<Dyad, CusumThresholds> thresholds = new ConcurrentHashMap<>();

    /** Precomputed rates of one dyad: lambda[i][s], ln lambda[i][s], ln prior[s]. */
    record DyadParameters(Dyad dyad, double[][] lambda, double[][] logLambda, double[] logPrior,
            double[] totalLambda) {
    }

    /** The model of a catalog. */
    public ScenarioModel(Catalog catalog) {
        this.catalog = catalog;
        List<String> ids = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (Indicator i : catalog.indicators()) {
            index.put(i.id(), ids.size());
            ids.add(i.id());
        }
        this.indicatorIds = List.copyOf(ids);
        this.indexById = Map.copyOf(index);
        Map<Dyad, DyadParameters> p = new LinkedHashMap<>();
        for (DyadProfile profile : catalog.dyads().values()) {
            int n = ids.size();
            double[][] lambda = new double[n][SCENARIOS.length];
            double[][] logLambda = new double[n][SCENARIOS.length];
            for (int i = 0; i < n; i++) {
                Indicator indicator = catalog.indicators().get(i);
                for (Scenario s : SCENARIOS) {
                    lambda[i][s.ordinal()] = profile.baseline(indicator.id()) * indicator.relativeRate(s);
                    logLambda[i][s.ordinal()] = Math.log(lambda[i][s.ordinal()]);
                }
            }
            double[] logPrior = new double[SCENARIOS.length];
            for (Scenario s : SCENARIOS) {
                logPrior[s.ordinal()] = Math.log(profile.priors().get(s));
            }
            double[] totalLambda = new double[SCENARIOS.length];
            for (double[] row : lambda) {
                for (int k = 0; k < SCENARIOS.length; k++) {
                    totalLambda[k] += row[k];
                }
            }
            p.put(profile.dyad(), new DyadParameters(profile.dyad(), lambda, logLambda, logPrior, totalLambda));
        }
        this.parameters = Collections.unmodifiableMap(p);
    }

    /** The catalog this model was built from. */
    public Catalog catalog() {
        return catalog;
    }

    /** Expected weighted count of an indicator in one quarter under a scenario: baseline x relative rate. */
    public double expectedCount(Dyad dyad, String indicatorId, Scenario scenario) {
        return parameters(dyad).lambda()[index(indicatorId)][scenario.ordinal()];
    }

    /**
     * Assesses one period of one dyad.
     *
     * @param dyad           a watched dyad or group
     * @param weightedCounts weighted count per indicator id in the period (missing ids count 0); each finite and &gt;= 0
     * @throws IllegalArgumentException for an unwatched dyad, an unknown indicator or a negative count
     */
    public Assessment assess(Dyad dyad, Map<String, Double> weightedCounts) {
        return assess(dyad, weightedCounts, 1.0);
    }

    /**
     * Assesses counts observed over {@code exposure} periods: a part of the current period (0.25 when a quarter is
     * a quarter gone) or several periods together (a trailing horizon). The counts are Poisson with mean
     * {@code exposure x λ(i,s)}, so silence early in a period is weak evidence and grows as the period passes.
     *
     * @param exposure periods of observation, &gt; 0
     */
    public Assessment assess(Dyad dyad, Map<String, Double> weightedCounts, double exposure) {
        if (!(exposure > 0) || Double.isInfinite(exposure)) {
            throw new IllegalArgumentException("exposure must be finite and > 0, got " + exposure);
        }
        double logExposure = Math.log(exposure);
        DyadParameters p = parameters(dyad);
        int n = indicatorIds.size();
        double[] x = new double[n];
        weightedCounts.forEach((id, count) -> {
            if (count == null || !(count >= 0) || count.isInfinite()) {
                throw new IllegalArgumentException("weighted count of '" + id + "' must be finite and >= 0, got " + count);
            }
            x[index(id)] = count;
        });
        double[] logLikelihood = new double[SCENARIOS.length];
        List<IndicatorContribution> contributions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double logFactorial = PoissonMath.logFactorial(x[i]);
            EnumMap<Scenario, Double> expected = new EnumMap<>(Scenario.class);
            EnumMap<Scenario, Double> terms = new EnumMap<>(Scenario.class);
            for (Scenario s : SCENARIOS) {
                int k = s.ordinal();
                double lambda = exposure * p.lambda()[i][k];
                logLikelihood[k] += x[i] * (p.logLambda()[i][k] + logExposure) - lambda - logFactorial;
                expected.put(s, lambda);
                terms.put(s, x[i] * (p.logLambda()[i][k] - p.logLambda()[i][SQ])
                        - exposure * (p.lambda()[i][k] - p.lambda()[i][SQ]));
            }
            contributions.add(new IndicatorContribution(indicatorIds.get(i), x[i], expected, terms));
        }
        double max = Double.NEGATIVE_INFINITY;
        double[] logJoint = new double[SCENARIOS.length];
        for (int k = 0; k < SCENARIOS.length; k++) {
            logJoint[k] = p.logPrior()[k] + logLikelihood[k];
            max = Math.max(max, logJoint[k]);
        }
        double normaliser = 0;
        for (double lj : logJoint) {
            normaliser += Math.exp(lj - max);
        }
        EnumMap<Scenario, Double> ll = new EnumMap<>(Scenario.class);
        EnumMap<Scenario, Double> posterior = new EnumMap<>(Scenario.class);
        EnumMap<Scenario, Double> llr = new EnumMap<>(Scenario.class);
        for (Scenario s : SCENARIOS) {
            int k = s.ordinal();
            ll.put(s, logLikelihood[k]);
            posterior.put(s, Math.exp(logJoint[k] - max) / normaliser);
            llr.put(s, logLikelihood[k] - logLikelihood[SQ]);
        }
        return new Assessment(dyad, weightedCounts, ll, posterior, llr, contributions);
    }

    /** The catalog's indicator ids, in catalog order: the positions of {@link #evaluate}'s counts. */
    public List<String> indicatorIds() {
        return indicatorIds;
    }

    /** The position of an indicator in {@link #indicatorIds()}. */
    public int indicatorIndex(String indicatorId) {
        return index(indicatorId);
    }

    /**
     * The same judgement as {@link #assess(Dyad, Map, double)} for the posterior and the log-likelihood ratios,
     * without the per-indicator breakdown (computed on request by {@link Evaluation#term}): the path taken once per
     * report, where building {@link IndicatorContribution}s for every indicator was most of the cost. The terms
     * that do not depend on the scenario ({@code ln x!}, {@code x ln exposure}) are left out: they cancel in both.
     *
     * @param counts   weighted count per indicator, in {@link #indicatorIds()} order; each finite and &gt;= 0
     * @param exposure periods of observation, &gt; 0
     */
    public Evaluation evaluate(Dyad dyad, double[] counts, double exposure) {
        if (!(exposure > 0) || Double.isInfinite(exposure)) {
            throw new IllegalArgumentException("exposure must be finite and > 0, got " + exposure);
        }
        DyadParameters p = parameters(dyad);
        if (counts.length != indicatorIds.size()) {
            throw new IllegalArgumentException("expected " + indicatorIds.size() + " counts, got " + counts.length);
        }
        double[] logLikelihood = new double[SCENARIOS.length];
        for (int k = 0; k < SCENARIOS.length; k++) {
            logLikelihood[k] = -exposure * p.totalLambda()[k];
        }
        for (int i = 0; i < counts.length; i++) {
            double x = counts[i];
            if (x != 0) {
                if (!(x > 0) || Double.isInfinite(x)) {
                    throw new IllegalArgumentException("weighted count of '" + indicatorIds.get(i)
                            + "' must be finite and >= 0, got " + x);
                }
                double[] logLambda = p.logLambda()[i];
                for (int k = 0; k < SCENARIOS.length; k++) {
                    logLikelihood[k] += x * logLambda[k];
                }
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        double[] logJoint = new double[SCENARIOS.length];
        for (int k = 0; k < SCENARIOS.length; k++) {
            logJoint[k] = p.logPrior()[k] + logLikelihood[k];
            max = Math.max(max, logJoint[k]);
        }
        double normaliser = 0;
        for (double lj : logJoint) {
            normaliser += Math.exp(lj - max);
        }
        double[] posterior = new double[SCENARIOS.length];
        double[] llr = new double[SCENARIOS.length];
        for (int k = 0; k < SCENARIOS.length; k++) {
            posterior[k] = Math.exp(logJoint[k] - max) / normaliser;
            llr[k] = logLikelihood[k] - logLikelihood[SQ];
        }
        return new Evaluation(p, counts.clone(), exposure, posterior, llr);
    }

    /** What {@link #evaluate} found: posterior and log-likelihood ratios by scenario, terms per indicator. */
    public static final class Evaluation {
        private final DyadParameters parameters;
        private final double[] counts;
        private final double exposure;
        private final double[] posterior;
        private final double[] llr;

        Evaluation(DyadParameters parameters, double[] counts, double exposure, double[] posterior, double[] llr) {
            this.parameters = parameters;
            this.counts = counts;
            this.exposure = exposure;
            this.posterior = posterior;
            this.llr = llr;
        }

        /** P(scenario | counts). */
        public double posterior(Scenario scenario) {
            return posterior[scenario.ordinal()];
        }

        /** The posterior of every scenario. */
        public Map<Scenario, Double> posterior() {
            EnumMap<Scenario, Double> map = new EnumMap<>(Scenario.class);
            for (Scenario s : SCENARIOS) {
                map.put(s, posterior[s.ordinal()]);
            }
            return map;
        }

        /** ln P(counts | scenario) - ln P(counts | STATUS_QUO): the CUSUM increment. */
        public double llrVsStatusQuo(Scenario scenario) {
            return llr[scenario.ordinal()];
        }

        /** Indicator {@code i}'s term of {@link #llrVsStatusQuo}: the terms of all indicators sum to it. */
        public double term(int i, Scenario scenario) {
            int k = scenario.ordinal();
            return counts[i] * (parameters.logLambda()[i][k] - parameters.logLambda()[i][SQ])
                    - exposure * (parameters.lambda()[i][k] - parameters.lambda()[i][SQ]);
        }

        /** The counts evaluated, in {@link ScenarioModel#indicatorIds()} order (a copy). */
        public double[] counts() {
            return counts.clone();
        }

        /** The exposure evaluated, in quarters. */
        public double exposure() {
            return exposure;
        }
    }

    /** CUSUM thresholds of a watched dyad, calibrated to the catalog's false-alarm budget (computed once, then cached). */
    public CusumThresholds thresholds(Dyad dyad) {
        DyadParameters p = parameters(dyad);
        return thresholds.computeIfAbsent(dyad, d -> ThresholdCalibrator.calibrate(p, catalog.cusum()));
    }

    /**
     * The log-likelihood ratio of rate {@code rateS} against rate {@code rateT} (both relative to {@code baseline})
     * for one Poisson count {@code count}: {@code count ln(rateS / rateT) - baseline (rateS - rateT)}.
     */
    public static double logLikelihoodRatio(double count, double baseline, double rateS, double rateT) {
        return count * Math.log(rateS / rateT) - baseline * (rateS - rateT);
    }

    private DyadParameters parameters(Dyad dyad) {
        DyadParameters p = parameters.get(dyad);
        if (p == null) {
            throw new IllegalArgumentException("dyad " + dyad + " is not watched; watched: " + parameters.keySet());
        }
        return p;
    }

    private int index(String indicatorId) {
        Integer i = indexById.get(indicatorId);
        if (i == null) {
            throw new IllegalArgumentException("unknown indicator '" + indicatorId + "'");
        }
        return i;
    }
}
