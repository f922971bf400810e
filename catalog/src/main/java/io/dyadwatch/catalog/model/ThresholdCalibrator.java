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
 * {@code budgetProbability} chance of ANY false scenario alert (whole-scenario CUSUMs, family CUSUMs and the
 * probability level together) in {@code budgetPeriods} status-quo quarters.
 *
 * <p>Draw twice {@code calibrationRuns} status-quo histories of the pipeline, each after a warm-up of as many quarters
 * as the budget's ({@link #warmUp}) ({@link PipelineSimulation}: every
 * event evaluated, partial quarters, multi-indicator events, overdispersed counts, the window's confirmed share) and
 * record each statistic's largest value in each history. The budget is split equally: every statistic gets the same
 * per-history alarm probability α, its threshold being the (1 - α) quantile of its maxima in the first half of the
 * histories (a probability level never below {@link CusumThresholds#PROBABILITY_LEVEL_FLOOR}); α is the largest for
 * which the share of the second, held-out half with any alarm stays within the target. Holding out matters: sixteen
 * thresholds fitted to one sample promise less than they give on the next (about +0.4 points for CHN-RUS). The target
 * is the budget less 1.645 standard errors of a share estimated from that many runs, so that the budget holds with
 * 95% confidence despite Monte Carlo error (4.75% for 5% and 20,000 runs). The seed makes the thresholds reproducible.
 */
final class ThresholdCalibrator {

    /** Version of the calibration: change it whenever the simulation or the split changes (stored calibrations go stale). */
    static final int VERSION = 3;

    private static final int BISECTIONS = 40;
    /** Smallest threshold: a statistic that was never positive still needs a positive threshold. */
    private static final double MIN_THRESHOLD = 1e-3;

    private ThresholdCalibrator() {
    }

    /** The thresholds and, for the oracles given, each oracle's threshold when it holds the whole budget alone. */
    record Calibration(CusumThresholds thresholds, double[] oracleThresholds, double[] limits) {
    }

    static CusumThresholds calibrate(PipelineSimulation sim, CusumSettings settings) {
        return calibrate(sim, settings, List.of(), s -> { }).thresholds();
    }

    static Calibration calibrate(PipelineSimulation sim, CusumSettings settings, List<double[]> oracles,
                                 Consumer<String> progress) {
        PipelineSimulation.Statistics stats = sim.statistics(oracles);
        PipelineSimulation.Kinds kinds = sim.kindsUnder(sim.statusQuo(), stats);
        int runs = settings.calibrationRuns();
        int size = stats.size();
        SplittableRandom random = new SplittableRandom(settings.seed());
        double[][] maxima = maxima(sim, settings, stats, kinds, random, 0, progress);
        double[][] heldOut = maxima(sim, settings, stats, kinds, random, runs, progress);
        int[] monitored = monitoredIndexes(stats);
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
            if (anyAlarmShare(heldOut, monitored, levels(sorted, monitored, mid, stats)) <= target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double[] chosen = levels(sorted, monitored, lo, stats);
        double achieved = anyAlarmShare(heldOut, monitored, chosen);
        double[] oracleThresholds = new double[oracles.size()];
        for (int o = 0; o < oracles.size(); o++) {
            int m = stats.monitored() + o;
            oracleThresholds[o] = Math.max(MIN_THRESHOLD, quantileAbove(sorted[m], target));
            chosen[m] = oracleThresholds[o];
        }
        return new Calibration(thresholds(sim, settings, stats, chosen, achieved), oracleThresholds, chosen);
    }

    /** Every statistic's largest value in each of {@code calibrationRuns} status-quo histories: [statistic][run]. */
    private static double[][] maxima(PipelineSimulation sim, CusumSettings settings, PipelineSimulation.Statistics stats,
                                     PipelineSimulation.Kinds kinds, SplittableRandom random, int done,
                                     Consumer<String> progress) {
        int runs = settings.calibrationRuns();
        double[][] maxima = new double[stats.size()][runs];
        double[] limits = new double[stats.size()];
        Arrays.fill(limits, Double.POSITIVE_INFINITY);
        double[] max = new double[stats.size()];
        double[] first = new double[stats.size()];
        for (int r = 0; r < runs; r++) {
            sim.run(random, warmUp(settings), settings.budgetPeriods(), kinds, kinds, Integer.MAX_VALUE, stats, limits,
                    new int[0][], max, first);
            for (int m = 0; m < max.length; m++) {
                maxima[m][r] = max[m];
            }
            if ((done + r + 1) % 5000 == 0) {
                progress.accept("calibration " + (done + r + 1) + "/" + 2 * runs + " status-quo histories");
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

    private static int[] monitoredIndexes(PipelineSimulation.Statistics stats) {
        int[] idx = new int[stats.monitored() + 2];
        for (int m = 0; m < stats.monitored(); m++) {
            idx[m] = m;
        }
        idx[stats.monitored()] = stats.probability(0);
        idx[stats.monitored() + 1] = stats.probability(1);
        return idx;
    }

    /** Every statistic's level at a per-history alarm probability α (only the monitored ones are filled in). */
    private static double[] levels(double[][] sorted, int[] monitored, double alpha, PipelineSimulation.Statistics stats) {
        double[] levels = new double[sorted.length];
        Arrays.fill(levels, Double.POSITIVE_INFINITY);
        for (int m : monitored) {
            double q = quantileAbove(sorted[m], alpha);
            boolean probability = m >= stats.cusums();
            levels[m] = probability ? Math.max(CusumThresholds.PROBABILITY_LEVEL_FLOOR, q) : Math.max(MIN_THRESHOLD, q);
        }
        return levels;
    }

    /** The smallest sample value v such that at most a share α of the samples exceed it. */
    static double quantileAbove(double[] sorted, double alpha) {
        int allowed = (int) Math.floor(alpha * sorted.length);
        return allowed >= sorted.length ? 0 : sorted[sorted.length - allowed - 1];
    }

    /** Share of histories in which some monitored statistic exceeded its level. */
    private static double anyAlarmShare(double[][] maxima, int[] monitored, double[] levels) {
        int runs = maxima[0].length;
        int alarmed = 0;
        for (int r = 0; r < runs; r++) {
            for (int m : monitored) {
                if (maxima[m][r] > levels[m]) {
                    alarmed++;
                    break;
                }
            }
        }
        return (double) alarmed / runs;
    }

    private static CusumThresholds thresholds(PipelineSimulation sim, CusumSettings settings,
                                              PipelineSimulation.Statistics stats, double[] levels, double achieved) {
        Map<Scenario, Double> whole = new EnumMap<>(Scenario.class);
        Map<Scenario, Double> probability = new EnumMap<>(Scenario.class);
        Map<String, Map<Scenario, Double>> families = new LinkedHashMap<>();
        for (int d = 0; d < 2; d++) {
            Scenario s = CusumState.MONITORED.get(d);
            whole.put(s, levels[d]);
            probability.put(s, Math.min(1, levels[stats.probability(d)]));
            for (int f = 0; f < sim.families().size(); f++) {
                families.computeIfAbsent(sim.families().get(f), k -> new EnumMap<>(Scenario.class))
                        .put(s, levels[2 + 2 * f + d]);
            }
        }
        return new CusumThresholds(sim.parameters().dyad(), whole, families, probability, settings.budgetProbability(),
                settings.budgetPeriods(), achieved, settings.calibrationRuns());
    }
}
