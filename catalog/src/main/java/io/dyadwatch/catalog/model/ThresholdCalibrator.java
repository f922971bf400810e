package io.dyadwatch.catalog.model;

import io.dyadwatch.catalog.CusumSettings;
import io.dyadwatch.model.assessment.Scenario;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Sets every alarm threshold of a dyad from one false-alarm budget stated as a probability: at most
 * {@code budgetProbability} chance of ANY false alert (whole-scenario CUSUMs, family CUSUMs, out-of-scenario CUSUMs,
 * the probability level and signature alerts together) in {@code budgetPeriods} status-quo quarters, both at the
 * stored baselines and when the true rates are drawn from the baselines' posterior.
 *
 * <p>Three samples of {@code calibrationRuns} status-quo histories of the pipeline, each after a warm-up of as many
 * quarters as the budget's ({@link #warmUp}) ({@link PipelineSimulation}: every event evaluated, partial quarters,
 * events of kinds, overdispersed counts, the window's confirmed share): the first two with each history's true rates
 * drawn from the window's posterior ({@link PipelineSimulation#drawStatusQuo}), the third at the stored baselines.
 * Each statistic's largest value in each history is recorded. The budget is split by {@link Shares}: statistic m gets
 * the per-history alarm probability {@code share_m α}, its threshold being the (1 - share_m α) quantile of its maxima
 * in the first sample (a probability level never below {@link CusumThresholds#PROBABILITY_LEVEL_FLOOR}); α is the
 * largest for which the share of histories with any alert (signature alerts included, whose share is fixed by the
 * judged rates) stays within the target in BOTH held-out samples. The target is the budget less 1.645 standard errors
 * of a share estimated from that many runs, so that the budget holds with 95% confidence despite Monte Carlo error
 * (4.75% for 5% and 20,000 runs). The seed makes the thresholds reproducible.
 */
final class ThresholdCalibrator {

    /** Version of the calibration: change it whenever the simulation or the split changes (stored calibrations go stale). */
    static final int VERSION = 4;

    private static final int BISECTIONS = 40;
    /** Smallest threshold: a statistic that was never positive still needs a positive threshold. */
    private static final double MIN_THRESHOLD = 1e-3;

    /**
     * How the budget is split: each statistic's share of α, by class. A watch officer's choice, stated in
     * docs/model.md section 8: the whole-scenario statistics answer the question the seeds ask (which future?), so each
     * gets four shares; a family's statistics and its out-of-scenario checks one each; the probability level none
     * (dropped: at a level calibrated into the budget it added no detection, section 9).
     *
     * @param whole       per whole-scenario CUSUM
     * @param family      per family CUSUM (family and direction)
     * @param generic     per out-of-scenario CUSUM (family and generic move)
     * @param probability per probability level (0: the rule is not monitored)
     */
    record Shares(double whole, double family, double generic, double probability) {
    }

    /** The split in use. */
    static final Shares SHARES = new Shares(4, 1, 1, 0);

    private ThresholdCalibrator() {
    }

    /** The thresholds and, for the oracles given, each oracle's threshold when it holds the whole budget alone. */
    record Calibration(CusumThresholds thresholds, double[] oracleThresholds, double[] limits,
                       PipelineSimulation.Statistics statistics, List<StatisticDrift> drifts) {
    }

    static CusumThresholds calibrate(PipelineSimulation sim, CusumSettings settings) {
        return calibrate(sim, settings, List.of(), SHARES, s -> { }).thresholds();
    }

    static Calibration calibrate(PipelineSimulation sim, CusumSettings settings, List<double[]> oracles, Shares shares,
                                 Consumer<String> progress) {
        PipelineSimulation.Statistics all = sim.statistics(oracles);
        double[] share = shares(all, shares);
        List<StatisticDrift> drifts = sim.drifts(all, settings.seed());
        for (int m = 0; m < drifts.size(); m++) {
            if (!drifts.get(m).monitored()) {
                share[m] = 0;
            }
        }
        List<Integer> active = new java.util.ArrayList<>();
        for (int m = 0; m < all.cusums(); m++) {
            if (share[m] > 0 || m >= all.monitored()) {
                active.add(m);
            }
        }
        PipelineSimulation.Statistics stats = all.only(active.stream().mapToInt(Integer::intValue).toArray(),
                shares.probability() > 0);
        PipelineSimulation.Kinds kinds = sim.kindsUnder(sim.statusQuo(), stats);
        int runs = settings.calibrationRuns();
        int size = stats.size();
        SplittableRandom random = new SplittableRandom(settings.seed());
        progress.accept("calibration: " + runs + " status-quo histories, true rates drawn from the posterior");
        double[][] maxima = maxima(sim, settings, stats, kinds, random, true);
        progress.accept("calibration: " + runs + " held-out histories, true rates drawn from the posterior");
        double[][] heldOutPosterior = maxima(sim, settings, stats, kinds, random, true);
        progress.accept("calibration: " + runs + " held-out histories at the stored baselines");
        double[][] heldOutPoint = maxima(sim, settings, stats, kinds, random, false);
        double[][] sorted = new double[size][];
        for (int m = 0; m < size; m++) {
            sorted[m] = maxima[m].clone();
            Arrays.sort(sorted[m]);
        }
        double target = target(settings.budgetProbability(), runs);
        double lo = 0;
        double hi = target;
        for (int i = 0; i < BISECTIONS; i++) {
            double mid = (lo + hi) / 2;
            double[] levels = levels(sorted, share, mid, stats);
            if (Math.max(anyAlarmShare(heldOutPosterior, levels), anyAlarmShare(heldOutPoint, levels)) <= target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double[] chosen = levels(sorted, share, lo, stats);
        double achieved = anyAlarmShare(heldOutPoint, chosen);
        double achievedPosterior = anyAlarmShare(heldOutPosterior, chosen);
        double[] signatureOnly = new double[size];
        Arrays.fill(signatureOnly, Double.POSITIVE_INFINITY);
        signatureOnly[stats.signature()] = 0.5;
        double signature = anyAlarmShare(heldOutPoint, signatureOnly);
        double[] oracleThresholds = new double[oracles.size()];
        for (int o = 0; o < oracles.size(); o++) {
            int m = stats.monitored() + o;
            double[] point = heldOutPoint[m].clone();
            Arrays.sort(point);
            oracleThresholds[o] = Math.max(MIN_THRESHOLD, quantileAbove(point, target));
            chosen[m] = oracleThresholds[o];
        }
        return new Calibration(thresholds(sim, settings, stats, chosen, achieved, achievedPosterior, signature),
                oracleThresholds, chosen, stats, drifts);
    }

    /** Every statistic's share of α (0 for oracles, and for the signature indicator, which has no threshold). */
    static double[] shares(PipelineSimulation.Statistics stats, Shares shares) {
        int fams = (stats.monitored() - 2) / 4;
        double[] share = new double[stats.size()];
        for (int d = 0; d < 2; d++) {
            share[PipelineSimulation.whole(d)] = shares.whole();
            share[stats.probability(d)] = shares.probability();
            for (int f = 0; f < fams; f++) {
                share[PipelineSimulation.family(f, d)] = shares.family();
            }
        }
        for (int f = 0; f < fams; f++) {
            for (GenericMove move : GenericMove.values()) {
                share[PipelineSimulation.generic(fams, f, move)] = shares.generic();
            }
        }
        return share;
    }

    /** Every statistic's largest value in each of {@code calibrationRuns} status-quo histories: [statistic][run]. */
    static double[][] maxima(PipelineSimulation sim, CusumSettings settings, PipelineSimulation.Statistics stats,
                             PipelineSimulation.Kinds kinds, SplittableRandom random, boolean posterior) {
        int runs = settings.calibrationRuns();
        double[][] maxima = new double[stats.size()][runs];
        double[] limits = new double[stats.size()];
        Arrays.fill(limits, Double.POSITIVE_INFINITY);
        double[] max = new double[stats.size()];
        double[] first = new double[stats.size()];
        for (int r = 0; r < runs; r++) {
            PipelineSimulation.Kinds truth = posterior ? kinds.withRates(sim.drawStatusQuo(random)) : kinds;
            sim.run(random, warmUp(settings), settings.budgetPeriods(), truth, truth, Integer.MAX_VALUE, stats, limits,
                    new int[0][], max, first);
            for (int m = 0; m < max.length; m++) {
                maxima[m][r] = max[m];
            }
        }
        return maxima;
    }

    /**
     * Quarters a simulated monitor runs before the budget's periods: as many again. A CUSUM started at 0 is in its most
     * favourable state; a monitor that has run for years carries statistics above 0 into any 20-year window, and slow
     * statistics (a family that rarely sees an event drifts up between its events) would otherwise cross their
     * thresholds just after the 80th quarter.
     */
    static int warmUp(CusumSettings settings) {
        return settings.budgetPeriods();
    }

    /** The budget less 1.645 standard errors of a share estimated from {@code runs} histories (at least half the budget). */
    static double target(double budget, int runs) {
        return Math.max(budget / 2, budget - 1.645 * Math.sqrt(budget * (1 - budget) / runs));
    }

    /**
     * Every statistic's level at α: the (1 - share α) quantile of its maxima (+inf for a statistic with no share, 1/2
     * for the signature indicator: one confirmed signature event alarms).
     */
    private static double[] levels(double[][] sorted, double[] share, double alpha, PipelineSimulation.Statistics stats) {
        double[] levels = new double[sorted.length];
        Arrays.fill(levels, Double.POSITIVE_INFINITY);
        for (int m = 0; m < sorted.length; m++) {
            if (share[m] > 0) {
                double q = quantileAbove(sorted[m], Math.min(1, share[m] * alpha));
                boolean probability = m >= stats.cusums();
                levels[m] = probability ? Math.max(CusumThresholds.PROBABILITY_LEVEL_FLOOR, q) : Math.max(MIN_THRESHOLD, q);
            }
        }
        levels[stats.signature()] = 0.5;
        return levels;
    }

    /** The smallest sample value v such that at most a share α of the samples exceed it. */
    static double quantileAbove(double[] sorted, double alpha) {
        int allowed = (int) Math.floor(alpha * sorted.length);
        return allowed >= sorted.length ? 0 : sorted[sorted.length - allowed - 1];
    }

    /** Share of histories in which some statistic exceeded its level. */
    static double anyAlarmShare(double[][] maxima, double[] levels) {
        int runs = maxima[0].length;
        int alarmed = 0;
        for (int r = 0; r < runs; r++) {
            for (int m = 0; m < levels.length; m++) {
                if (maxima[m][r] > levels[m]) {
                    alarmed++;
                    break;
                }
            }
        }
        return (double) alarmed / runs;
    }

    private static CusumThresholds thresholds(PipelineSimulation sim, CusumSettings settings,
                                              PipelineSimulation.Statistics stats, double[] levels, double achieved,
                                              double achievedPosterior, double signature) {
        Map<Scenario, Double> whole = new EnumMap<>(Scenario.class);
        Map<Scenario, Double> probability = new EnumMap<>(Scenario.class);
        Map<String, Map<Scenario, Double>> families = new LinkedHashMap<>();
        Map<String, Map<GenericMove, Double>> generic = new LinkedHashMap<>();
        int fams = sim.families().size();
        for (int d = 0; d < 2; d++) {
            Scenario s = CusumState.MONITORED.get(d);
            whole.put(s, levels[PipelineSimulation.whole(d)]);
            probability.put(s, Math.min(1, levels[stats.probability(d)]));
            for (int f = 0; f < fams; f++) {
                double h = levels[PipelineSimulation.family(f, d)];
                if (!Double.isInfinite(h)) {
                    families.computeIfAbsent(sim.families().get(f), k -> new EnumMap<>(Scenario.class)).put(s, h);
                }
            }
        }
        for (int f = 0; f < fams; f++) {
            for (GenericMove move : GenericMove.values()) {
                double h = levels[PipelineSimulation.generic(fams, f, move)];
                if (!Double.isInfinite(h)) {
                    generic.computeIfAbsent(sim.families().get(f), k -> new EnumMap<>(GenericMove.class)).put(move, h);
                }
            }
        }
        return new CusumThresholds(sim.parameters().dyad(), whole, families, probability, settings.budgetProbability(),
                settings.budgetPeriods(), achieved, settings.calibrationRuns(), generic, achievedPosterior, signature);
    }
}
