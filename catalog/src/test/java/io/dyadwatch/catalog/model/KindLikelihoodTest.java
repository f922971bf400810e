package io.dyadwatch.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One likelihood for what is counted: each confirmed event is one observation of its kind (docs/model.md, section 3). */
class KindLikelihoodTest {

    private static final Catalog CATALOG = Catalog.loadDefault();
    private static final ScenarioModel MODEL = new ScenarioModel(CATALOG);
    private static final Dyad CHN_RUS = Dyad.parse("CHN-RUS");
    private static final List<String> RICH = List.of("exercise-routine", "exercise-high-end", "exercise-multi-service");

    private static double llr(KindCounts counts, Scenario s) {
        return MODEL.evaluate(CHN_RUS, counts, 1.0).llrVsStatusQuo(s);
    }

    @Test
    void shouldCountARichExerciseAsOneObservation() {
        double silent = llr(KindCounts.none(), Scenario.STRENGTHENING);
        double one = llr(KindCounts.none().plus(RICH, 1), Scenario.STRENGTHENING) - silent;
        double asThreeEvents = MODEL.evaluate(CHN_RUS, KindCounts.ofSingleIndicators(Map.of(
                RICH.get(0), 1.0, RICH.get(1), 1.0, RICH.get(2), 1.0)), 1.0).llrVsStatusQuo(Scenario.STRENGTHENING) - silent;
        // one event of its kind: ln(geometric mean of 1.4, 2.0, 2.5) + ln((k + Λ0) / (k + Λ1)) of the exercise family
        KindLikelihood kl = MODEL.parameters(CHN_RUS).kinds();
        int kind = kl.indexOf(RICH);
        assertThat(kind).isNotNegative();
        assertThat(kl.rate(kind, Scenario.STRENGTHENING) / kl.rate(kind, Scenario.STATUS_QUO))
                .isCloseTo(Math.cbrt(1.4 * 2.0 * 2.5), within(1e-12));
        assertThat(one).isCloseTo(kl.scenario(Scenario.STRENGTHENING).perEvent()[kind], within(1e-12));
        assertThat(one).isBetween(0.0, 0.6);
        assertThat(asThreeEvents).isGreaterThan(2 * one);
    }

    @Test
    void shouldReadAnEventOfNoKnownKindAsTheKnownKindsThatMakeItUp() {
        List<String> novel = List.of("exercise-distant", "formal-alliance");
        KindLikelihood kl = MODEL.parameters(CHN_RUS).kinds();
        assertThat(kl.indexOf(novel)).isNegative();
        ScenarioModel.Evaluation e = MODEL.evaluate(CHN_RUS, KindCounts.none().plus(novel, 1), 1.0);
        ScenarioModel.Evaluation parts = MODEL.evaluate(CHN_RUS, KindCounts.ofSingleIndicators(
                Map.of("exercise-distant", 1.0, "formal-alliance", 1.0)), 1.0);
        assertThat(e.unknownKindEvents()).isEqualTo(1);
        assertThat(parts.unknownKindEvents()).isZero();
        for (Scenario s : Scenario.values()) {
            assertThat(e.llrVsStatusQuo(s)).isCloseTo(parts.llrVsStatusQuo(s), within(1e-12));
        }
        assertThatThrownBy(() -> MODEL.evaluate(CHN_RUS, KindCounts.none().plus(List.of("no-such-indicator"), 1), 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-indicator");
    }

    @Test
    void shouldDrawFromTheLikelihoodItAssumes() {
        PipelineSimulation sim = PipelineSimulation.of(MODEL, CHN_RUS);
        KindLikelihood kl = MODEL.parameters(CHN_RUS).kinds();
        for (Scenario s : CusumState.MONITORED) {
            double[] drawn = sim.truth(ShiftCase.whole(s));
            for (int k = 0; k < drawn.length; k++) {
                assertThat(drawn[k]).as("%s %s", kl.kinds().get(k), s).isCloseTo(kl.rate(k, s), within(1e-12));
            }
        }
        // the simulator's overdispersion is the window's; the monitor reads counts wider, for the baselines' uncertainty
        for (int f = 0; f < kl.families().size(); f++) {
            assertThat(kl.size(f)).isLessThan(kl.overdispersion(f));
        }
    }

    @Test
    void shouldKeepEveryIndicatorAtItsBaselineUnderTheStatusQuo() {
        KindLikelihood kl = MODEL.parameters(CHN_RUS).kinds();
        for (String id : MODEL.indicatorIds()) {
            double rate = 0;
            for (int k = 0; k < kl.kinds().size(); k++) {
                if (kl.kinds().get(k).contains(id)) {
                    rate += kl.rate(k, Scenario.STATUS_QUO);
                }
            }
            assertThat(rate).as(id).isCloseTo(MODEL.expectedCount(CHN_RUS, id, Scenario.STATUS_QUO), within(1e-12));
        }
    }

    @Test
    void shouldKeyAKindByItsSortedIndicatorsAsText() {
        assertThat(KindCounts.key(List.of("b-two", "a-one"))).isEqualTo("a-one+b-two");
        assertThat(KindCounts.parseKey("b-two+a-one")).containsExactly("a-one", "b-two");
        assertThat(KindCounts.none().plus(List.of("b", "a"), 1).plus(List.of("a", "b"), 2).counts())
                .containsExactly(Map.entry(List.of("a", "b"), 3.0));
        assertThatThrownBy(() -> KindCounts.none().plus(List.of(), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(KindCounts.ofKeys(Map.of("b+a", 1.0, "a+b", 2.0, "c", 1.0)).counts())
                .containsEntry(List.of("a", "b"), 3.0).containsEntry(List.of("c"), 1.0);
        assertThatThrownBy(() -> KindCounts.none().plus(List.of("a"), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
