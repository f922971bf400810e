package io.dyadwatch.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The light per-report path agrees with the full assessment under coverage and for the family CUSUMs. */
class EvaluationCoverageTest {

    private static final Catalog CATALOG = Catalog.loadDefault();
    private static final ScenarioModel MODEL = new ScenarioModel(CATALOG);
    private static final Dyad CHN_RUS = Dyad.parse("CHN-RUS");

    @Test
    void shouldAgreeWithTheFullAssessmentWhenSomeFamiliesWereNotObserved() {
        int n = MODEL.indicatorIds().size();
        double[] counts = new double[n];
        double[] exposure = new double[n];
        Map<String, Double> byId = new HashMap<>();
        Map<String, Double> exposureById = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String id = MODEL.indicatorIds().get(i);
            counts[i] = i % 5 == 0 ? 1 : 0;
            byId.put(id, counts[i]);
            exposure[i] = CATALOG.indicator(id).family().equals("patrols") ? 0 : 0.4;
            exposureById.put(id, exposure[i]);
        }
        ScenarioModel.Evaluation fast = MODEL.evaluate(CHN_RUS, counts, exposure);
        Assessment full = MODEL.assess(CHN_RUS, byId, new Exposure(0, exposureById));

        for (Scenario s : Scenario.values()) {
            assertThat(fast.posterior(s)).isCloseTo(full.posterior().get(s), within(1e-12));
            assertThat(fast.llrVsStatusQuo(s)).isCloseTo(full.llrVsStatusQuo().get(s), within(1e-12));
            for (String f : CATALOG.families().keySet()) {
                assertThat(fast.familyLlrVsStatusQuo(f, s)).isCloseTo(full.familyLlrVsStatusQuo().get(f).get(s), within(1e-12));
            }
        }
        assertThat(fast.familyLlrVsStatusQuo("patrols", Scenario.WEAKENING)).isZero();
        CusumState fromFast = CusumState.initial().step(fast);
        CusumState fromFull = CusumState.initial().step(full);
        assertThat(fromFast.statistics()).isEqualTo(fromFull.statistics());
        assertThat(fromFast.familyStatistics()).isEqualTo(fromFull.familyStatistics());
    }
}
