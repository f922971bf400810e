package io.dyadwatch.streams;

import io.dyadwatch.model.assessment.AssessmentStep;
import io.dyadwatch.model.assessment.Period;
import java.util.List;
import java.util.Objects;

/**
 * A step of a dyad's assessment, stored until it is published, with the keys of the events it names (to look
 * them up when publishing) and the earliest period it restated (to rewrite the history from there).
 *
 * @param step          the step as published
 * @param triggers      keys of its trigger events
 * @param evidence      keys of its evidence events
 * @param restatedFrom  earliest period whose result this step changed
 * @param timestamp     the input record's timestamp, for the outputs
 * @param touched       the indicator values this step changed, in any period
 */
record PendingStep(AssessmentStep step, List<StateKey.OfEvent> triggers, List<StateKey.OfEvent> evidence,
        Period restatedFrom, long timestamp, List<Touched> touched) {

    /** One indicator value a step changed: its period's weighted count before and after. */
    record Touched(Period period, String indicator, double before, double after) {
        Touched {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(indicator, "indicator");
        }
    }

    PendingStep {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(restatedFrom, "restatedFrom");
        triggers = List.copyOf(triggers);
        evidence = List.copyOf(evidence);
        touched = List.copyOf(touched);
    }
}
