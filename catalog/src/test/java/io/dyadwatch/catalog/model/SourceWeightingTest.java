package io.dyadwatch.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.catalog.SourceWeighting;
import io.dyadwatch.model.event.Grade;
import io.dyadwatch.model.event.Source;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceWeightingTest {

    private static final SourceWeighting WEIGHTS = Catalog.loadDefault().sourceWeighting();

    @Test
    void shouldWeighAReportByReliabilityTimesCredibility() {
        assertThat(WEIGHTS.weight(Grade.parse("A1"))).isCloseTo(1.0, within(1e-12));
        assertThat(WEIGHTS.weight(Grade.parse("B2"))).isCloseTo(0.85 * 0.85, within(1e-12));
        assertThat(WEIGHTS.weight(Grade.parse("F6"))).isCloseTo(0.5 * 0.5, within(1e-12));
        assertThat(WEIGHTS.weight(Grade.parse("E5"))).isLessThan(WEIGHTS.weight(Grade.parse("C3")));
    }

    @Test
    void shouldCombineIndependentSourcesAsANoisyOr() {
        double b2 = 0.85 * 0.85;
        double c3 = 0.7 * 0.65;
        assertThat(WEIGHTS.corroboratedWeight(List.of())).isZero();
        assertThat(WEIGHTS.corroboratedWeight(List.of(Grade.parse("B2")))).isCloseTo(b2, within(1e-12));
        assertThat(WEIGHTS.corroboratedWeight(List.of(Grade.parse("B2"), Grade.parse("C3"))))
                .isCloseTo(1 - (1 - b2) * (1 - c3), within(1e-12));
    }

    @Test
    void shouldRaiseWeightWithDiminishingReturnsAndNeverPassOne() {
        List<Grade> grades = new ArrayList<>();
        double previous = 0;
        double previousGain = Double.POSITIVE_INFINITY;
        for (int n = 1; n <= 10; n++) {
            grades.add(Grade.parse("C3"));
            double w = WEIGHTS.corroboratedWeight(grades);
            double gain = w - previous;
            assertThat(gain).isPositive().isLessThan(previousGain);
            assertThat(w).isLessThanOrEqualTo(1);
            previous = w;
            previousGain = gain;
        }
    }

    @Test
    void shouldCountOneStoryRepeatedByOneSourceOnce() {
        List<Source> reports = List.of(new Source("TASS", null, Grade.parse("C3")), new Source("tass ", null, Grade.parse("B2")),
                new Source("TASS", null, Grade.parse("D4")), new Source("Reuters", null, Grade.parse("B2")));
        List<Grade> independent = SourceWeighting.independentGrades(reports);
        assertThat(independent).containsExactly(Grade.parse("B2"), Grade.parse("B2"));
        double b2 = 0.85 * 0.85;
        assertThat(WEIGHTS.corroboratedWeight(independent)).isCloseTo(1 - (1 - b2) * (1 - b2), within(1e-12));
    }
}
