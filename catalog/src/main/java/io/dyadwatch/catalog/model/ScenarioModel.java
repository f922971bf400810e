package io.dyadwatch.catalog.model;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.catalog.DyadProfile;
import io.dyadwatch.catalog.Indicator;
import io.dyadwatch.catalog.baseline.BaselineInfo;
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
 * <p>For dyad d, indicator i and scenario s the expected count of confirmed events per quarter is
 * {@code λ(i,s) = baseline(d,i) * relativeRate(i,s)}; counts over an exposure of e quarters are negative binomial with
 * mean {@code e λ(i,s)} and size {@code e k(family of i)} (Poisson when the dyad has no estimated dispersion), and
 * independent given the scenario. Every observed indicator takes part, including those with no events (absence is
 * evidence, for observed time only); an indicator with exposure 0 takes no part.
 *
 * <p>Immutable and thread-safe; build it once per catalog. {@link #assess} does no I/O. Alarm thresholds are
 * calibrated by simulating the pipeline on first use per dyad ({@link ThresholdCalibrator}) and then cached.
 */
public final class ScenarioModel {

    private static final Scenario[] SCENARIOS = Scenario.values();
    private static final int SQ = Scenario.STATUS_QUO.ordinal();

    private final Catalog catalog;
    private final List<String> indicatorIds;
    private final Map<String, Integer> indexById;
    private final List<String> families;
    private final Map<Dyad, DyadParameters> parameters;
    private final Map<Dyad, CusumThresholds> thresholds = new ConcurrentHashMap<>();

    /**
     * Precomputed rates of one dyad, per indicator i and scenario s: {@code lambda[i][s]}, NB size {@code size[i]}
     * (infinite for Poisson), the LLR against STATUS_QUO per confirmed event {@code perEvent[i][s]} and per quarter
     * of exposure {@code perPeriod[i][s]}, the family index of each indicator, ln prior[s].
     */
    record DyadParameters(Dyad dyad, double[][] lambda, double[] size, double[][] perEvent, double[][] perPeriod,
                          int[] family, List<String> families, double[] logPrior, double[] prior) {
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
        this.families = List.copyOf(catalog.families().keySet());
        Map<Dyad, DyadParameters> p = new LinkedHashMap<>();
        for (DyadProfile profile : catalog.dyads().values()) {
            p.put(profile.dyad(), parametersOf(profile));
        }
        this.parameters = Collections.unmodifiableMap(p);
        thresholds.putAll(StoredCalibration.shippedFor(catalog));
    }

    private DyadParameters parametersOf(DyadProfile profile) {
        int n = indicatorIds.size();
        double[][] lambda = new double[n][SCENARIOS.length];
        double[] size = new double[n];
        double[][] perEvent = new double[n][SCENARIOS.length];
        double[][] perPeriod = new double[n][SCENARIOS.length];
        int[] family = new int[n];
        for (int i = 0; i < n; i++) {
            Indicator indicator = catalog.indicators().get(i);
            family[i] = families.indexOf(indicator.family());
            size[i] = profile.dispersion(indicator.family());
            for (Scenario s : SCENARIOS) {
                lambda[i][s.ordinal()] = profile.baseline(indicator.id()) * indicator.relativeRate(s);
            }
            for (Scenario s : SCENARIOS) {
                perEvent[i][s.ordinal()] = NegativeBinomial.perEvent(lambda[i][SQ], lambda[i][s.ordinal()], size[i]);
                perPeriod[i][s.ordinal()] = NegativeBinomial.perPeriod(lambda[i][SQ], lambda[i][s.ordinal()], size[i]);
            }
        }
        double[] logPrior = new double[SCENARIOS.length];
        double[] prior = new double[SCENARIOS.length];
        for (Scenario s : SCENARIOS) {
            prior[s.ordinal()] = profile.priors().get(s);
            logPrior[s.ordinal()] = Math.log(prior[s.ordinal()]);
        }
        return new DyadParameters(profile.dyad(), lambda, size, perEvent, perPeriod, family, families, logPrior, prior);
    }

    /** The catalog this model was built from. */
    public Catalog catalog() {
        return catalog;
    }

    /**
     * Where a watched dyad's baselines come from (record and window, or judgement), the events counted and the rates
     * and dispersion derived: what an assessment records as its {@code baseline: {from, to, source}}.
     */
    public BaselineInfo baselineInfo(Dyad dyad) {
        parameters(dyad);
        return catalog.dyad(dyad).baselineInfo();
    }

    /** Expected count of an indicator in one quarter under a scenario: baseline x relative rate. */
    public double expectedCount(Dyad dyad, String indicatorId, Scenario scenario) {
        return parameters(dyad).lambda()[index(indicatorId)][scenario.ordinal()];
    }

    /** The negative-binomial size of an indicator's quarterly count for a dyad, infinite for Poisson. */
    public double dispersion(Dyad dyad, String indicatorId) {
        return parameters(dyad).size()[index(indicatorId)];
    }

    /**
     * Assesses one whole period of one dyad, every indicator observed.
     *
     * @param dyad   a watched dyad or group
     * @param counts confirmed events per indicator id in the period (missing ids count 0); each finite and &gt;= 0
     * @throws IllegalArgumentException for an unwatched dyad, an unknown indicator or a negative count
     */
    public Assessment assess(Dyad dyad, Map<String, Double> counts) {
        return assess(dyad, counts, 1.0);
    }

    /**
     * Assesses counts observed over {@code exposure} periods, every indicator alike: a part of the current period
     * (0.25 when a quarter is a quarter gone) or several periods together (a trailing horizon).
     *
     * @param exposure periods of observation, &gt; 0
     */
    public Assessment assess(Dyad dyad, Map<String, Double> counts, double exposure) {
        if (!(exposure > 0) || Double.isInfinite(exposure)) {
            throw new IllegalArgumentException("exposure must be finite and > 0, got " + exposure);
        }
        return assess(dyad, counts, Exposure.uniform(exposure));
    }

    /**
     * Assesses counts with an exposure per indicator (coverage): an indicator's expected count scales with its
     * exposure, and an indicator with exposure 0 was not observed and adds no term at all (its count, if any, is
     * ignored). With nothing observed the posterior is the prior.
     */
    public Assessment assess(Dyad dyad, Map<String, Double> counts, Exposure exposure) {
        DyadParameters p = parameters(dyad);
        int n = indicatorIds.size();
        double[] x = new double[n];
        counts.forEach((id, count) -> {
            if (count == null || !(count >= 0) || count.isInfinite()) {
                throw new IllegalArgumentException("count of '" + id + "' must be finite and >= 0, got " + count);
            }
            x[index(id)] = count;
        });
        double[] logLikelihood = new double[SCENARIOS.length];
        double[][] familyLlr = new double[families.size()][SCENARIOS.length];
        List<IndicatorContribution> contributions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double e = exposure.of(indicatorIds.get(i));
            EnumMap<Scenario, Double> expected = new EnumMap<>(Scenario.class);
            EnumMap<Scenario, Double> terms = new EnumMap<>(Scenario.class);
            for (Scenario s : SCENARIOS) {
                int k = s.ordinal();
                expected.put(s, e * p.lambda()[i][k]);
                double term = e == 0 ? 0 : x[i] * p.perEvent()[i][k] + e * p.perPeriod()[i][k];
                terms.put(s, term);
                familyLlr[p.family()[i]][k] += term;
            }
            if (e > 0) {
                addLogLikelihood(logLikelihood, p, i, x[i], e);
            }
            contributions.add(new IndicatorContribution(indicatorIds.get(i), x[i], expected, terms, e));
        }
        EnumMap<Scenario, Double> ll = new EnumMap<>(Scenario.class);
        EnumMap<Scenario, Double> llr = new EnumMap<>(Scenario.class);
        double[] llrArray = new double[SCENARIOS.length];
        for (Scenario s : SCENARIOS) {
            int k = s.ordinal();
            ll.put(s, logLikelihood[k]);
            // the sum of the terms, not the difference of log-likelihoods: exact 0 for unobserved indicators
            double sum = 0;
            for (IndicatorContribution c : contributions) {
                sum += c.llrVsStatusQuo().get(s);
            }
            llrArray[k] = sum;
            llr.put(s, sum);
        }
        Map<String, Map<Scenario, Double>> byFamily = new LinkedHashMap<>();
        for (int f = 0; f < families.size(); f++) {
            EnumMap<Scenario, Double> m = new EnumMap<>(Scenario.class);
            for (Scenario s : SCENARIOS) {
                m.put(s, familyLlr[f][s.ordinal()]);
            }
            byFamily.put(families.get(f), m);
        }
        return new Assessment(dyad, counts, ll, posterior(p, llrArray), llr, contributions, byFamily);
    }

    /**
     * Adds indicator i's NB log-probability under every scenario ({@link NegativeBinomial#logPmf}), with the part that
     * is the same under every scenario computed once (this runs after every event in the pipeline).
     */
    private static void addLogLikelihood(double[] logLikelihood, DyadParameters p, int i, double n, double e) {
        double k = p.size()[i];
        if (Double.isInfinite(k)) {
            double common = n * Math.log(e) - PoissonMath.logFactorial(n);
            for (int s = 0; s < SCENARIOS.length; s++) {
                double lambda = p.lambda()[i][s];
                logLikelihood[s] += common + n * Math.log(lambda) - e * lambda;
            }
            return;
        }
        double r = e * k;
        double common = n == 0 ? 0 : PoissonMath.logGamma(n + r) - PoissonMath.logGamma(r) - PoissonMath.logFactorial(n);
        for (int s = 0; s < SCENARIOS.length; s++) {
            double lambda = p.lambda()[i][s];
            logLikelihood[s] += common + r * Math.log(k / (k + lambda)) + (n == 0 ? 0 : n * Math.log(lambda / (k + lambda)));
        }
    }

    /** Posterior from the priors and log-likelihood ratios against STATUS_QUO (log-sum-exp). */
    static EnumMap<Scenario, Double> posterior(DyadParameters p, double[] llrVsStatusQuo) {
        double max = Double.NEGATIVE_INFINITY;
        double[] logJoint = new double[SCENARIOS.length];
        for (int k = 0; k < SCENARIOS.length; k++) {
            logJoint[k] = p.logPrior()[k] + llrVsStatusQuo[k];
            max = Math.max(max, logJoint[k]);
        }
        double normaliser = 0;
        for (double lj : logJoint) {
            normaliser += Math.exp(lj - max);
        }
        EnumMap<Scenario, Double> posterior = new EnumMap<>(Scenario.class);
        for (Scenario s : SCENARIOS) {
            posterior.put(s, Math.exp(logJoint[s.ordinal()] - max) / normaliser);
        }
        return posterior;
    }

    /**
     * Alarm thresholds of a watched dyad, calibrated to the catalog's false-alarm budget: the stored calibration when
     * it was made for this catalog ({@link StoredCalibration}), else calibrated on first use and then cached.
     */
    public CusumThresholds thresholds(Dyad dyad) {
        parameters(dyad);
        return thresholds.computeIfAbsent(dyad, this::calibrate);
    }

    /** A fresh calibration of a watched dyad by simulating the pipeline (seconds; {@link #thresholds} caches it). */
    public CusumThresholds calibrate(Dyad dyad) {
        parameters(dyad);
        return ThresholdCalibrator.calibrate(PipelineSimulation.of(this, dyad), catalog.cusum());
    }

    /**
     * The Poisson log-likelihood ratio of rate {@code rateS} against rate {@code rateT} (both relative to
     * {@code baseline}) for one count: {@code count ln(rateS / rateT) - baseline (rateS - rateT)}.
     */
    public static double logLikelihoodRatio(double count, double baseline, double rateS, double rateT) {
        return count * Math.log(rateS / rateT) - baseline * (rateS - rateT);
    }

    DyadParameters parameters(Dyad dyad) {
        DyadParameters p = parameters.get(dyad);
        if (p == null) {
            throw new IllegalArgumentException("dyad " + dyad + " is not watched; watched: " + parameters.keySet());
        }
        return p;
    }

    int index(String indicatorId) {
        Integer i = indexById.get(indicatorId);
        if (i == null) {
            throw new IllegalArgumentException("unknown indicator '" + indicatorId + "'");
        }
        return i;
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
     * The same judgement as {@link #assess(Dyad, Map, double)} for the posterior and the log-likelihood ratios (whole
     * and per family), without the per-indicator breakdown (computed on request by {@link Evaluation#term}): the path
     * taken once per report. Every indicator observed for {@code exposure} periods.
     *
     * @param counts   confirmed events per indicator, in {@link #indicatorIds()} order; each finite and &gt;= 0
     * @param exposure periods of observation, &gt; 0
     */
    public Evaluation evaluate(Dyad dyad, double[] counts, double exposure) {
        if (!(exposure > 0) || Double.isInfinite(exposure)) {
            throw new IllegalArgumentException("exposure must be finite and > 0, got " + exposure);
        }
        double[] e = new double[indicatorIds.size()];
        java.util.Arrays.fill(e, exposure);
        return evaluate(dyad, counts, e);
    }

    /**
     * {@link #evaluate(Dyad, double[], double)} with an exposure per indicator ({@link #indicatorIds()} order):
     * coverage. An indicator with exposure 0 was not observed and adds no term.
     */
    public Evaluation evaluate(Dyad dyad, double[] counts, double[] exposure) {
        DyadParameters p = parameters(dyad);
        int n = indicatorIds.size();
        if (counts.length != n || exposure.length != n) {
            throw new IllegalArgumentException("expected " + n + " counts and exposures, got " + counts.length + " and "
                    + exposure.length);
        }
        double[] llr = new double[SCENARIOS.length];
        double[][] familyLlr = new double[families.size()][SCENARIOS.length];
        for (int i = 0; i < n; i++) {
            double x = counts[i];
            double e = exposure[i];
            if (!(x >= 0) || Double.isInfinite(x)) {
                throw new IllegalArgumentException("count of '" + indicatorIds.get(i) + "' must be finite and >= 0, got " + x);
            }
            if (!(e >= 0) || Double.isInfinite(e)) {
                throw new IllegalArgumentException("exposure of '" + indicatorIds.get(i) + "' must be finite and >= 0, got " + e);
            }
            if (e == 0) {
                continue;
            }
            for (int k = 0; k < SCENARIOS.length; k++) {
                double term = x * p.perEvent()[i][k] + e * p.perPeriod()[i][k];
                llr[k] += term;
                familyLlr[p.family()[i]][k] += term;
            }
        }
        double[] posterior = new double[SCENARIOS.length];
        posterior(p, llr).forEach((s, v) -> posterior[s.ordinal()] = v);
        return new Evaluation(p, counts.clone(), exposure.clone(), posterior, llr, familyLlr);
    }

    /** What {@link #evaluate} found: posterior and log-likelihood ratios by scenario (whole and per family), terms per indicator. */
    public static final class Evaluation {
        private final DyadParameters parameters;
        private final double[] counts;
        private final double[] exposure;
        private final double[] posterior;
        private final double[] llr;
        private final double[][] familyLlr;

        Evaluation(DyadParameters parameters, double[] counts, double[] exposure, double[] posterior, double[] llr,
                   double[][] familyLlr) {
            this.parameters = parameters;
            this.counts = counts;
            this.exposure = exposure;
            this.posterior = posterior;
            this.llr = llr;
            this.familyLlr = familyLlr;
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

        /** ln P(counts | scenario) - ln P(counts | STATUS_QUO): the whole-scenario CUSUM increment. */
        public double llrVsStatusQuo(Scenario scenario) {
            return llr[scenario.ordinal()];
        }

        /** The log-likelihood ratio of a move of one family alone toward a scenario: that family's CUSUM increment. */
        public double familyLlrVsStatusQuo(String family, Scenario scenario) {
            int f = parameters.families().indexOf(family);
            if (f < 0) {
                throw new IllegalArgumentException("unknown family '" + family + "'; families: " + parameters.families());
            }
            return familyLlr[f][scenario.ordinal()];
        }

        /** Every family's log-likelihood ratios, as {@link Assessment#familyLlrVsStatusQuo()}. */
        public Map<String, Map<Scenario, Double>> familyLlrVsStatusQuo() {
            Map<String, Map<Scenario, Double>> byFamily = new LinkedHashMap<>();
            for (int f = 0; f < familyLlr.length; f++) {
                EnumMap<Scenario, Double> m = new EnumMap<>(Scenario.class);
                for (Scenario s : SCENARIOS) {
                    m.put(s, familyLlr[f][s.ordinal()]);
                }
                byFamily.put(parameters.families().get(f), m);
            }
            return byFamily;
        }

        /** Indicator {@code i}'s term of {@link #llrVsStatusQuo}: the terms of all indicators sum to it (0 when unobserved). */
        public double term(int i, Scenario scenario) {
            int k = scenario.ordinal();
            return exposure[i] == 0 ? 0 : counts[i] * parameters.perEvent()[i][k] + exposure[i] * parameters.perPeriod()[i][k];
        }

        /** The counts evaluated, in {@link ScenarioModel#indicatorIds()} order (a copy). */
        public double[] counts() {
            return counts.clone();
        }

        /** The exposure evaluated, in quarters: the largest of the indicators' (all equal for a uniform exposure). */
        public double exposure() {
            double max = 0;
            for (double e : exposure) {
                max = Math.max(max, e);
            }
            return max;
        }

        /** Indicator {@code i}'s exposure, in quarters (0: not observed). */
        public double exposure(int i) {
            return exposure[i];
        }
    }
}
