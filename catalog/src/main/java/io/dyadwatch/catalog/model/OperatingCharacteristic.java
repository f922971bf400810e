package io.dyadwatch.catalog.model;

import io.dyadwatch.catalog.CusumSettings;
import io.dyadwatch.model.event.Dyad;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * What a dyad's calibrated alarms do, measured by simulating the pipeline ({@link PipelineSimulation}): the
 * probability of any false scenario alert in the budget's periods on fresh status-quo histories (seeds other than the
 * calibration's; after a warm-up of as many quarters, as in the calibration), and, for a whole-scenario shift and for each family shift toward each monitored scenario, the
 * detection delay of the monitor (first alert toward that scenario: whole-scenario CUSUM, a family CUSUM or the
 * probability level) against an oracle CUSUM that knows the true post-change rates and holds the whole budget alone.
 *
 * @param dyad                  the dyad
 * @param thresholds            the calibrated thresholds
 * @param falseAlarmRuns        fresh status-quo histories simulated
 * @param falseAlarmProbability share of them with any false alert
 * @param falseAlarmWhole       share with a whole-scenario CUSUM alert
 * @param falseAlarmFamily      share with a family CUSUM alert
 * @param falseAlarmProbabilityLevel share with a probability-level alert
 * @param delays                one per shift case, in quarters from the change (infinite: not within the cap)
 */
