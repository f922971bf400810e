package io.dyadwatch.alerts;

import io.dyadwatch.model.assessment.Assessment;

/**
 * One step of a dyad's assessment as the analyst hands it to the alert rules, inside the task that took it.
 *
 * <p>Both views describe the dyad right after the step, and are valid only during the call they are passed to:
 * the rules decide from {@link #figures()} and ask for {@link #withContent()} only when an alert starts, so its
 * evidence, drivers and explanations are those of the step, never those of a later publication.
 */
public interface AssessedStep {

    /**
     * The step's figures: period, revision, probabilities, change statistics with their thresholds, indicator values
     * and triggers; no evidence, drivers or explanations. Everything a rule needs to decide whether it holds.
     */
    Assessment figures();

    /** The step with its content as well: evidence, drivers, explanations and coverage, resolved now. */
    Assessment withContent();

    /** A step whose figures and content are one assessment (already resolved). */
    static AssessedStep of(Assessment assessment) {
        return new AssessedStep() {
            @Override
            public Assessment figures() {
                return assessment;
            }

            @Override
            public Assessment withContent() {
                return assessment;
            }
        };
    }
}
