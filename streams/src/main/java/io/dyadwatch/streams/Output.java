package io.dyadwatch.streams;

import io.dyadwatch.model.assessment.Assessment;
import io.dyadwatch.model.assessment.IndicatorValue;

/** What the counting stage publishes: indicator values and assessments. */
sealed interface Output {

    /** A changed indicator value. */
    record IndicatorOut(IndicatorValue value) implements Output {
    }

    /** A changed assessment. */
    record AssessmentOut(Assessment assessment) implements Output {
    }
}
