package io.dyadwatch.catalog;

/**
 * How alarm thresholds are calibrated: the false-alarm budget and the simulation that enforces it.
 *
 * @param budgetProbability at most this probability of ANY false scenario alert of a dyad (every CUSUM and the
 *                          probability level together) ...
 * @param budgetPeriods     ... in this many periods of status-quo data (0.05 in 80 quarters: 5% in 20 years)
 * @param calibrationRuns   simulated status-quo histories of {@code budgetPeriods} periods each
 * @param seed              seed of the calibration simulation (the thresholds are reproducible)
 */
public record CusumSettings(double budgetProbability, int budgetPeriods, int calibrationRuns, long seed) {

    /** 5% in 80 quarters, 4000 simulated histories, seed 20230322. */
    public static final CusumSettings DEFAULT = new CusumSettings(0.05, 80, 4000, 20230322L);

    public CusumSettings {
        if (!(budgetProbability > 0) || !(budgetProbability < 1)) {
            throw new IllegalArgumentException("budget probability must be in (0, 1), got " + budgetProbability);
        }
        if (budgetPeriods < 1) {
            throw new IllegalArgumentException("budget periods must be >= 1, got " + budgetPeriods);
        }
        if (calibrationRuns < 100) {
            throw new IllegalArgumentException("calibration runs must be >= 100, got " + calibrationRuns);
        }
    }

    /**
     * The in-control average run length a single statistic would need to hold the budget alone: run lengths are close
     * to geometric, so {@code periods / -ln(1 - probability)} (1,560 quarters for 5% in 80).
     */
    public double targetRunLength() {
        return budgetPeriods / -Math.log1p(-budgetProbability);
    }
}
