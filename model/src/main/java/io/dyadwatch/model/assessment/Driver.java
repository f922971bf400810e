package io.dyadwatch.model.assessment;

import java.util.Objects;

/**
 * One indicator's part in moving a dyad toward a scenario, against STATUS_QUO.
 *
 * @param scenario          the scenario moved toward (or away from, when {@code llr} is negative)
 * @param indicator         the catalog indicator
 * @param observed          weighted count observed
 * @param expectedStatusQuo expected count under STATUS_QUO over the same exposure
 * @param expectedScenario  expected count under {@code scenario}
 * @param llr               this indicator's term of the log-likelihood ratio, scenario against STATUS_QUO
 * @param missing           true when it counts because activity that was expected did not happen
 */
public record Driver(Scenario scenario, String indicator, double observed, double expectedStatusQuo,
        double expectedScenario, double llr, boolean missing) {

    public Driver {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(indicator, "indicator");
    }

    /** One readable line: "WEAKENING +0.39 combined-air-patrol: 0 seen, 0.39 expected at status quo (expected activity did not happen)". */
    public String explain() {
        return String.format(java.util.Locale.ROOT, "%s %+.2f %s: %.2f seen, %.2f expected at status quo, %.2f under %s%s",
                scenario, llr, indicator, observed, expectedStatusQuo, expectedScenario, scenario,
                missing || (observed < expectedStatusQuo && llr > 0) ? " (expected activity did not happen)" : "");
    }
}
