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

    private final ScenarioModel model;
    private final Dyad dyad;
    private final ScenarioModel.DyadParameters p;
    private final int indicators;
    private final EventKinds statusQuoKinds;
    private final double[] familyShape;
    private final double confirmedShare;
    private final List<String> families;

    private PipelineSimulation(ScenarioModel model, Dyad dyad) {
        this.model = model;
        this.dyad = dyad;
        this.p = model.parameters(dyad);
        this.indicators = p.lambda().length;
        this.statusQuoKinds = EventKinds.of(model, dyad);
        this.families = p.families();
        BaselineInfo info = model.catalog().dyad(dyad).baselineInfo();
        this.familyShape = new double[families.size()];
        for (int f = 0; f < familyShape.length; f++) {
            familyShape[f] = info.dispersion(families.get(f));
        }
        this.confirmedShare = info.confirmedShare();
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

    /** Rate multipliers (relative to the status quo) of every indicator under a shift. */
    double[] multipliers(ShiftCase shift) {
        double[] r = new double[indicators];
        int f = shift.isWhole() ? -1 : families.indexOf(shift.family());
        if (!shift.isWhole() && f < 0) {
            throw new IllegalArgumentException("unknown family '" + shift.family() + "'; families: " + families);
        }
        for (int i = 0; i < indicators; i++) {
            boolean moves = f < 0 || p.family()[i] == f;
            r[i] = moves ? p.lambda()[i][shift.toward().ordinal()] / p.lambda()[i][SQ] : 1;
        }
        return r;
    }

    /** The status quo: every multiplier 1. */
    double[] statusQuo() {
        double[] r = new double[indicators];
        Arrays.fill(r, 1);
        return r;
    }

    /**
     * The statistics monitored (whole W, whole S, then each family's W and S) and, after them, the oracles: one
     * CUSUM per given truth that knows the true rates.
     */
    Statistics statistics(List<double[]> oracleTruths) {
        int fams = families.size();
        int cusums = 2 + 2 * fams + oracleTruths.size();
        double[][] a = new double[cusums][indicators];
        double[] b = new double[cusums];
        for (int i = 0; i < indicators; i++) {
            int[] scen = {W, S};
            for (int d = 0; d < 2; d++) {
                a[d][i] = p.perEvent()[i][scen[d]];
                b[d] += p.perPeriod()[i][scen[d]];
                int m = 2 + 2 * p.family()[i] + d;
                a[m][i] = p.perEvent()[i][scen[d]];
                b[m] += p.perPeriod()[i][scen[d]];
            }
            for (int o = 0; o < oracleTruths.size(); o++) {
                int m = 2 + 2 * fams + o;
                double l0 = p.lambda()[i][SQ];
                double l1 = l0 * oracleTruths.get(o)[i];
                a[m][i] = NegativeBinomial.perEvent(l0, l1, p.size()[i]);
                b[m] += NegativeBinomial.perPeriod(l0, l1, p.size()[i]);
            }
        }
        return new Statistics(a, b, 2 + 2 * fams);
    }

    /**
     * The CUSUM statistics of a run: coefficients per event of each indicator and per quarter of exposure; the first
     * {@code monitored} are the pipeline's, the rest oracles. Two more statistics follow the CUSUMs in every result
     * array: the trailing posterior of WEAKENING and of STRENGTHENING.
     */
    record Statistics(double[][] a, double[] b, int monitored) {

        int cusums() {
            return b.length;
        }

        /** All statistics: the CUSUMs and the two trailing probabilities. */
        int size() {
            return b.length + 2;
        }

        int probability(int direction) {
            return b.length + direction;
        }
    }

    /** A truth's event kinds: indicator sets, rates, the family whose multiplier they take, per-statistic increments. */
    record Kinds(int[][] sets, double[] rates, int[] family, double[][] increments) {
    }

    /** The kinds, their rates and their increments of every statistic under a truth (multipliers per indicator). */
    Kinds kindsUnder(double[] multiplier, Statistics stats) {
        Map<String, Double> byId = new LinkedHashMap<>();
        for (int i = 0; i < indicators; i++) {
            byId.put(model.indicatorIds().get(i), multiplier[i]);
        }
        List<EventKinds.Kind> list = statusQuoKinds.under(model, dyad, byId).kinds();
        int n = list.size();
        int[][] sets = new int[n][];
        double[] rates = new double[n];
        int[] family = new int[n];
        double[][] inc = new double[stats.cusums()][n];
        for (int k = 0; k < n; k++) {
            sets[k] = list.get(k).indicators().stream().mapToInt(model::index).toArray();
            rates[k] = list.get(k).rate();
            family[k] = families.indexOf(list.get(k).family());
            for (int m = 0; m < stats.cusums(); m++) {
                for (int i : sets[k]) {
                    inc[m][k] += stats.a()[m][i];
                }
            }
        }
        return new Kinds(sets, rates, family, inc);
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
                multipliers[f] = Double.isInfinite(familyShape[f]) ? 1
                        : PoissonMath.sampleGammaMultiplier(familyShape[f], random);
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
                for (int m = 0; m < cusums; m++) {
                    partial[m] += kinds.increments()[m][kindOf[e]];
                }
                evaluate(u, since, state, partial, stats, trailW, trailS, limits, maxima, firstAlarm);
            }
            evaluate(1, since, state, partial, stats, trailW, trailS, limits, maxima, firstAlarm);
            for (int m = 0; m < cusums; m++) {
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
        for (int m = 0; m < state.length; m++) {
            double v = Math.max(0, state[m] + partial[m] + u * stats.b()[m]);
            record(m, v, u, since, limits, maxima, firstAlarm);
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
