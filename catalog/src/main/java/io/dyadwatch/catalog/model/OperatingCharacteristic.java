package io.dyadwatch.catalog.model;

import io.dyadwatch.catalog.CusumSettings;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * What a dyad's calibrated alarms do, measured by simulating the pipeline ({@link PipelineSimulation}): the
 * probability of any false alert (signature alerts included) in the budget's periods on fresh status-quo histories
 * (seeds other than the calibration's; after a warm-up of as many quarters, as in the calibration), at the stored
 * baselines and with true rates drawn from the baselines' posterior; and, for a whole-scenario shift, each family shift
 * toward each monitored scenario and each out-of-scenario shift (a family x2 or x0.5), the detection delay of the
 * monitor against an oracle: the CUSUM of the simulator's true likelihood (the true rates of every kind and the true
 * overdispersion) holding the whole budget alone.
 *
 * @param dyad                  the dyad
 * @param thresholds            the calibrated thresholds
 * @param falseAlarmRuns        fresh status-quo histories simulated (each sample)
 * @param falseAlarmProbability share of them with any alert, at the stored baselines
 * @param falseAlarmWhole       share with a whole-scenario CUSUM alert
 * @param falseAlarmFamily      share with a family CUSUM alert
 * @param falseAlarmProbabilityLevel share with a probability-level alert
 * @param delays                one per shift case, in quarters from the change (infinite: not within the cap)
 * @param falseAlarmGeneric     share with an out-of-scenario CUSUM alert
 * @param falseAlarmSignature   share with a signature alert
 * @param falseAlarmPosterior   share with any alert when each history's true rates are drawn from the posterior
 */
