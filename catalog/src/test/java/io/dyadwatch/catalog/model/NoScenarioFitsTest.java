package io.dyadwatch.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The out-of-scenario check: a family's generic rise or fall against the status quo alone. */
class NoScenarioFitsTest {

    private static final Catalog CATALOG = Catalog.loadDefault();
    private static final ScenarioModel MODEL = new ScenarioModel(CATALOG);
    private static final Dyad CHN_RUS = Dyad.parse("CHN-RUS");

    @Test
    void shouldSayNoScenarioFitsWhenAFamilyRisesFarAndNeitherScenarioStatisticCrosses() {
        CusumThresholds t = MODEL.thresholds(CHN_RUS);
        assertThat(t.monitorsGeneric("war-support", GenericMove.RISE)).isTrue();
        double over = t.genericThreshold("war-support", GenericMove.RISE) + 1;
        CusumState quietScenarios = new CusumState(Map.of(Scenario.STRENGTHENING, 1.0), 20, Map.of(),
                Map.of("war-support", Map.of(GenericMove.RISE, over)));
        assertThat(quietScenarios.noScenarioFits(t)).containsExactly("war-support");
        CusumState explained = new CusumState(Map.of(Scenario.STRENGTHENING, t.threshold(Scenario.STRENGTHENING) + 1), 20,
                Map.of(), Map.of("war-support", Map.of(GenericMove.RISE, over)));
        assertThat(explained.noScenarioFits(t)).as("STRENGTHENING explains it").isEmpty();
        assertThat(explained.genericAlarms(t)).containsExactly(new CusumState.GenericAlarm("war-support", GenericMove.RISE));
    }

    @Test
    void shouldStepTheOutOfScenarioStatisticTowardARiseOfWarSupportShortOfLethalAid() {
        KindCounts components = KindCounts.none().plus(List.of("dual-use-export"), 3).plus(List.of("sanctions-on-suppliers"), 3);
        ScenarioModel.Evaluation e = MODEL.evaluate(CHN_RUS, components, 1.0);
        assertThat(e.genericLlrVsStatusQuo("war-support", GenericMove.RISE)).isPositive();
        assertThat(e.genericLlrVsStatusQuo("war-support", GenericMove.FALL)).isNotPositive();
        CusumState state = CusumState.initial().step(e);
        assertThat(state.genericStatistic("war-support", GenericMove.RISE))
                .isEqualTo(e.genericLlrVsStatusQuo("war-support", GenericMove.RISE));
    }

    @Test
    void shouldCheckOnlyAMoveWhoseDriftHoldsUnderTheBaselinesUncertainty() {
        for (StatisticDrift d : MODEL.drifts(CHN_RUS)) {
            if (d.monitored() && !d.statistic().startsWith("whole")) {
                assertThat(d.upwardProbability()).as(d.statistic()).isLessThanOrEqualTo(2 * 0.05 / 32);
            }
            if (d.monitored()) {
                assertThat(d.drift()).as(d.statistic()).isNegative();
            }
        }
        double factor = MODEL.genericFactor(CHN_RUS, "war-support", GenericMove.RISE);
        assertThat(GenericMove.RISE.candidates()).contains(factor);
    }
}
