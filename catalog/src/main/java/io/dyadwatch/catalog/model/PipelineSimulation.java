package io.dyadwatch.catalog.model;

import io.dyadwatch.catalog.baseline.BaselineInfo;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The statistics of one dyad as the pipeline computes them, simulated fast: the ground truth for calibrating alarm
 * thresholds and for measuring detection delays.
 *
 * <p><b>What is simulated.</b> Real-world events of <em>kinds</em>: for a dyad with a reference record, each distinct
 * set of indicators a counted event of the window matched (a rich exercise counts for several indicators at once),
 * at its rate in the window, plus one single-indicator kind per indicator carrying the half pseudo-event of the
 * baseline (so each indicator's rate is its baseline exactly); for analyst baselines, one kind per indicator. In each
 * quarter, each family draws a Gamma multiplier of mean 1 and shape k (its NB size; none for Poisson), each kind a
 * Poisson number of events at rate x multiplier / confirmed share, and each event is confirmed with the window's
 * confirmed share (so the confirmed counts sit on the baseline; unconfirmed events feed no term). Events fall at
 * uniform times in the quarter.
 *
 * <p><b>What is evaluated.</b> After every event, and at the end of every quarter, as the pipeline does, with the
 * quarter's exposure growing: whole-scenario CUSUMs {@code max(0, S_prev + LLR(counts so far, exposure so far))}, the
 * family CUSUMs, and the trailing posterior over the last four quarters (quarters before the history began were not
 * observed, so they carry no term). The LLR is linear in time between events, so evaluating just before and just after
 * every event and at the end of the quarter finds every maximum a continuously running monitor would see.
 *
 * <p><b>Under a shift</b> the kinds' rates move so that each indicator's rate becomes its rate under the shift: a kind
 * takes the smallest multiplier of its indicators, and single-indicator kinds make up the rest.
 */
final class PipelineSimulation {

    private static final int W = Scenario.WEAKENING.ordinal();
    private static final int S = Scenario.STRENGTHENING.ordinal();
    private static final int SQ = Scenario.STATUS_QUO.ordinal();
    /** Quarters of the trailing horizon of the probability-level rule (the current one included). */
    static final int HORIZON = 4;

    private final Dyad dyad;
    private final ScenarioModel.DyadParameters p;
    private final KindLikelihood kl;
    private final EventKinds statusQuoKinds;
    private final double confirmedShare;
    private final List<String> families;
    private final ScenarioModel model;

    private PipelineSimulation(ScenarioModel model, Dyad dyad) {
        this.model = model;
        this.dyad = dyad;
        this.p = model.parameters(dyad);
        this.kl = p.kinds();
        this.statusQuoKinds = EventKinds.of(model, dyad);
        this.families = p.families();
        this.confirmedShare = model.catalog().dyad(dyad).baselineInfo().confirmedShare();
    }

    /** The simulation of a watched dyad of a model. */
    static PipelineSimulation of(ScenarioModel model, Dyad dyad) {
        return new PipelineSimulation(model, dyad);
    }

    ScenarioModel.DyadParameters parameters() {
        return p;
    }

    List<String> families() {
        return families;
    }

    /** The rate of every kind under a shift (the rule of {@link EventKinds#under}). */
    double[] truth(ShiftCase shift) {
        if (!shift.isWhole() && !families.contains(shift.family())) {
            throw new IllegalArgumentException("unknown family '" + shift.family() + "'; families: " + families);
        }
        if (shift.isGeneric()) {
            return generic(shift.family(), shift.move());
        }
        return kl.ratesOf(statusQuoKinds.under(model, dyad,
                EventKinds.multipliers(model.catalog(), shift.toward(), shift.family())));
    }

    /** The status quo: every kind at its status-quo rate. */
    double[] statusQuo() {
        return kl.statusQuoRates();
    }

    /**
     * A generic move of one family: every kind of it at its status-quo rate times the move's factor (the family's
     * checked factor, else the mildest candidate).
     */
    double[] generic(String family, GenericMove move) {
        int f = families.indexOf(family);
        if (f < 0) {
            throw new IllegalArgumentException("unknown family '" + family + "'; families: " + families);
        }
        double factor = kl.genericFactor(family, move);
        return kl.moved(kl.statusQuoRates(), f, Double.isNaN(factor) ? move.candidates().get(0) : factor);
    }

    /** Index of the whole-scenario CUSUM toward a monitored direction (0 WEAKENING, 1 STRENGTHENING). */
    static int whole(int direction) {
        return direction;
    }

    /** Index of family f's CUSUM toward a monitored direction. */
    static int family(int f, int direction) {
        return 2 + 2 * f + direction;
    }

    /** Index of family f's generic CUSUM of a move (after the family CUSUMs of {@code families} families). */
    static int generic(int families, int f, GenericMove move) {
        return 2 + 2 * families + 2 * f + move.ordinal();
    }

    /**
     * The statistics monitored (whole W, whole S, each family's W and S, each family's generic rise and fall) and,
     * after them, the oracles: one CUSUM per given truth (kind rates) with the simulator's true likelihood (the true
     * rates and the true overdispersion k).
     */
    Statistics statistics(List<double[]> oracleTruths) {
        int fams = families.size();
        int monitored = 2 + 4 * fams;
        int kinds = kl.kinds().size();
        int cusums = monitored + oracleTruths.size();
        double[][] a = new double[cusums][kinds];
        double[] b = new double[cusums];
        int[] direction = {W, S};
        for (int d = 0; d < 2; d++) {
            KindLikelihood.Coefficients c = kl.scenario(Scenario.values()[direction[d]]);
            fill(a[whole(d)], b, whole(d), c, -1);
            for (int f = 0; f < fams; f++) {
                fill(a[family(f, d)], b, family(f, d), c, f);
            }
        }
        for (int f = 0; f < fams; f++) {
            for (GenericMove move : GenericMove.values()) {
                fill(a[generic(fams, f, move)], b, generic(fams, f, move), kl.generic(f, move), f);
            }
        }
        for (int o = 0; o < oracleTruths.size(); o++) {
            KindLikelihood.Coefficients c = kl.coefficients(kl.statusQuoRates(), oracleTruths.get(o), kl.overdispersions());
            fill(a[monitored + o], b, monitored + o, c, -1);
        }
        return new Statistics(a, b, monitored);
    }

    private void fill(double[] a, double[] b, int m, KindLikelihood.Coefficients c, int only) {
        for (int k = 0; k < a.length; k++) {
            a[k] = only < 0 || kl.family()[k] == only ? c.perEvent()[k] : 0;
        }
        for (int f = 0; f < families.size(); f++) {
            if (only < 0 || f == only) {
                b[m] += c.perPeriod()[f];
            }
        }
    }

    /**
     * The CUSUM statistics of a run: coefficients per event of each kind and per quarter of exposure; the first
     * {@code monitored} are the pipeline's, the rest oracles. Two more statistics follow the CUSUMs in every result
     * array: the trailing posterior of WEAKENING and of STRENGTHENING, then the signature indicator.
     */
    record Statistics(double[][] a, double[] b, int monitored, int[] active, boolean probabilities) {

        Statistics(double[][] a, double[] b, int monitored) {
            this(a, b, monitored, java.util.stream.IntStream.range(0, b.length).toArray(), true);
        }

        /**
         * The same statistics with only these CUSUMs evaluated (the whole-scenario ones always, for the trailing
         * posterior), and the trailing probabilities only when asked: a faster run; the others stay at 0.
         */
        Statistics only(int[] cusums, boolean withProbabilities) {
            java.util.TreeSet<Integer> set = new java.util.TreeSet<>(List.of(0, 1));
            for (int m : cusums) {
                set.add(m);
            }
            return new Statistics(a, b, monitored, set.stream().mapToInt(Integer::intValue).toArray(), withProbabilities);
        }

        int cusums() {
            return b.length;
        }

        /** All statistics: the CUSUMs, the two trailing probabilities and the signature indicator. */
        int size() {
            return b.length + 3;
        }

        int probability(int direction) {
            return b.length + direction;
        }

        /** 1 once a confirmed signature event happened (a signature alert), else 0; it alarms above 1/2. */
        int signature() {
            return b.length + 2;
        }
    }

    /**
     * A truth's event kinds: rates, the family whose multiplier they take, per-statistic increments ([statistic][kind]),
     * and whether a kind is a signature event (one confirmed event raises a signature alert).
     */
    record Kinds(double[] rates, int[] family, double[][] increments, boolean[] signature) {

        /** The same kinds at other rates (a history whose true rates were drawn from the posterior). */
        Kinds withRates(double[] newRates) {
            return new Kinds(newRates, family, increments, signature);
        }
    }

    /** The kinds at the given rates, with their increments of every statistic. */
    Kinds kindsUnder(double[] rates, Statistics stats) {
        boolean[] signature = new boolean[rates.length];
        for (int k = 0; k < rates.length; k++) {
            signature[k] = kl.isSignature(k);
        }
        return new Kinds(rates.clone(), kl.family(), stats.a(), signature);
    }

    /** Posterior draws of the true rates used to judge each statistic's drift ({@link #drifts}). */
    static final int DRIFT_DRAWS = 20_000;

    /**
     * Each monitored statistic's status-quo drift (expected increment per quarter, {@code Σ λ_kind a_kind + b}) at the
     * stored baselines and the share of {@link #DRIFT_DRAWS} posterior draws of the true rates under which it is
     * positive; a statistic whose share exceeds its allotment ({@link KindLikelihood#allotment}) is not monitored, a
     * generic one is monitored with the factor {@link KindLikelihood#genericFactor} chose (none: not monitored).
     */
    List<StatisticDrift> drifts(Statistics stats, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int monitored = stats.monitored();
        int[] upward = new int[monitored];
        for (int r = 0; r < DRIFT_DRAWS; r++) {
            double[] rates = drawStatusQuo(random);
            for (int m = 0; m < monitored; m++) {
                if (drift(stats, m, rates) > 0) {
                    upward[m]++;
                }
            }
        }
        double[] point = statusQuo();
        List<StatisticDrift> drifts = new java.util.ArrayList<>();
        for (int m = 0; m < monitored; m++) {
            double p = upward[m] / (double) DRIFT_DRAWS;
            boolean generic = m >= 2 + 2 * families.size();
            boolean kept = m < 2 || p <= KindLikelihood.allotment(model.catalog());
            if (generic) {
                int g = m - 2 - 2 * families.size();
                kept = !Double.isNaN(kl.genericFactor(families.get(g / 2), GenericMove.values()[g % 2]));
            }
            drifts.add(new StatisticDrift(label(m), drift(stats, m, point), p, kept));
        }
        return drifts;
    }

    private static double drift(Statistics stats, int m, double[] rates) {
        double d = stats.b()[m];
        for (int k = 0; k < rates.length; k++) {
            d += rates[k] * stats.a()[m][k];
        }
        return d;
    }

    /** The name of monitored statistic m. */
    String label(int m) {
        int fams = families.size();
        if (m < 2) {
            return "whole " + CusumState.MONITORED.get(m);
        }
        if (m < 2 + 2 * fams) {
            return "family " + families.get((m - 2) / 2) + " " + CusumState.MONITORED.get((m - 2) % 2);
        }
        int g = m - 2 - 2 * fams;
        GenericMove move = GenericMove.values()[g % 2];
        double factor = kl.genericFactor(families.get(g / 2), move);
        return "generic " + families.get(g / 2) + " " + move + (Double.isNaN(factor) ? " (no factor holds)"
                : String.format(java.util.Locale.ROOT, " x%.2g", factor));
    }

    /**
     * True status-quo rates drawn from the window's posterior ({@link KindLikelihood#shape}): each kind's rate times a
     * Gamma multiplier of mean 1 and shape its window count (1/2 for the half pseudo-event), independently.
     */
    double[] drawStatusQuo(SplittableRandom random) {
        double[] r = kl.statusQuoRates();
        for (int k = 0; k < r.length; k++) {
            if (!Double.isInfinite(kl.shape(k))) {
                r[k] *= PoissonMath.sampleGammaMultiplier(kl.shape(k), random);
            }
        }
        return r;
    }

    /**
     * One simulated history.
     *
     * @param warmUp        quarters run before the ones that count, the statistics starting at 0 before them: a
     *                      monitor that has been running for a while (its maxima are those after the warm-up)
     * @param quarters      quarters that count after the warm-up
     * @param before        multipliers before the change
     * @param after         multipliers from quarter {@code changeAt} on
     * @param changeAt      first quarter of the change ({@code quarters} or more for none)
     * @param limits        per statistic, the level above which it alarms ({@code +inf} to only track its maximum)
     * @param stopWhen      groups of statistics: the run ends once every group has a statistic that alarmed (empty: run
     *                      to the end)
     * @param maxima        out: each statistic's largest value in the run
     * @param firstAlarm    out: each statistic's first alarm time in quarters from the change (+inf for none)
     */
    void run(SplittableRandom random, int warmUp, int quarters, Kinds before, Kinds after, int changeAt, Statistics stats,
             double[] limits, int[][] stopWhen, double[] maxima, double[] firstAlarm) {
        int cusums = stats.cusums();
        double[] state = new double[cusums];
        double[] partial = new double[cusums];
        double[][] trailing = new double[HORIZON - 1][2];
        int complete = 0;
        Arrays.fill(maxima, 0);
        Arrays.fill(firstAlarm, Double.POSITIVE_INFINITY);
        double[] multipliers = new double[families.size()];
        double[] times = new double[64];
        int[] kindOf = new int[64];
        for (int q = 0; q < warmUp + quarters; q++) {
            if (q == warmUp) {
                Arrays.fill(maxima, 0);
            }
            Kinds kinds = q < changeAt ? before : after;
            for (int f = 0; f < multipliers.length; f++) {
                double k = kl.overdispersion(f);
                multipliers[f] = Double.isInfinite(k) ? 1 : PoissonMath.sampleGammaMultiplier(k, random);
            }
            int events = 0;
            for (int k = 0; k < kinds.rates().length; k++) {
                double mean = kinds.rates()[k] * multipliers[kinds.family()[k]] / confirmedShare;
                int reported = PoissonMath.sample(mean, random);
                int confirmed = PoissonMath.sampleBinomial(reported, confirmedShare, random);
                for (int c = 0; c < confirmed; c++) {
                    if (events == times.length) {
                        times = Arrays.copyOf(times, events * 2);
                        kindOf = Arrays.copyOf(kindOf, events * 2);
                    }
                    times[events] = random.nextDouble();
                    kindOf[events] = k;
                    events++;
                }
            }
            sortByTime(times, kindOf, events);
            double trailW = 0;
            double trailS = 0;
            for (int t = 0; t < Math.min(complete, HORIZON - 1); t++) {
                trailW += trailing[t][0];
                trailS += trailing[t][1];
            }
            Arrays.fill(partial, 0);
            double since = q - changeAt;
            for (int e = 0; e < events; e++) {
                double u = times[e];
                evaluate(u, since, state, partial, stats, trailW, trailS, limits, maxima, firstAlarm);
                for (int m : stats.active()) {
                    partial[m] += kinds.increments()[m][kindOf[e]];
                }
                evaluate(u, since, state, partial, stats, trailW, trailS, limits, maxima, firstAlarm);
                if (kinds.signature()[kindOf[e]]) {
                    record(stats.signature(), 1, u, since, limits, maxima, firstAlarm);
                }
            }
            evaluate(1, since, state, partial, stats, trailW, trailS, limits, maxima, firstAlarm);
            for (int m : stats.active()) {
                state[m] = Math.max(0, state[m] + partial[m] + stats.b()[m]);
            }
            trailing[q % (HORIZON - 1)][0] = partial[0] + stats.b()[0];
            trailing[q % (HORIZON - 1)][1] = partial[1] + stats.b()[1];
            complete++;
            if (stopWhen.length > 0 && allAlarmed(stopWhen, firstAlarm)) {
                return;
            }
        }
    }


    private void evaluate(double u, double since, double[] state, double[] partial, Statistics stats, double trailW,
                          double trailS, double[] limits, double[] maxima, double[] firstAlarm) {
        for (int m : stats.active()) {
            double v = Math.max(0, state[m] + partial[m] + u * stats.b()[m]);
            record(m, v, u, since, limits, maxima, firstAlarm);
        }
        if (!stats.probabilities()) {
            return;
        }
        double lw = trailW + partial[0] + u * stats.b()[0];
        double ls = trailS + partial[1] + u * stats.b()[1];
        double max = Math.max(0, Math.max(lw, ls));
        double sq = p.prior()[SQ] * Math.exp(-max);
        double w = p.prior()[W] * Math.exp(lw - max);
        double s = p.prior()[S] * Math.exp(ls - max);
        double total = sq + w + s;
        record(stats.probability(0), w / total, u, since, limits, maxima, firstAlarm);
        record(stats.probability(1), s / total, u, since, limits, maxima, firstAlarm);
    }

    private static void record(int m, double v, double u, double since, double[] limits, double[] maxima,
                               double[] firstAlarm) {
        if (v > maxima[m]) {
            maxima[m] = v;
        }
        if (v > limits[m] && since >= 0 && firstAlarm[m] == Double.POSITIVE_INFINITY) {
            firstAlarm[m] = since + u;
        }
    }

    private static boolean allAlarmed(int[][] groups, double[] firstAlarm) {
        for (int[] group : groups) {
            boolean any = false;
            for (int m : group) {
                any |= firstAlarm[m] != Double.POSITIVE_INFINITY;
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    /** Insertion sort of the (few) events of one quarter by time, carrying their kinds. */
    private static void sortByTime(double[] times, int[] kinds, int n) {
        for (int i = 1; i < n; i++) {
            double t = times[i];
            int k = kinds[i];
            int j = i - 1;
            while (j >= 0 && times[j] > t) {
                times[j + 1] = times[j];
                kinds[j + 1] = kinds[j];
                j--;
            }
            times[j + 1] = t;
            kinds[j + 1] = k;
        }
    }
}
