package io.dyadwatch.catalog.model;

import io.dyadwatch.catalog.CusumSettings;
import io.dyadwatch.model.assessment.Scenario;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Sets CUSUM thresholds from a false-alarm budget by simulation: draw {@code calibrationRuns} histories of
 * {@code budgetPeriods} quarters of status-quo counts (seeded, so reproducible), compute each monitored scenario's
 * log-likelihood ratio per quarter, and take the smallest threshold h for which the mean number of alarms per history
 * (restarting at 0 after each alarm) is within that CUSUM's share of the budget (the budget divided equally between the
 * monitored scenarios, so that the dyad as a whole stays within it). A smaller h would alarm more often than allowed.
 */
final class ThresholdCalibrator {

    private static final int BISECTIONS = 60;

    private ThresholdCalibrator() {
    }

    static CusumThresholds calibrate(ScenarioModel.DyadParameters p, CusumSettings settings) {
        int runs = settings.calibrationRuns();
        int periods = settings.budgetPeriods();
        int n = p.lambda().length;
        int sq = Scenario.STATUS_QUO.ordinal();
        SplittableRandom random = new SplittableRandom(settings.seed());
        int monitored = CusumState.MONITORED.size();
        double[][][] llr = new double[monitored][runs][periods];
        double[][] slope = new double[monitored][n];
        double[] offset = new double[monitored];
        for (int m = 0; m < monitored; m++) {
            int k = CusumState.MONITORED.get(m).ordinal();
            for (int i = 0; i < n; i++) {
                slope[m][i] = p.logLambda()[i][k] - p.logLambda()[i][sq];
                offset[m] += p.lambda()[i][k] - p.lambda()[i][sq];
            }
        }
        double[] mean = new double[n];
        double[] expNegMean = new double[n];
        for (int i = 0; i < n; i++) {
            mean[i] = p.lambda()[i][sq];
            expNegMean[i] = Math.exp(-mean[i]);
        }
        double[] sum = new double[monitored];
        for (int r = 0; r < runs; r++) {
            for (int t = 0; t < periods; t++) {
                java.util.Arrays.fill(sum, 0);
                for (int i = 0; i < n; i++) {
                    int count = mean[i] <= PoissonMath.largestSmallMean()
                            ? PoissonMath.sampleSmall(mean[i], expNegMean[i], random)
                            : PoissonMath.sample(mean[i], random);
                    if (count != 0) {
                        for (int m = 0; m < monitored; m++) {
                            sum[m] += count * slope[m][i];
                        }
                    }
                }
                for (int m = 0; m < monitored; m++) {
                    llr[m][r][t] = sum[m] - offset[m];
                }
            }
        }
        // the budget is for the dyad as a whole: each of the monitored CUSUMs gets an equal share of it
        double budgetPerCusum = settings.budgetAlarms() / monitored;
        double wald = Math.log(periods / budgetPerCusum);
        Map<Scenario, Double> thresholds = new EnumMap<>(Scenario.class);
        Map<Scenario, Double> achieved = new EnumMap<>(Scenario.class);
        for (int m = 0; m < monitored; m++) {
            double h = smallestWithinBudget(llr[m], budgetPerCusum, wald);
            thresholds.put(CusumState.MONITORED.get(m), h);
            achieved.put(CusumState.MONITORED.get(m), meanAlarms(llr[m], h));
        }
        return new CusumThresholds(p.dyad(), thresholds, settings.budgetAlarms(), periods, achieved, wald);
    }

    private static double smallestWithinBudget(double[][] llr, double budget, double start) {
        double hi = Math.max(start, 1e-6);
        while (meanAlarms(llr, hi) > budget) {
            hi *= 2;
            if (hi > 1e6) {
                throw new IllegalStateException("no CUSUM threshold meets the false-alarm budget");
            }
        }
        double lo = 0;
        for (int i = 0; i < BISECTIONS; i++) {
            double mid = (lo + hi) / 2;
            if (meanAlarms(llr, mid) > budget) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.max(hi, 1e-6);
    }

    /** Mean alarms per history at threshold h, restarting at 0 after each alarm. */
    static double meanAlarms(double[][] llr, double h) {
        long alarms = 0;
        for (double[] run : llr) {
            double s = 0;
            for (double increment : run) {
                s = Math.max(0, s + increment);
                if (s > h) {
                    alarms++;
                    s = 0;
                }
            }
        }
        return (double) alarms / llr.length;
    }
}
