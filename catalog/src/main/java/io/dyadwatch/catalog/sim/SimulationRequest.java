package io.dyadwatch.catalog.sim;

import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What to simulate: a dyad living in one scenario from {@code from} (inclusive) to {@code to} (exclusive), optionally
 * moving on {@code shiftAt}: the whole catalog to {@code shiftTo}'s rates, or only {@code shiftFamily}'s indicators;
 * reported with {@code sources}, optionally changing to {@code sourcesAfter} on {@code sourceShiftAt} with the activity
 * unchanged.
 *
 * @param dyad          a watched dyad or group
 * @param scenario      the scenario in force from {@code from}
 * @param from          first day
 * @param to            day after the last day
 * @param shiftAt       day the rates change, or null for none (must lie in [from, to))
 * @param shiftTo       scenario whose rates apply from {@code shiftAt}, or null when there is no shift
 * @param shiftFamily   the only family that moves at {@code shiftAt}, or null for the whole catalog
 * @param sources       how events are reported
 * @param sourceShiftAt day the reporting changes, or null
 * @param sourcesAfter  how events are reported from {@code sourceShiftAt}, or null
 * @param overdispersed true: counts are negative binomial with the dyad's dispersion (a Gamma multiplier per family
 *                      and quarter); false: Poisson
 * @param seed          the same seed gives the same events
 */
public record SimulationRequest(Dyad dyad, Scenario scenario, LocalDate from, LocalDate to, LocalDate shiftAt,
                                Scenario shiftTo, String shiftFamily, SourceMix sources, LocalDate sourceShiftAt,
                                SourceMix sourcesAfter, boolean overdispersed, long seed) {

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
        if (shiftFamily != null && shiftAt == null) {
            throw new IllegalArgumentException("a family shift needs a shift date and scenario");
        }
        within(shiftAt, from, to, "shift date");
        sources = sources == null ? SourceMix.A1 : sources;
        if ((sourceShiftAt == null) != (sourcesAfter == null)) {
            throw new IllegalArgumentException("give both the source-shift date and the sources after it, or neither");
        }
        within(sourceShiftAt, from, to, "source-shift date");
    }

    /** The old form: a whole-scenario shift or none, A1 sources, overdispersed counts. */
    public SimulationRequest(Dyad dyad, Scenario scenario, LocalDate from, LocalDate to, LocalDate shiftAt,
                             Scenario shiftTo, long seed) {
        this(dyad, scenario, from, to, shiftAt, shiftTo, null, SourceMix.A1, null, null, true, seed);
    }

    /** Without a shift. */
    public static SimulationRequest of(Dyad dyad, Scenario scenario, LocalDate from, LocalDate to, long seed) {
        return new SimulationRequest(dyad, scenario, from, to, null, null, seed);
    }

    /** The same request with the reporting changing on {@code day} (the activity unchanged). */
    public SimulationRequest withSourceShift(SourceMix before, LocalDate day, SourceMix after) {
        return new SimulationRequest(dyad, scenario, from, to, shiftAt, shiftTo, shiftFamily, before, day, after,
                overdispersed, seed);
    }

    /** The same request with only {@code family} moving at the shift. */
    public SimulationRequest withShiftFamily(String family) {
        return new SimulationRequest(dyad, scenario, from, to, shiftAt, shiftTo, family, sources, sourceShiftAt,
                sourcesAfter, overdispersed, seed);
    }

    /** The same request with Poisson (false) or overdispersed (true) counts. */
    public SimulationRequest withOverdispersion(boolean on) {
        return new SimulationRequest(dyad, scenario, from, to, shiftAt, shiftTo, shiftFamily, sources, sourceShiftAt,
                sourcesAfter, on, seed);
    }

    /** True from the shift day on. */
    public boolean shiftedOn(LocalDate day) {
        return shiftAt != null && !day.isBefore(shiftAt);
    }

    /** The scenario whose rates the moving indicators have on a day. */
    public Scenario scenarioOn(LocalDate day) {
        return shiftedOn(day) ? shiftTo : scenario;
    }

    /** How events are reported on a day. */
    public SourceMix sourcesOn(LocalDate day) {
        return sourceShiftAt != null && !day.isBefore(sourceShiftAt) ? sourcesAfter : sources;
    }

    private static void within(LocalDate day, LocalDate from, LocalDate to, String name) {
        if (day != null && (day.isBefore(from) || !day.isBefore(to))) {
            throw new IllegalArgumentException(name + " " + day + " must lie in [" + from + ", " + to + ")");
        }
    }
}
