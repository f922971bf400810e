package io.dyadwatch.app.backtest;

import io.dyadwatch.model.assessment.Period;
import io.dyadwatch.model.assessment.PeriodUnit;

/**
 * The periods a backtest reports, both ends included; null for open. Events before {@code from} are replayed
 * too, so the change statistics enter the window with the state a service running all along would have had;
 * events after {@code to} are not replayed.
 *
 * @param from first period reported, or null
 * @param to   last period reported and replayed, or null
 */
public record BacktestWindow(String from, String to) {

    /** Every period. */
    public static final BacktestWindow ALL = new BacktestWindow(null, null);

    /** Checks the labels against the unit; throws IllegalArgumentException with a readable message. */
    public BacktestWindow checkedFor(PeriodUnit unit) {
        for (String label : new String[] {from, to}) {
            if (label != null && !unit.isLabel(label)) {
                throw new IllegalArgumentException("'" + label + "' is not a " + unit.name().toLowerCase(java.util.Locale.ROOT)
                        + " label; periods are " + example(unit) + " (setting streams.period=" + unit + ")");
            }
        }
        if (from != null && to != null && Period.parse(from).isAfter(Period.parse(to))) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to);
        }
        return this;
    }

    private static String example(PeriodUnit unit) {
        switch (unit) {
            case MONTH:
                return "like 2023-03";
            case YEAR:
                return "like 2023";
            default:
                return "like 2023-Q1";
        }
    }

    /** True when the period is reported. */
    public boolean contains(String period) {
        Period p = Period.parse(period);
        return (from == null || !p.isBefore(Period.parse(from))) && (to == null || !p.isAfter(Period.parse(to)));
    }

    /** True when the period lies after the window. */
    public boolean isAfter(String period) {
        return to != null && Period.parse(period).isAfter(Period.parse(to));
    }

    /** True unless both ends are open. */
    public boolean bounded() {
        return from != null || to != null;
    }
}