public record OperatingCharacteristic(Dyad dyad, CusumThresholds thresholds, int falseAlarmRuns,
                                      double falseAlarmProbability, double falseAlarmWhole, double falseAlarmFamily,
                                      double falseAlarmProbabilityLevel, List<Delay> delays) {

    /** Longest run after a change, in quarters: a shift not detected by then counts as not detected. */
    public static final int MAX_QUARTERS = 200;

    public OperatingCharacteristic {
        Objects.requireNonNull(dyad, "dyad");
        Objects.requireNonNull(thresholds, "thresholds");
        delays = List.copyOf(delays);
    }

    /**
     * Detection delays of one shift, in quarters after the change (zero-state: every statistic at 0 when it happens).
     *
     * @param shift           the change
     * @param runs            simulated histories
     * @param median          median delay of the monitor's first alert toward the shift's scenario
     * @param p90             its 90th percentile
     * @param wholeMedian     median delay of the whole-scenario CUSUM alone
     * @param familyMedian    median delay of the moving family's CUSUM alone (NaN for a whole-scenario shift)
     * @param oracleMedian    median delay of the oracle CUSUM
     * @param oracleP90       its 90th percentile
     * @param oracleThreshold the oracle's threshold (the whole budget)
     */
    public record Delay(ShiftCase shift, int runs, double median, double p90, double wholeMedian, double familyMedian,
                        double oracleMedian, double oracleP90, double oracleThreshold) {

        /** Median delay relative to the oracle's (the target is at most 1.25). */
        public double ratioToOracle() {
            return median / oracleMedian;
        }
    }

    /**
     * Measures a dyad.
     *
     * @param model          the model (its catalog's calibration settings)
     * @param dyad           a watched dyad
     * @param falseAlarmRuns fresh status-quo histories for the false-alarm probability
     * @param delayRuns      histories per shift case
     * @param seed           seed of the fresh histories (use another than the calibration's)
     * @param progress       receives a line now and then
     */
    public static OperatingCharacteristic measure(ScenarioModel model, Dyad dyad, int falseAlarmRuns, int delayRuns,
                                                  long seed, Consumer<String> progress) {
        return measure(model, dyad, model.catalog().cusum(), falseAlarmRuns, delayRuns, seed, progress);
    }

    /** Measures a dyad with other calibration settings than its catalog's (e.g. fewer runs in a test). */
    public static OperatingCharacteristic measure(ScenarioModel model, Dyad dyad, CusumSettings settings,
                                                  int falseAlarmRuns, int delayRuns, long seed,
                                                  Consumer<String> progress) {
        PipelineSimulation sim = PipelineSimulation.of(model, dyad);
        List<ShiftCase> cases = cases(sim);
        List<double[]> truths = cases.stream().map(sim::multipliers).toList();
        progress.accept(dyad + ": calibrating on " + settings.calibrationRuns() + " status-quo histories of "
                + settings.budgetPeriods() + " quarters");
        ThresholdCalibrator.Calibration calibration = ThresholdCalibrator.calibrate(sim, settings, truths, progress);
        PipelineSimulation.Statistics stats = sim.statistics(truths);
        double[] limits = calibration.limits();
        SplittableRandom random = new SplittableRandom(seed);

        progress.accept(dyad + ": false alarms on " + falseAlarmRuns + " fresh status-quo histories");
        int[] counts = falseAlarms(sim, stats, limits, ThresholdCalibrator.warmUp(settings), settings.budgetPeriods(),
                falseAlarmRuns, random);

        List<Delay> delays = new ArrayList<>();
        for (int c = 0; c < cases.size(); c++) {
            ShiftCase shift = cases.get(c);
            progress.accept(dyad + ": delays after " + shift.label() + " (" + delayRuns + " histories)");
            delays.add(delay(sim, stats, limits, shift, c, truths.get(c), calibration.oracleThresholds()[c],
                    delayRuns, random));
        }
        double n = falseAlarmRuns;
        return new OperatingCharacteristic(dyad, calibration.thresholds(), falseAlarmRuns, counts[0] / n,
                counts[1] / n, counts[2] / n, counts[3] / n, delays);
    }

    /** Whole-scenario shifts toward each monitored scenario, then each family toward each. */
    static List<ShiftCase> cases(PipelineSimulation sim) {
        List<ShiftCase> cases = new ArrayList<>();
        CusumState.MONITORED.forEach(s -> cases.add(ShiftCase.whole(s)));
        for (String f : sim.families()) {
            CusumState.MONITORED.forEach(s -> cases.add(new ShiftCase(f, s)));
        }
        return cases;
    }

    /** Histories with any alarm, with a whole, a family and a probability alarm. */
    private static int[] falseAlarms(PipelineSimulation sim, PipelineSimulation.Statistics stats, double[] limits,
                                     int warmUp, int quarters, int runs, SplittableRandom random) {
        PipelineSimulation.Kinds kinds = sim.kindsUnder(sim.statusQuo(), stats);
        double[] monitoredLimits = limits.clone();
        for (int m = stats.monitored(); m < stats.cusums(); m++) {
            monitoredLimits[m] = Double.POSITIVE_INFINITY;
        }
        double[] max = new double[stats.size()];
        double[] first = new double[stats.size()];
        int[] counts = new int[4];
        for (int r = 0; r < runs; r++) {
            sim.run(random, warmUp, quarters, kinds, kinds, Integer.MAX_VALUE, stats, monitoredLimits, new int[0][], max,
                    first);
            boolean whole = max[0] > limits[0] || max[1] > limits[1];
            boolean family = false;
            for (int m = 2; m < stats.monitored(); m++) {
                family |= max[m] > limits[m];
            }
            boolean probability = max[stats.probability(0)] > limits[stats.probability(0)]
                    || max[stats.probability(1)] > limits[stats.probability(1)];
            counts[0] += whole || family || probability ? 1 : 0;
            counts[1] += whole ? 1 : 0;
            counts[2] += family ? 1 : 0;
            counts[3] += probability ? 1 : 0;
        }
        return counts;
    }

    private static Delay delay(PipelineSimulation sim, PipelineSimulation.Statistics stats, double[] limits,
                               ShiftCase shift, int caseIndex, double[] truth, double oracleThreshold, int runs,
                               SplittableRandom random) {
        int direction = CusumState.MONITORED.indexOf(shift.toward());
        int oracle = stats.monitored() + caseIndex;
        int family = shift.isWhole() ? -1 : 2 + 2 * sim.families().indexOf(shift.family()) + direction;
        List<Integer> group = new ArrayList<>(List.of(direction, stats.probability(direction)));
        for (int f = 0; f < sim.families().size(); f++) {
            group.add(2 + 2 * f + direction);
        }
        double[] caseLimits = new double[stats.size()];
        Arrays.fill(caseLimits, Double.POSITIVE_INFINITY);
        group.forEach(m -> caseLimits[m] = limits[m]);
        caseLimits[oracle] = oracleThreshold;
        int[][] stopWhen = {group.stream().mapToInt(Integer::intValue).toArray(), {oracle}, {direction},
            family < 0 ? new int[] {direction} : new int[] {family}};
        PipelineSimulation.Kinds after = sim.kindsUnder(truth, stats);
        PipelineSimulation.Kinds before = sim.kindsUnder(sim.statusQuo(), stats);
        double[] monitor = new double[runs];
        double[] whole = new double[runs];
        double[] fam = new double[runs];
        double[] orc = new double[runs];
        double[] max = new double[stats.size()];
        double[] first = new double[stats.size()];
        for (int r = 0; r < runs; r++) {
            sim.run(random, 0, MAX_QUARTERS, before, after, 0, stats, caseLimits, stopWhen, max, first);
            double m = Double.POSITIVE_INFINITY;
            for (int g : group) {
                m = Math.min(m, first[g]);
            }
            monitor[r] = m;
            whole[r] = first[direction];
            fam[r] = family < 0 ? Double.NaN : first[family];
            orc[r] = first[oracle];
        }
        return new Delay(shift, runs, quantile(monitor, 0.5), quantile(monitor, 0.9), quantile(whole, 0.5),
                family < 0 ? Double.NaN : quantile(fam, 0.5), quantile(orc, 0.5), quantile(orc, 0.9), oracleThreshold);
    }

    /** The q-quantile (nearest rank) of the values; infinite values (not detected) sort last. */
    static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }
}
