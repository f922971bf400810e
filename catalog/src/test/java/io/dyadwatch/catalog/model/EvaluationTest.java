package io.dyadwatch.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static final ScenarioModel MODEL = new ScenarioModel(Catalog.loadDefault());
    private static final Dyad CHN_RUS = Dyad.parse("CHN-RUS");

    @Test
    void shouldAgreeWithTheFullAssessmentOnPosteriorRatiosAndTerms() {
        SplittableRandom random = new SplittableRandom(17);
        for (int trial = 0; trial < 50; trial++) {
            double[] counts = new double[MODEL.indicatorIds().size()];
            Map<String, Double> byId = new HashMap<>();
            for (int i = 0; i < counts.length; i++) {
                if (random.nextInt(4) == 0) {
                    counts[i] = random.nextInt(4) * 0.72 + random.nextDouble();
                    byId.put(MODEL.indicatorIds().get(i), counts[i]);
                }
            }
            double exposure = 0.05 + random.nextDouble() * 4;

            ScenarioModel.Evaluation fast = MODEL.evaluate(CHN_RUS, counts, exposure);
            Assessment full = MODEL.assess(CHN_RUS, byId, exposure);

            for (Scenario s : Scenario.values()) {
                assertThat(fast.posterior(s)).isCloseTo(full.posterior().get(s), within(1e-9));
                assertThat(fast.llrVsStatusQuo(s)).isCloseTo(full.llrVsStatusQuo().get(s), within(1e-9));
                for (int i = 0; i < counts.length; i++) {
                    assertThat(fast.term(i, s)).isCloseTo(full.contributions().get(i).llrVsStatusQuo().get(s),
                            within(1e-9));
                }
            }
        }
    }

    @Test
    void shouldRefuseCountsOfTheWrongShapeOrSign() {
        assertThatThrownBy(() -> MODEL.evaluate(CHN_RUS, new double[3], 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("counts");
        double[] negative = new double[MODEL.indicatorIds().size()];
        negative[0] = -1;
        assertThatThrownBy(() -> MODEL.evaluate(CHN_RUS, negative, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 0");
    }
}
