package io.dyadwatch.app.trackrecord;

import io.dyadwatch.catalog.model.Quarter;
import io.dyadwatch.model.assessment.Scenario;
import java.util.Objects;
import java.util.Set;

/**
 * An alert of a replay as the track record scores it.
 *
 * @param dyad     the dyad, like PRK-RUS
 * @param rule     the rule that fired it ({@code scenario-shift}, {@code family-shift}, {@code probability-level},
 *                 {@code signature-event}, ...)
 * @param scenario the scenario it points toward, or null for a rule about no scenario
 * @param period   the quarter it is about
 * @param subject  what it is about within its rule (the scenario, or the indicator of a signature alert)
 */
public record ScoredAlert(String dyad, String rule, Scenario scenario, Quarter period, String subject) {

    /** Rules that fire on a single event: never a statistical hit, listed apart. */
    public static final Set<String> SIGNATURE_RULES = Set.of("signature-event");

    public ScoredAlert {
        Objects.requireNonNull(dyad, "dyad");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(subject, "subject");
    }

    /** Fired by a single event (a signature rule). */
    public boolean signature() {
        return SIGNATURE_RULES.contains(rule);
    }

    /** A statistical alert toward WEAKENING or STRENGTHENING: what the track record scores. */
    public boolean statistical() {
        return !signature() && (scenario == Scenario.WEAKENING || scenario == Scenario.STRENGTHENING);
    }

    /** "2023-Q4 family-shift STRENGTHENING (patrols)": how the table names it. */
    public String label() {
        String toward = scenario == null ? "" : " " + scenario;
        String what = subject.endsWith(":" + scenario) ? subject.substring(0, subject.lastIndexOf(':')) : subject;
        String about = what.equalsIgnoreCase(String.valueOf(scenario)) ? "" : " (" + what + ")";
        return period + " " + rule + toward + about;
    }
}
