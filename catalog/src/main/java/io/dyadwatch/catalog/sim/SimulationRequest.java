package io.dyadwatch.catalog.sim;

import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What to simulate: a dyad living in one scenario from {@code from} (inclusive) to {@code to} (exclusive), optionally
 * switching to {@code shiftTo} on {@code shiftAt}.
 *
 * @param dyad     a watched dyad or group
 * @param scenario the scenario in force from {@code from}
 * @param from     first day
 * @param to       day after the last day
 * @param shiftAt  day the scenario changes, or null for none (must lie in [from, to))
 * @param shiftTo  scenario from {@code shiftAt}, or null when there is no shift
 * @param seed     the same seed gives the same events
 */
public record SimulationRequest(Dyad dyad, Scenario scenario, LocalDate from, LocalDate to, LocalDate shiftAt,
                                Scenario shiftTo, long seed) {

    public SimulationRequest {
        Objects.requireNonNull(dyad, "dyad");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        }
        if ((shiftAt == null) != (shiftTo == null)) {
            throw new IllegalArgumentException("give both the shift date and the scenario shifted to, or neither");
        }
        if (shiftAt != null && (shiftAt.isBefore(from) || !shiftAt.isBefore(to))) {
            throw new IllegalArgumentException("shift date " + shiftAt + " must lie in [" + from + ", " + to + ")");
        }
    }

    /** Without a shift. */
    public static SimulationRequest of(Dyad dyad, Scenario scenario, LocalDate from, LocalDate to, long seed) {
        return new SimulationRequest(dyad, scenario, from, to, null, null, seed);
    }

    /** The scenario in force on a day. */
    public Scenario scenarioOn(LocalDate day) {
        return shiftAt != null && !day.isBefore(shiftAt) ? shiftTo : scenario;
    }
}
