package io.dyadwatch.catalog.model;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.catalog.DyadProfile;
import io.dyadwatch.catalog.Indicator;
import io.dyadwatch.catalog.baseline.BaselineInfo;
import io.dyadwatch.catalog.baseline.RatePosterior;
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
 * <p>Each confirmed event is one observation of its kind, the set of indicators it matched ({@link KindLikelihood}):
 * per family, the number of its events over an exposure of e quarters is negative binomial (mean e Λ_f(s), the
 * predictive size for the baselines' uncertainty), and given that number the kinds are multinomial; families are
 * independent given the scenario. Each indicator's marginal rate is {@code λ(i,s) = baseline(d,i) x relativeRate(i,s)}
 * for a single-indicator kind, a kind of several moving by the geometric mean of theirs. Every observed family takes
 * part, including those with no events (absence is evidence, for observed time only); a family with exposure 0 takes
 * no part. Per family, out-of-scenario ratios ({@link GenericMove}) test the status quo alone.
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
     * Precomputed parameters of one dyad: each indicator's marginal rate per scenario {@code lambda[i][s]} (baseline x
     * relative rate) and its family's overdispersion {@code size[i]} (infinite for Poisson), the family index of each
     * indicator, ln prior[s], and the likelihood of what is counted ({@link KindLikelihood}).
     */
    record DyadParameters(Dyad dyad, double[][] lambda, double[] size, int[] family, List<String> families,
                          double[] logPrior, double[] prior, KindLikelihood kinds) {
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
        int[] family = new int[n];
        for (int i = 0; i < n; i++) {
            Indicator indicator = catalog.indicators().get(i);
            family[i] = families.indexOf(indicator.family());
            size[i] = profile.dispersion(indicator.family());
            for (Scenario s : SCENARIOS) {
                lambda[i][s.ordinal()] = profile.baseline(indicator.id()) * indicator.relativeRate(s);
            }
        }
        double[] logPrior = new double[SCENARIOS.length];
        double[] prior = new double[SCENARIOS.length];
        for (Scenario s : SCENARIOS) {
            prior[s.ordinal()] = profile.priors().get(s);
            logPrior[s.ordinal()] = Math.log(prior[s.ordinal()]);
        }
        return new DyadParameters(profile.dyad(), lambda, size, family, families, logPrior, prior,
                new KindLikelihood(catalog, profile));
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

    /**
     * The uncertainty of a dyad's status-quo rate of an indicator: the window's Gamma posterior (confirmed events + 1/2
     * over the window's quarters), or a judgement taken as worth a 24-quarter window; null for a signature indicator
     * whose rate is a judgement taken as stated ({@link #isSignature}).
     */
    public RatePosterior baselinePosterior(Dyad dyad, String indicatorId) {
        parameters(dyad);
        index(indicatorId);
        return RatePosterior.of(catalog, catalog.dyad(dyad), indicatorId);
    }

    /**
     * True when one confirmed event of this indicator is a signature event for this dyad (a signature alert, inside the
     * false-alarm budget): the catalog marks it and the dyad's status-quo rate of it is the judged one.
     */
    public boolean isSignature(Dyad dyad, String indicatorId) {
        parameters(dyad);
        return KindLikelihood.isSignature(catalog, catalog.dyad(dyad), indicatorId);
    }

    /** The signature indicators of a dyad ({@link #isSignature}), catalog order. */
    public List<String> signatureIndicators(Dyad dyad) {
        return indicatorIds.stream().filter(id -> isSignature(dyad, id)).toList();
    }

    /**
     * Each candidate statistic's status-quo drift and the chance a rate error the window allows turns it upward; the
     * statistics whose chance exceeds their allotment are not monitored (docs/model.md, section 8).
     */
    public List<StatisticDrift> drifts(Dyad dyad) {
        parameters(dyad);
        PipelineSimulation sim = PipelineSimulation.of(this, dyad);
        return sim.drifts(sim.statistics(List.of()), catalog.cusum().seed());
    }

    /**
     * The factor of a family's out-of-scenario check (x2, x3, ... for a rise; x0.5, ... for a fall): the mildest whose
     * drift holds under the baselines' uncertainty; NaN when the family has none (not checked).
     */
    public double genericFactor(Dyad dyad, String family, GenericMove move) {
        return parameters(dyad).kinds().genericFactor(family, move);
    }

    /** The split of the false-alarm budget between the classes of statistics, as a sentence. */
    public static String budgetShares() {
        ThresholdCalibrator.Shares s = ThresholdCalibrator.SHARES;
        return String.format(java.util.Locale.ROOT, "Budget split: each statistic's per-history alarm probability is its"
                + " share x alpha: whole-scenario CUSUM %.0f shares each, family CUSUM %.0f, out-of-scenario CUSUM %.0f,"
                + " probability level %.0f%s; signature alerts take what their judged rates give; alpha is the largest"
                + " that holds the budget in both held-out samples.", s.whole(), s.family(), s.generic(), s.probability(),
                s.probability() == 0 ? " (dropped)" : "");
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
     *
     * <p>Per-indicator counts cannot say which indicators one event matched: each count is read as that many events
     * matching that indicator alone (the rule for an event of no known kind, {@link KindLikelihood#resolve}). Pass
     * {@link KindCounts} to {@link #assess(Dyad, KindCounts, Exposure)} to count each event once. A family's exposure
     * is the largest of its indicators'.
     */
    public Assessment assess(Dyad dyad, Map<String, Double> counts, Exposure exposure) {
        checkCounts(counts);
        return assess(dyad, KindCounts.ofSingleIndicators(counts), exposure);
    }

    /**
     * Assesses confirmed events by kind (the set of indicators each matched: one observation per event) with an
     * exposure per indicator (a family's exposure is the largest of its indicators'; 0 = not observed, no term).
     */
    public Assessment assess(Dyad dyad, KindCounts counts, Exposure exposure) {
        DyadParameters p = parameters(dyad);
        double[] familyExposure = new double[families.size()];
        for (int i = 0; i < indicatorIds.size(); i++) {
            double e = exposure.of(indicatorIds.get(i));
            familyExposure[p.family()[i]] = Math.max(familyExposure[p.family()[i]], e);
        }
        double[] kindCounts = kindVector(p, counts);
        Evaluation ev = evaluate(p, kindCounts, familyExposure);
        return ev.toAssessment(indicatorIds, ev.indicatorCounts(), logLikelihood(p, kindCounts, familyExposure));
    }

    private static void checkCounts(Map<String, Double> counts) {
        counts.forEach((id, count) -> {
            if (count == null || !(count >= 0) || count.isInfinite()) {
                throw new IllegalArgumentException("count of '" + id + "' must be finite and >= 0, got " + count);
            }
        });
    }

    /**
     * Kind counts as a vector of the dyad's kinds, an unknown set resolved by {@link KindLikelihood#resolve}; the last
     * entry counts the events of no known kind.
     */
    private double[] kindVector(DyadParameters p, KindCounts counts) {
        double[] n = new double[p.kinds().kinds().size() + 1];
        counts.counts().forEach((ids, count) -> {
            ids.forEach(this::index);
            int[] parts = p.kinds().resolve(ids);
            for (int k : parts) {
                n[k] += count;
            }
            if (parts.length > 1) {
                n[n.length - 1] += count;
            }
        });
        return n;
    }

    /**
     * ln P(counts | s) of every scenario, observed families only: per family the NB of its total and the multinomial
     * of its kinds ({@link KindLikelihood}).
     */
    private static double[] logLikelihood(DyadParameters p, double[] kindCounts, double[] familyExposure) {
        KindLikelihood kl = p.kinds();
        int fams = familyExposure.length;
        double[] ll = new double[SCENARIOS.length];
        double[] total = new double[fams];
        double[] common = new double[fams];
        for (int k = 0; k < kl.kinds().size(); k++) {
            total[kl.family()[k]] += kindCounts[k];
            common[kl.family()[k]] -= PoissonMath.logFactorial(kindCounts[k]);
        }
        for (Scenario s : SCENARIOS) {
            double[] familyRate = new double[fams];
            for (int k = 0; k < kl.kinds().size(); k++) {
                familyRate[kl.family()[k]] += kl.rate(k, s);
            }
            double sum = 0;
            for (int f = 0; f < fams; f++) {
                if (familyExposure[f] > 0) {
                    sum += NegativeBinomial.logPmf(total[f], familyExposure[f], familyRate[f], kl.size(f))
                            + PoissonMath.logFactorial(total[f]) + common[f];
                }
            }
            for (int k = 0; k < kl.kinds().size(); k++) {
                int f = kl.family()[k];
                if (familyExposure[f] > 0 && kindCounts[k] > 0) {
                    sum += kindCounts[k] * Math.log(kl.rate(k, s) / familyRate[f]);
                }
            }
            ll[s.ordinal()] = sum;
        }
        return ll;
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
     * The same judgement as {@link #assess(Dyad, Map, double)} for the posterior and the log-likelihood ratios (whole,
     * per family and the generic moves), without the per-indicator breakdown (computed on request by
     * {@link Evaluation#term}). Every indicator observed for {@code exposure} periods. Each indicator count is read as
     * that many single-indicator events; {@link #evaluate(Dyad, KindCounts, double)} counts each event once.
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
     * coverage. A family's exposure is the largest of its indicators'; a family with exposure 0 was not observed and
     * adds no term.
     */
    public Evaluation evaluate(Dyad dyad, double[] counts, double[] exposure) {
        DyadParameters p = parameters(dyad);
        int n = indicatorIds.size();
        if (counts.length != n || exposure.length != n) {
            throw new IllegalArgumentException("expected " + n + " counts and exposures, got " + counts.length + " and "
                    + exposure.length);
        }
        double[] kindCounts = new double[p.kinds().kinds().size() + 1];
        double[] familyExposure = new double[families.size()];
        for (int i = 0; i < n; i++) {
            double x = counts[i];
            double e = exposure[i];
            if (!(x >= 0) || Double.isInfinite(x)) {
                throw new IllegalArgumentException("count of '" + indicatorIds.get(i) + "' must be finite and >= 0, got " + x);
            }
            if (!(e >= 0) || Double.isInfinite(e)) {
                throw new IllegalArgumentException("exposure of '" + indicatorIds.get(i) + "' must be finite and >= 0, got " + e);
            }
            kindCounts[p.kinds().singleton(indicatorIds.get(i))] += x;
            familyExposure[p.family()[i]] = Math.max(familyExposure[p.family()[i]], e);
        }
        return evaluate(p, kindCounts, familyExposure);
    }

    /**
     * The judgement of confirmed events counted by kind, each event ONE observation of the set of indicators it
     * matched ({@link KindLikelihood}); an event whose set is no known kind counts as the known kinds that make it up
     * ({@link Evaluation#unknownKindEvents()} says how many). Every family observed for {@code exposure} quarters
     * (0: nothing observed, the posterior is the prior).
     *
     * @throws IllegalArgumentException for an unwatched dyad, an unknown indicator id or an exposure not finite and &gt;= 0
     */
    public Evaluation evaluate(Dyad dyad, KindCounts counts, double exposure) {
        double[] e = new double[families.size()];
        java.util.Arrays.fill(e, exposure);
        return evaluate(dyad, counts, e);
    }

    /**
     * {@link #evaluate(Dyad, KindCounts, double)} with an exposure per family, in catalog family order
     * ({@code catalog().families()}): a family with exposure 0 adds no term.
     */
    public Evaluation evaluate(Dyad dyad, KindCounts counts, double[] exposurePerFamily) {
        DyadParameters p = parameters(dyad);
        if (exposurePerFamily.length != families.size()) {
            throw new IllegalArgumentException("expected " + families.size() + " family exposures, got "
                    + exposurePerFamily.length);
        }
        for (double e : exposurePerFamily) {
            if (!(e >= 0) || Double.isInfinite(e)) {
                throw new IllegalArgumentException("exposure must be finite and >= 0, got " + e);
            }
        }
        return evaluate(p, kindVector(p, counts), exposurePerFamily.clone());
    }

    /** The core: kind counts (the last entry: events of no known kind) and family exposures. */
    private Evaluation evaluate(DyadParameters p, double[] kindCounts, double[] familyExposure) {
        KindLikelihood kl = p.kinds();
        int fams = families.size();
        double[][] familyLlr = new double[fams][SCENARIOS.length];
        double[][] genericLlr = new double[fams][GenericMove.values().length];
        for (Scenario s : SCENARIOS) {
            addTerms(kl, kl.scenario(s), kindCounts, familyExposure, familyLlr, s.ordinal(), -1);
        }
        for (int f = 0; f < fams; f++) {
            for (GenericMove move : GenericMove.values()) {
                addTerms(kl, kl.generic(f, move), kindCounts, familyExposure, genericLlr, move.ordinal(), f);
            }
        }
        double[] llr = new double[SCENARIOS.length];
        for (int f = 0; f < fams; f++) {
            for (int s = 0; s < SCENARIOS.length; s++) {
                llr[s] += familyLlr[f][s];
            }
        }
        double[] posterior = new double[SCENARIOS.length];
        posterior(p, llr).forEach((s, v) -> posterior[s.ordinal()] = v);
        return new Evaluation(p, kindCounts, familyExposure, posterior, llr, familyLlr, genericLlr);
    }

    /** Adds a hypothesis' terms per family into {@code into[f][column]} (only family {@code only} when >= 0). */
    private static void addTerms(KindLikelihood kl, KindLikelihood.Coefficients c, double[] kindCounts,
                                 double[] familyExposure, double[][] into, int column, int only) {
        for (int k = 0; k < kl.kinds().size(); k++) {
            int f = kl.family()[k];
            if ((only < 0 || f == only) && familyExposure[f] > 0 && kindCounts[k] != 0) {
                into[f][column] += kindCounts[k] * c.perEvent()[k];
            }
        }
        for (int f = 0; f < familyExposure.length; f++) {
            if ((only < 0 || f == only) && familyExposure[f] > 0) {
                into[f][column] += familyExposure[f] * c.perPeriod()[f];
            }
        }
    }

    /**
     * What {@link #evaluate} found: posterior and log-likelihood ratios by scenario (whole and per family), the
     * generic moves of each family against the status quo alone, and terms per indicator (an attribution).
     */
    public static final class Evaluation {
        private final DyadParameters parameters;
        private final double[] kindCounts;
        private final double[] familyExposure;
        private final double[] posterior;
        private final double[] llr;
        private final double[][] familyLlr;
        private final double[][] genericLlr;

        Evaluation(DyadParameters parameters, double[] kindCounts, double[] familyExposure, double[] posterior,
                   double[] llr, double[][] familyLlr, double[][] genericLlr) {
            this.parameters = parameters;
            this.kindCounts = kindCounts;
            this.familyExposure = familyExposure;
            this.posterior = posterior;
            this.llr = llr;
            this.familyLlr = familyLlr;
            this.genericLlr = genericLlr;
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
            return familyLlr[familyIndex(family)][scenario.ordinal()];
        }

        /**
         * The log-likelihood ratio of a generic move of one family (every kind of it x2 or x0.5) against the status
         * quo: the increment of that family's out-of-scenario CUSUM (docs/model.md, "No scenario fits").
         */
        public double genericLlrVsStatusQuo(String family, GenericMove move) {
            return genericLlr[familyIndex(family)][move.ordinal()];
        }

        private int familyIndex(String family) {
            int f = parameters.families().indexOf(family);
            if (f < 0) {
                throw new IllegalArgumentException("unknown family '" + family + "'; families: " + parameters.families());
            }
            return f;
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

        /**
         * Indicator {@code i}'s share of {@link #llrVsStatusQuo} (an attribution; the terms of all indicators sum to
         * it, 0 when unobserved): each event's term split equally over the indicators of its kind, each family's
         * per-period term over the family's indicators in proportion to their status-quo rates.
         */
        public double term(int i, Scenario scenario) {
            KindLikelihood kl = parameters.kinds();
            int f = parameters.family()[i];
            if (familyExposure[f] == 0) {
                return 0;
            }
            KindLikelihood.Coefficients c = kl.scenario(scenario);
            double term = 0;
            for (int k = 0; k < kl.kinds().size(); k++) {
                List<String> set = kl.kinds().get(k);
                if (kindCounts[k] != 0 && set.contains(indicatorId(i))) {
                    term += kindCounts[k] * c.perEvent()[k] / set.size();
                }
            }
            double familyRate = 0;
            for (int j = 0; j < parameters.family().length; j++) {
                if (parameters.family()[j] == f) {
                    familyRate += parameters.lambda()[j][SQ];
                }
            }
            return term + familyExposure[f] * c.perPeriod()[f] * parameters.lambda()[i][SQ] / familyRate;
        }

        private String indicatorId(int i) {
            return parameters.kinds().indicatorIds().get(i);
        }

        /** Confirmed events per indicator, in {@link ScenarioModel#indicatorIds()} order: an event counts for each of its indicators. */
        public double[] counts() {
            return indicatorCounts();
        }

        double[] indicatorCounts() {
            KindLikelihood kl = parameters.kinds();
            double[] c = new double[parameters.family().length];
            for (int k = 0; k < kl.kinds().size(); k++) {
                if (kindCounts[k] != 0) {
                    for (String id : kl.kinds().get(k)) {
                        c[kl.indicatorIds().indexOf(id)] += kindCounts[k];
                    }
                }
            }
            return c;
        }

        /** The confirmed events evaluated, by kind (events of no known kind as the known kinds they were read as). */
        public KindCounts kindCounts() {
            Map<List<String>, Double> m = new LinkedHashMap<>();
            List<List<String>> kinds = parameters.kinds().kinds();
            for (int k = 0; k < kinds.size(); k++) {
                if (kindCounts[k] != 0) {
                    m.put(kinds.get(k), kindCounts[k]);
                }
            }
            return new KindCounts(m);
        }

        /** Events whose indicator set was no known kind, each counted as the known kinds that make it up. */
        public double unknownKindEvents() {
            return kindCounts[kindCounts.length - 1];
        }

        /** The exposure evaluated, in quarters: the largest of the families' (all equal for a uniform exposure). */
        public double exposure() {
            double max = 0;
            for (double e : familyExposure) {
                max = Math.max(max, e);
            }
            return max;
        }

        /** Indicator {@code i}'s exposure, in quarters (its family's; 0: not observed). */
        public double exposure(int i) {
            return familyExposure[parameters.family()[i]];
        }

        /** The Assessment of this evaluation, with per-indicator contributions (attributions) and log-likelihoods. */
        Assessment toAssessment(List<String> ids, double[] counts, double[] logLikelihood) {
            List<IndicatorContribution> contributions = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                double e = exposure(i);
                EnumMap<Scenario, Double> expected = new EnumMap<>(Scenario.class);
                EnumMap<Scenario, Double> terms = new EnumMap<>(Scenario.class);
                for (Scenario s : SCENARIOS) {
                    expected.put(s, e * parameters.lambda()[i][s.ordinal()]);
                    terms.put(s, term(i, s));
                }
                contributions.add(new IndicatorContribution(ids.get(i), counts[i], expected, terms, e));
            }
            EnumMap<Scenario, Double> ll = new EnumMap<>(Scenario.class);
            EnumMap<Scenario, Double> llrMap = new EnumMap<>(Scenario.class);
            for (Scenario s : SCENARIOS) {
                ll.put(s, logLikelihood[s.ordinal()]);
                llrMap.put(s, llr[s.ordinal()]);
            }
            Map<String, Double> byId = new LinkedHashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                if (counts[i] != 0) {
                    byId.put(ids.get(i), counts[i]);
                }
            }
            return new Assessment(parameters.dyad(), byId, ll, posterior(), llrMap, contributions, familyLlrVsStatusQuo());
        }
    }
}
