package io.dyadwatch.catalog.model;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.catalog.DyadProfile;
import io.dyadwatch.catalog.Indicator;
import io.dyadwatch.catalog.baseline.BaselineInfo;
import io.dyadwatch.catalog.baseline.RatePosterior;
import io.dyadwatch.model.assessment.Scenario;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The likelihood of what is counted, for one dyad: each confirmed real-world event is ONE observation of its
 * <em>kind</em>, the set of indicators it matched (docs/model.md, section 3).
 *
 * <p><b>Kinds.</b> The status-quo kinds of {@link EventKinds}: each indicator set a counted event of the reference
 * window matched, at its rate in the window, plus one single-indicator kind per indicator for the rest of its baseline
 * (the half pseudo-event), kinds with the same indicator set merged. A kind belongs to the family of its first
 * indicator (catalog order).
 *
 * <p><b>Model.</b> Per family f and quarter, the number N_f of confirmed events of f's kinds is negative binomial with
 * mean {@code Λ_f(s) = Σ λ_kind(s)} and size k_f (the family's Gamma multiplier, shared by its kinds: a campaign of
 * exercises), and given N_f the kinds are multinomial with probabilities {@code λ_kind(s) / Λ_f(s)}; families are
 * independent. This is exactly what {@link PipelineSimulation} and the {@code Simulator} draw (a Gamma multiplier per
 * family and quarter, a Poisson number of events per kind). The log-likelihood ratio of hypothesis h against the
 * status quo over an exposure of e quarters is linear in the counts and in e:
 * <pre>
 *   LLR_f(h) = Σ_kind n_kind [ln(λ_kind(h) / λ_kind(0)) + ln((k + Λ_f(0)) / (k + Λ_f(h)))]
 *            + e k ln((k + Λ_f(0)) / (k + Λ_f(h)))
 * </pre>
 * (for infinite k: {@code Σ n ln(λ(h)/λ(0)) - e (Λ_f(h) - Λ_f(0))}). Over e quarters the size is e k, so that the
 * sum of independent quarters stays in the family; inside one quarter the simulator's single multiplier makes the
 * partial count NB with size k, so the partial-quarter reading is the Gamma-process approximation (exact at every
 * quarter end; the thresholds are calibrated on exactly these partial readings).
 *
 * <p><b>A scenario's expectation per kind</b> ({@link EventKinds#under}): a kind seen in the window moves by the
 * smallest relative rate of its indicators, and each indicator's single-indicator kind makes up the rest, so that every
 * indicator's rate is exactly the catalog matrix's baseline x relative rate.
 *
 * <p><b>An event of no known kind</b> ({@link #resolve}) counts as the known kinds that make up its indicator set,
 * chosen greedily (the largest known kind inside what is left, ties to the more common one under the status quo):
 * never dropped, never worth more than its parts; {@link ScenarioModel.Evaluation#unknownKindEvents} counts them.
 *
 * <p><b>Baseline uncertainty</b> (section 2 of docs/model.md). The window's Gamma posterior of each kind's rate has
 * shape {@link #shape} (its window count, 1/2 for the half pseudo-event) and rate T (quarters); a family's total has
 * shape a_f, the sum over its kinds. The monitor reads counts with the predictive size
 * {@code 1/k_eff = 1/k + 1/a_f + 1/(k a_f)} (the product of the quarter's Gamma multiplier and the rate's posterior
 * multiplier, matched in mean and variance), wider than the point estimate's.
 */
public final class KindLikelihood {

    private static final Scenario[] SCENARIOS = Scenario.values();
    private static final int SQ = Scenario.STATUS_QUO.ordinal();
    private static final double JUDGEMENT_QUARTERS = RatePosterior.JUDGEMENT_QUARTERS;
    private static final double SMALLEST_SHAPE = RatePosterior.SMALLEST_SHAPE;

    private final List<List<String>> kinds;
    private final Map<List<String>, Integer> indexBySortedIds;
    private final int[] family;
    private final double[] shape;
    private final double windowQuarters;
    private final double[] overdispersion;
    private final double[] size;
    private final double[][] rate;
    private final Coefficients[] scenario;
    private final Coefficients[][] generic;
    private final Map<String, Integer> singleton;
    private final List<String> families;
    private final List<String> indicatorIds;
    private final boolean[] signature;
    private final double[][] genericFactor;

    /**
     * Per-event coefficient of each kind and per-quarter coefficient of each family, of one hypothesis against the
     * status quo: {@code LLR_f = Σ_{kind in f} n_kind perEvent[kind] + e_f perPeriod[f]}.
     */
    record Coefficients(double[] perEvent, double[] perPeriod) {
    }

    KindLikelihood(Catalog catalog, DyadProfile profile) {
        this.families = List.copyOf(catalog.families().keySet());
        this.indicatorIds = catalog.indicators().stream().map(Indicator::id).toList();
        BaselineInfo info = profile.baselineInfo();
        EventKinds base = EventKinds.of(catalog, profile);
        Map<List<String>, Integer> index = new LinkedHashMap<>();
        List<List<String>> sets = new ArrayList<>();
        List<Integer> fam = new ArrayList<>();
        List<Double> windowEvents = new ArrayList<>();
        boolean record = info.basis() == BaselineInfo.Basis.RECORD;
        this.windowQuarters = record ? info.quarters() : JUDGEMENT_QUARTERS;
        for (EventKinds.Kind k : base.kinds()) {
            List<String> key = KindCounts.sortedIds(k.indicators());
            Integer at = index.get(key);
            double events = record ? (k.fromRecord() ? k.rate() * windowQuarters : SMALLEST_SHAPE)
                    : Math.max(SMALLEST_SHAPE, k.rate() * windowQuarters);
            if (at == null) {
                index.put(key, sets.size());
                sets.add(k.indicators());
                fam.add(families.indexOf(catalog.indicator(k.indicators().get(0)).family()));
                windowEvents.add(events);
            } else {
                windowEvents.set(at, windowEvents.get(at) + events);
            }
        }
        this.kinds = List.copyOf(sets);
        this.indexBySortedIds = Map.copyOf(index);
        int n = kinds.size();
        this.family = fam.stream().mapToInt(Integer::intValue).toArray();
        this.shape = windowEvents.stream().mapToDouble(Double::doubleValue).toArray();
        this.singleton = new LinkedHashMap<>();
        for (Indicator i : catalog.indicators()) {
            Integer at = index.get(List.of(i.id()));
            if (at == null) {
                throw new IllegalStateException("indicator " + i.id() + " has no single-indicator kind");
            }
            singleton.put(i.id(), at);
        }
        this.signature = new boolean[n];
        for (int k = 0; k < n; k++) {
            signature[k] = kinds.get(k).stream().anyMatch(id -> isSignature(catalog, profile, id));
            if (kinds.get(k).size() == 1 && signature[k]) {
                shape[k] = Double.POSITIVE_INFINITY; // a judgement, taken as stated: no window posterior
            }
        }
        this.rate = new double[n][SCENARIOS.length];
        for (Scenario s : SCENARIOS) {
            double[] r = ratesOf(base.under(catalog, profile, EventKinds.multipliers(catalog, s, null)));
            for (int k = 0; k < n; k++) {
                rate[k][s.ordinal()] = r[k];
            }
        }
        this.overdispersion = new double[families.size()];
        this.size = new double[families.size()];
        double[] familyShape = new double[families.size()];
        for (int k = 0; k < n; k++) {
            if (!Double.isInfinite(shape[k])) {
                familyShape[family[k]] += shape[k];
            }
        }
        for (int f = 0; f < families.size(); f++) {
            overdispersion[f] = profile.dispersion(families.get(f));
            size[f] = predictiveSize(overdispersion[f], familyShape[f]);
        }
        double[] rate0 = statusQuoRates();
        this.scenario = new Coefficients[SCENARIOS.length];
        for (Scenario s : SCENARIOS) {
            double[] r = new double[n];
            for (int k = 0; k < n; k++) {
                r[k] = rate[k][s.ordinal()];
            }
            scenario[s.ordinal()] = coefficients(rate0, r, size);
        }
        this.generic = new Coefficients[families.size()][GenericMove.values().length];
        this.genericFactor = new double[families.size()][GenericMove.values().length];
        double allotment = allotment(catalog);
        for (int f = 0; f < families.size(); f++) {
            double[][] draws = posteriorMultipliers(f, catalog.cusum().seed());
            for (GenericMove move : GenericMove.values()) {
                genericFactor[f][move.ordinal()] = Double.NaN;
                for (double factor : move.candidates()) {
                    Coefficients c = coefficients(rate0, moved(rate0, f, factor), size);
                    if (upwardDriftProbability(c, f, draws) <= allotment) {
                        genericFactor[f][move.ordinal()] = factor;
                        generic[f][move.ordinal()] = c;
                        break;
                    }
                }
                if (generic[f][move.ordinal()] == null) {
                    generic[f][move.ordinal()] = coefficients(rate0, rate0, size);
                }
            }
        }
    }

    /** Posterior draws of the true rates behind {@link #upwardDriftProbability}. */
    static final int DRIFT_DRAWS = 20_000;

    /**
     * The largest probability of an upward status-quo drift a family-level statistic may have: its share of the budget
     * if the budget were split over every statistic a dyad could watch (two whole-scenario CUSUMs at four shares each,
     * a CUSUM per family and scenario and per family and generic move at one share each). In a history where the drift
     * is upward the statistic crosses any threshold in time, so such histories must be rarer than the statistic's own
     * share of the false alarms.
     */
    static double allotment(Catalog catalog) {
        int families = catalog.families().size();
        double shares = 2 * 4 + 4 * families;
        return catalog.cusum().budgetProbability() / shares;
    }

    /** The rates with every kind of family f times {@code factor}. */
    double[] moved(double[] rates, int f, double factor) {
        double[] r = rates.clone();
        for (int k = 0; k < r.length; k++) {
            if (family[k] == f) {
                r[k] *= factor;
            }
        }
        return r;
    }

    /**
     * {@value #DRIFT_DRAWS} posterior draws of the rate multipliers of family f's kinds ([draw][member], members in
     * {@link #membersOf} order; 1 for judged rates): Gamma of mean 1 and shape the kind's window count (seeded).
     */
    double[][] posteriorMultipliers(int f, long seed) {
        SplittableRandom random = new SplittableRandom(seed + f);
        int[] members = membersOf(f);
        double[][] draws = new double[DRIFT_DRAWS][members.length];
        for (double[] draw : draws) {
            for (int j = 0; j < members.length; j++) {
                double a = shape[members[j]];
                draw[j] = Double.isInfinite(a) ? 1 : PoissonMath.sampleGammaMultiplier(a, random);
            }
        }
        return draws;
    }

    /** The kinds of family f. */
    int[] membersOf(int f) {
        return java.util.stream.IntStream.range(0, family.length).filter(k -> family[k] == f).toArray();
    }

    /**
     * The probability that a statistic of family f with these coefficients drifts upward under the status quo when
     * the true rates of f's kinds are drawn from the window's posterior ({@link #posteriorMultipliers}): its drift
     * {@code Σ λ_kind perEvent + perPeriod} is positive.
     */
    double upwardDriftProbability(Coefficients c, int f, double[][] draws) {
        int[] members = membersOf(f);
        double[] weight = new double[members.length];
        for (int j = 0; j < members.length; j++) {
            weight[j] = rate[members[j]][SQ] * c.perEvent()[members[j]];
        }
        int upward = 0;
        for (double[] draw : draws) {
            double drift = c.perPeriod()[f];
            for (int j = 0; j < members.length; j++) {
                drift += weight[j] * draw[j];
            }
            if (drift > 0) {
                upward++;
            }
        }
        return upward / (double) draws.length;
    }

    /**
     * The factor of a family's generic move: the first candidate of {@link GenericMove#candidates()} whose drift stays
     * downward with posterior probability at least 1 - the false-alarm budget; NaN when none does (not checked).
     */
    public double genericFactor(String family, GenericMove move) {
        int f = families.indexOf(family);
        if (f < 0) {
            throw new IllegalArgumentException("unknown family '" + family + "'; families: " + families);
        }
        return genericFactor[f][move.ordinal()];
    }

    /**
     * True when an indicator is a signature of this dyad: the catalog marks it ({@link Indicator#signature()}) and the
     * dyad's status-quo rate of it is the judged one (a dyad that states its own rate, or saw it in its window, keeps
     * that rate and has no such signature).
     */
    static boolean isSignature(Catalog catalog, DyadProfile profile, String indicatorId) {
        return profile.isSignature(catalog.indicator(indicatorId));
    }

    /**
     * The size of the predictive count of a family: the quarter's Gamma multiplier (shape k, mean 1) times the rate's
     * posterior multiplier (shape a, mean 1), matched in mean and variance: {@code 1/k_eff = 1/k + 1/a + 1/(k a)}.
     */
    static double predictiveSize(double k, double a) {
        if (Double.isInfinite(a)) {
            return k;
        }
        double inverse = Double.isInfinite(k) ? 1 / a : 1 / k + 1 / a + 1 / (k * a);
        return 1 / inverse;
    }

    /** The coefficients of rates {@code rateH} per kind against {@code rate0}, families of this dyad, sizes per family. */
    Coefficients coefficients(double[] rate0, double[] rateH, double[] sizes) {
        int fams = families.size();
        double[] total0 = new double[fams];
        double[] totalH = new double[fams];
        for (int k = 0; k < rate0.length; k++) {
            total0[family[k]] += rate0[k];
            totalH[family[k]] += rateH[k];
        }
        double[] perPeriod = new double[fams];
        double[] shared = new double[fams];
        for (int f = 0; f < fams; f++) {
            perPeriod[f] = total0[f] == 0 ? 0 : NegativeBinomial.perPeriod(total0[f], totalH[f], sizes[f]);
            shared[f] = total0[f] == 0 || Double.isInfinite(sizes[f]) ? 0
                    : Math.log((sizes[f] + total0[f]) / (sizes[f] + totalH[f]));
        }
        double[] perEvent = new double[rate0.length];
        for (int k = 0; k < rate0.length; k++) {
            perEvent[k] = Math.log(rateH[k] / rate0[k]) + shared[family[k]];
        }
        return new Coefficients(perEvent, perPeriod);
    }

    /** The rate of each of these kinds in another list of kinds (0 for one not in it), merged by indicator set. */
    double[] ratesOf(EventKinds other) {
        double[] r = new double[kinds.size()];
        for (EventKinds.Kind k : other.kinds()) {
            Integer at = indexBySortedIds.get(KindCounts.sortedIds(k.indicators()));
            if (at == null) {
                throw new IllegalStateException("kind " + k.indicators() + " is not a status-quo kind");
            }
            r[at] += k.rate();
        }
        return r;
    }

    /** The status-quo rate of every kind, per quarter. */
    double[] statusQuoRates() {
        double[] r = new double[kinds.size()];
        for (int k = 0; k < r.length; k++) {
            r[k] = rate[k][SQ];
        }
        return r;
    }

    /** The kinds' indicator sets (catalog order within a set). */
    public List<List<String>> kinds() {
        return kinds;
    }

    /** The family index of each kind (catalog family order). */
    int[] family() {
        return family;
    }

    /** The catalog's indicator ids, in catalog order. */
    List<String> indicatorIds() {
        return indicatorIds;
    }

    /** The families, in catalog order. */
    public List<String> families() {
        return families;
    }

    /** A kind's rate per quarter under a scenario. */
    public double rate(int kind, Scenario s) {
        return rate[kind][s.ordinal()];
    }

    /** Λ_f(s): the expected events of family f's kinds per quarter under a scenario. */
    public double familyRate(int family, Scenario s) {
        double total = 0;
        for (int k = 0; k < this.family.length; k++) {
            if (this.family[k] == family) {
                total += rate[k][s.ordinal()];
            }
        }
        return total;
    }

    /** A kind's posterior shape from the window: its events there (1/2 for the half pseudo-event). */
    public double shape(int kind) {
        return shape[kind];
    }

    /** Quarters of the window (the posterior's rate parameter); {@link RatePosterior#JUDGEMENT_QUARTERS} for judgement. */
    public double windowQuarters() {
        return windowQuarters;
    }

    /** The family's overdispersion k (the simulator's), infinite for Poisson. */
    public double overdispersion(int family) {
        return overdispersion[family];
    }

    /** The family's predictive size k_eff: what the monitor reads counts with. */
    public double size(int family) {
        return size[family];
    }

    /** The monitor's sizes per family (a copy). */
    double[] sizes() {
        return size.clone();
    }

    /** The true (simulator's) sizes per family (a copy). */
    double[] overdispersions() {
        return overdispersion.clone();
    }

    Coefficients scenario(Scenario s) {
        return scenario[s.ordinal()];
    }

    Coefficients generic(int family, GenericMove move) {
        return generic[family][move.ordinal()];
    }

    /** The single-indicator kind of an indicator. */
    int singleton(String indicatorId) {
        Integer k = singleton.get(indicatorId);
        if (k == null) {
            throw new IllegalArgumentException("unknown indicator '" + indicatorId + "'");
        }
        return k;
    }

    /** True when a kind counts for a signature indicator: one confirmed such event raises a signature alert. */
    public boolean isSignature(int kind) {
        return signature[kind];
    }

    /** The index of a known kind, or -1. */
    int indexOf(Collection<String> indicators) {
        Integer at = indexBySortedIds.get(KindCounts.sortedIds(indicators));
        return at == null ? -1 : at;
    }

    /**
     * The kinds an event matching {@code indicators} counts as: its own kind when it is known, else the known kinds
     * that make up the set, chosen greedily (the largest known kind inside what is left, ties to the one more common
     * under the status quo, then catalog order), so that every indicator it matched is covered once.
     *
     * @throws IllegalArgumentException for an unknown indicator id
     */
    int[] resolve(Collection<String> indicators) {
        int known = indexOf(indicators);
        if (known >= 0) {
            return new int[] {known};
        }
        Set<String> left = new HashSet<>(indicators);
        left.forEach(this::singleton);
        List<Integer> parts = new ArrayList<>();
        while (!left.isEmpty()) {
            int best = -1;
            for (int k = 0; k < kinds.size(); k++) {
                if (left.containsAll(kinds.get(k)) && (best < 0 || kinds.get(k).size() > kinds.get(best).size()
                        || kinds.get(k).size() == kinds.get(best).size() && rate[k][SQ] > rate[best][SQ])) {
                    best = k;
                }
            }
            parts.add(best);
            kinds.get(best).forEach(left::remove);
        }
        return parts.stream().mapToInt(Integer::intValue).toArray();
    }
}
