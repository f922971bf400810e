package io.dyadwatch.streams;

import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.assessment.Assessment;
import io.dyadwatch.model.assessment.IndicatorValue;

/** What the analyst publishes: indicator values, assessments and alerts. */
sealed interface Output {

    /** A changed indicator value. */
    record IndicatorOut(IndicatorValue value) implements Output {
    }

    /** A changed assessment. */
    record AssessmentOut(Assessment assessment) implements Output {
    }

    /** An alert that fired or resolved, keyed by its fingerprint. */
    record AlertOut(Alert alert) implements Output {
    }
}