public record OperatingCharacteristic(Dyad dyad, CusumThresholds thresholds, int falseAlarmRuns,
                                      double falseAlarmProbability, double falseAlarmWhole, double falseAlarmFamily,
                                      double falseAlarmProbabilityLevel, List<Delay> delays, double falseAlarmGeneric,
                                      double falseAlarmSignature, double falseAlarmPosterior) {

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
     * @param familyMedian    median delay of the moving family's CUSUM alone, for an out-of-scenario shift its
     *                        out-of-scenario CUSUM (NaN for a whole-scenario shift)
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

    /**
     * Measures a dyad with another number of shares of the budget for each whole-scenario CUSUM than the shipped split's
     * (1: the equal split), to show the trade between whole-scenario and out-of-scenario delays.
     */
    public static OperatingCharacteristic measure(ScenarioModel model, Dyad dyad, int falseAlarmRuns, int delayRuns,
                                                  long seed, double wholeShares, Consumer<String> progress) {
        if (!(wholeShares > 0) || Double.isInfinite(wholeShares)) {
            throw new IllegalArgumentException("whole-scenario shares must be finite and > 0, got " + wholeShares);
        }
        ThresholdCalibrator.Shares shipped = ThresholdCalibrator.SHARES;
        return measure(model, dyad, model.catalog().cusum(), new ThresholdCalibrator.Shares(wholeShares, shipped.family(),
                shipped.generic(), shipped.probability()), falseAlarmRuns, delayRuns, seed, progress);
    }

    /** Measures a dyad with other calibration settings than its catalog's (e.g. fewer runs in a test). */
    public static OperatingCharacteristic measure(ScenarioModel model, Dyad dyad, CusumSettings settings,
                                                  int falseAlarmRuns, int delayRuns, long seed,
                                                  Consumer<String> progress) {
        return measure(model, dyad, settings, ThresholdCalibrator.SHARES, falseAlarmRuns, delayRuns, seed, progress);
    }

    /** Measures a dyad with another split of the budget (to show the trade). */
    static OperatingCharacteristic measure(ScenarioModel model, Dyad dyad, CusumSettings settings,
                                           ThresholdCalibrator.Shares shares, int falseAlarmRuns, int delayRuns,
                                           long seed, Consumer<String> progress) {
        PipelineSimulation sim = PipelineSimulation.of(model, dyad);
        List<ShiftCase> cases = cases(sim);
        List<double[]> truths = cases.stream().map(sim::truth).toList();
        progress.accept(dyad + ": calibrating on " + settings.calibrationRuns() + " status-quo histories of "
                + settings.budgetPeriods() + " quarters");
        ThresholdCalibrator.Calibration calibration = ThresholdCalibrator.calibrate(sim, settings, truths, shares,
                progress);
        PipelineSimulation.Statistics stats = calibration.statistics();
        double[] limits = calibration.limits();
        SplittableRandom random = new SplittableRandom(seed);

        progress.accept(dyad + ": false alarms on " + falseAlarmRuns + " fresh status-quo histories");
        double[] point = falseAlarms(sim, stats, limits, ThresholdCalibrator.warmUp(settings), settings.budgetPeriods(),
                falseAlarmRuns, random, false);
        double[] posterior = falseAlarms(sim, stats, limits, ThresholdCalibrator.warmUp(settings),
                settings.budgetPeriods(), falseAlarmRuns, random, true);

        List<Delay> delays = new ArrayList<>();
        for (int c = 0; c < cases.size(); c++) {
            ShiftCase shift = cases.get(c);
            progress.accept(dyad + ": delays after " + shift.label() + " (" + delayRuns + " histories)");
            delays.add(delay(sim, stats, limits, shift, c, truths.get(c), calibration.oracleThresholds()[c],
                    delayRuns, random));
        }
        return new OperatingCharacteristic(dyad, calibration.thresholds(), falseAlarmRuns, point[0], point[1], point[2],
                point[3], delays, point[4], point[5], posterior[0]);
    }

    /** Whole-scenario shifts toward each monitored scenario, then each family toward each, then each family x2 and x0.5. */
    static List<ShiftCase> cases(PipelineSimulation sim) {
        List<ShiftCase> cases = new ArrayList<>();
        CusumState.MONITORED.forEach(s -> cases.add(ShiftCase.whole(s)));
        for (String f : sim.families()) {
            CusumState.MONITORED.forEach(s -> cases.add(new ShiftCase(f, s)));
        }
        for (String f : sim.families()) {
            for (GenericMove move : GenericMove.values()) {
                cases.add(ShiftCase.generic(f, move));
            }
        }
        return cases;
    }

    /** Shares of histories with any alarm, a whole, a family, a probability, an out-of-scenario and a signature alarm. */
    private static double[] falseAlarms(PipelineSimulation sim, PipelineSimulation.Statistics stats, double[] limits,
                                        int warmUp, int quarters, int runs, SplittableRandom random, boolean drawn) {
        PipelineSimulation.Kinds kinds = sim.kindsUnder(sim.statusQuo(), stats);
        double[] monitoredLimits = limits.clone();
        for (int m = stats.monitored(); m < stats.cusums(); m++) {
            monitoredLimits[m] = Double.POSITIVE_INFINITY;
        }
        int fams = sim.families().size();
        double[] max = new double[stats.size()];
        double[] first = new double[stats.size()];
        int[] counts = new int[6];
        for (int r = 0; r < runs; r++) {
            PipelineSimulation.Kinds truth = drawn ? kinds.withRates(sim.drawStatusQuo(random)) : kinds;
            sim.run(random, warmUp, quarters, truth, truth, Integer.MAX_VALUE, stats, monitoredLimits, new int[0][], max,
                    first);
            boolean whole = max[0] > limits[0] || max[1] > limits[1];
            boolean family = false;
            for (int m = 2; m < 2 + 2 * fams; m++) {
                family |= max[m] > limits[m];
            }
            boolean generic = false;
            for (int m = 2 + 2 * fams; m < stats.monitored(); m++) {
                generic |= max[m] > limits[m];
            }
            boolean probability = max[stats.probability(0)] > limits[stats.probability(0)]
                    || max[stats.probability(1)] > limits[stats.probability(1)];
            boolean signature = max[stats.signature()] > limits[stats.signature()];
            counts[0] += whole || family || generic || probability || signature ? 1 : 0;
            counts[1] += whole ? 1 : 0;
            counts[2] += family ? 1 : 0;
            counts[3] += probability ? 1 : 0;
            counts[4] += generic ? 1 : 0;
            counts[5] += signature ? 1 : 0;
        }
        double[] shares = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            shares[i] = counts[i] / (double) runs;
        }
        return shares;
    }

    private static Delay delay(PipelineSimulation sim, PipelineSimulation.Statistics stats, double[] limits,
                               ShiftCase shift, int caseIndex, double[] truth, double oracleThreshold, int runs,
                               SplittableRandom random) {
        int fams = sim.families().size();
        int oracle = stats.monitored() + caseIndex;
        List<Integer> group = new ArrayList<>();
        int direction;
        int own;
        if (shift.isGeneric()) {
            direction = -1;
            for (int m = 0; m < stats.monitored(); m++) {
                group.add(m);
            }
            group.add(stats.probability(0));
            group.add(stats.probability(1));
            group.add(stats.signature());
            own = PipelineSimulation.generic(fams, sim.families().indexOf(shift.family()), shift.move());
        } else {
            direction = CusumState.MONITORED.indexOf(shift.toward());
            group.add(PipelineSimulation.whole(direction));
            group.add(stats.probability(direction));
            for (int f = 0; f < fams; f++) {
                group.add(PipelineSimulation.family(f, direction));
            }
            if (shift.toward() == Scenario.STRENGTHENING) {
                group.add(stats.signature());
            }
            own = shift.isWhole() ? PipelineSimulation.whole(direction)
                    : PipelineSimulation.family(sim.families().indexOf(shift.family()), direction);
        }
        double[] caseLimits = new double[stats.size()];
        Arrays.fill(caseLimits, Double.POSITIVE_INFINITY);
        group.forEach(m -> caseLimits[m] = limits[m]);
        caseLimits[oracle] = oracleThreshold;
        int wholeStat = direction < 0 ? own : PipelineSimulation.whole(direction);
        int[][] stopWhen = {group.stream().mapToInt(Integer::intValue).toArray(), {oracle}, {wholeStat}, {own}};
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
            whole[r] = first[wholeStat];
            fam[r] = first[own];
            orc[r] = first[oracle];
        }
        boolean scenarioWhole = shift.isWhole();
        return new Delay(shift, runs, quantile(monitor, 0.5), quantile(monitor, 0.9),
                direction < 0 ? Double.NaN : quantile(whole, 0.5), scenarioWhole ? Double.NaN : quantile(fam, 0.5),
                quantile(orc, 0.5), quantile(orc, 0.9), oracleThreshold);
    }

    /** The q-quantile (nearest rank) of the values; infinite values (not detected) sort last. */
    static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }
}
