package io.dyadwatch.catalog;

/**
 * How CUSUM thresholds are calibrated: the false-alarm budget and the simulation that enforces it.
 *
 * @param budgetAlarms    at most this many false alarms, on average ...
 * @param budgetPeriods   ... per this many periods of status-quo data (1 in 80 quarters = one in 20 years)
 * @param calibrationRuns simulated status-quo histories of {@code budgetPeriods} periods each
 * @param seed            seed of the calibration simulation (the thresholds are reproducible)
 */
public record CusumSettings(double budgetAlarms, int budgetPeriods, int calibrationRuns, long seed) {

    /** One false alarm in 80 quarters, 4000 simulated histories, seed 20230322. */
    public static final CusumSettings DEFAULT = new CusumSettings(1, 80, 4000, 20230322L);

    public CusumSettings {
        if (!(budgetAlarms > 0) || budgetAlarms >= budgetPeriods) {
            throw new IllegalArgumentException("budget alarms must be > 0 and fewer than the periods, got " + budgetAlarms);
        }
        if (budgetPeriods < 1) {
            throw new IllegalArgumentException("budget periods must be >= 1, got " + budgetPeriods);
        }
        if (calibrationRuns < 100) {
            throw new IllegalArgumentException("calibration runs must be >= 100, got " + calibrationRuns);
        }
    }

    /** The in-control average run length the budget implies: periods / alarms. */
    public double targetRunLength() {
        return budgetPeriods / budgetAlarms;
    }
}
