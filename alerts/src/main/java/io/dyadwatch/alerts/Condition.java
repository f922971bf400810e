package io.dyadwatch.alerts;

import io.dyadwatch.model.assessment.EvidenceItem;
import io.dyadwatch.model.assessment.Scenario;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a rule says about one subject of one assessment.
 *
 * @param subject         what the alert is about (a scenario, an indicator): part of the fingerprint
 * @param scenario        the scenario the alert points to, or null
 * @param holds           whether the alert should be firing (hysteresis already applied)
 * @param describe        one line for a watch officer, written only when an alert changes (from the step's figures,
 *                        during the same evaluation)
 * @param changeStatistic the change statistic toward the scenario, or null
 * @param evidence        the events behind it, most important first
 * @param indicators      catalog indicators involved (for the rationale)
 * @param period          the period the alert concerns
 */
record Condition(String subject, Scenario scenario, boolean holds, Supplier<String> describe, Double changeStatistic,
        List<EvidenceItem> evidence, List<String> indicators, String period) {

    /** The one line for a watch officer. */
    String summary() {
        return describe.get();
    }
}
