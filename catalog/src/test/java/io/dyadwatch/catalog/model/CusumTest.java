package io.dyadwatch.catalog.model;

import static io.dyadwatch.model.assessment.Scenario.STATUS_QUO;
import static io.dyadwatch.model.assessment.Scenario.STRENGTHENING;
import static io.dyadwatch.model.assessment.Scenario.WEAKENING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.catalog.TestCatalogs;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CusumTest {

    private static final Dyad CHN_RUS = Dyad.parse("CHN-RUS");
    private static final CusumThresholds THRESHOLDS = new CusumThresholds(CHN_RUS, Map.of(WEAKENING, 2.0, STRENGTHENING, 3.0),
            Map.of("patrols", Map.of(WEAKENING, 1.0, STRENGTHENING, 1.5)), Map.of(WEAKENING, 0.9, STRENGTHENING, 0.9),
            0.05, 80, 0.04, 4000);

    @Test
    void shouldAccumulateAndResetAtZero() {
        CusumState s = CusumState.initial()
                .step(Map.of(WEAKENING, 0.1, STRENGTHENING, -0.45))
                .step(Map.of(WEAKENING, 1.5, STRENGTHENING, 0.7));
        assertThat(s.statistic(WEAKENING)).isCloseTo(1.6, within(1e-12));
        assertThat(s.statistic(STRENGTHENING)).isCloseTo(0.7, within(1e-12));
        s = s.step(Map.of(WEAKENING, -2.0, STRENGTHENING, 0.2, STATUS_QUO, 0.0));
        assertThat(s.statistic(WEAKENING)).isZero();
        assertThat(s.statistic(STRENGTHENING)).isCloseTo(0.9, within(1e-12));
        assertThat(s.periods()).isEqualTo(3);
    }

    @Test
    void shouldRaiseAnAlarmAboveTheThresholdAndResetOnRequest() {
        CusumState s = CusumState.initial().step(Map.of(WEAKENING, 2.5, STRENGTHENING, 2.5));
        assertThat(s.alarms(THRESHOLDS)).containsExactly(WEAKENING);
        CusumState reset = s.reset(s.alarms(THRESHOLDS));
        assertThat(reset.statistic(WEAKENING)).isZero();
        assertThat(reset.statistic(STRENGTHENING)).isEqualTo(2.5);
    }

    @Test
    void shouldStepTheWholeScenarioAndEveryFamilyWithAnAssessment() {
        ScenarioModel model = new ScenarioModel(Catalog.parse(TestCatalogs.small(), "small"));
        CusumState s = CusumState.initial().step(model.assess(CHN_RUS, Map.of()));
        // judgement baselines read with the predictive NB (sizes 24 x 0.5 = 12 and 24 x 0.1 = 2.4): no patrols, no
        // statements: LLR(W) = 12 ln(12.5/12.1) + 2.4 ln(2.5/2.8) = 0.118; LLR(S) < 0
        double patrols = 12 * Math.log(12.5 / 12.1);
        assertThat(s.statistic(WEAKENING)).isCloseTo(patrols + 2.4 * Math.log(2.5 / 2.8), within(1e-12));
        assertThat(s.statistic(STRENGTHENING)).isZero();
        // the patrol family alone toward WEAKENING; distancing alone: 2.4 ln(2.5/2.8) < 0
        assertThat(s.familyStatistic("patrols", WEAKENING)).isCloseTo(patrols, within(1e-12));
        assertThat(s.familyStatistic("distancing", WEAKENING)).isZero();
        assertThat(s.familyStatistics()).containsOnlyKeys("patrols", "distancing");
    }

    @Test
    void shouldRaiseAFamilyAlarmAndResetThatFamilyAlone() {
        CusumState s = new CusumState(Map.of(WEAKENING, 0.5), 4, Map.of("patrols", Map.of(WEAKENING, 1.2, STRENGTHENING, 0.3)));
        assertThat(s.alarms(THRESHOLDS)).isEmpty();
        assertThat(s.familyAlarms(THRESHOLDS)).containsExactly(new CusumState.FamilyAlarm("patrols", WEAKENING));
        CusumState reset = s.resetFamily("patrols", WEAKENING);
        assertThat(reset.familyStatistic("patrols", WEAKENING)).isZero();
        assertThat(reset.familyStatistic("patrols", STRENGTHENING)).isEqualTo(0.3);
        assertThat(reset.statistic(WEAKENING)).isEqualTo(0.5);
    }

    @Test
    void shouldLeaveFamiliesAloneWhenSteppedWithWholeScenarioRatiosOnly() {
        CusumState s = new CusumState(Map.of(), 0, Map.of("patrols", Map.of(WEAKENING, 1.0)))
                .step(Map.of(WEAKENING, 1.0, STRENGTHENING, 1.0));
        assertThat(s.familyStatistic("patrols", WEAKENING)).isEqualTo(1.0);
        assertThat(s.familyStatistic("exercises", WEAKENING)).as("a family never stepped").isZero();
    }

    @Test
    void shouldRoundTripThroughJsonAndReadTheOldFormat() throws Exception {
        CusumState s = CusumState.initial().step(Map.of(WEAKENING, 0.25, STRENGTHENING, 1.5));
        String json = Json.MAPPER.writeValueAsString(s);
        assertThat(json).isEqualTo("{\"statistics\":{\"WEAKENING\":0.25,\"STRENGTHENING\":1.5},\"periods\":1,"
                + "\"familyStatistics\":{},\"genericStatistics\":{}}");
        assertThat(Json.MAPPER.readValue(json, CusumState.class)).isEqualTo(s);
        CusumState old = Json.MAPPER.readValue("{\"statistics\":{\"WEAKENING\":0.25,\"STRENGTHENING\":1.5},\"periods\":1}",
                CusumState.class);
        assertThat(old).isEqualTo(s);
        CusumState withFamily = new CusumState(Map.of(WEAKENING, 1.0), 2, Map.of("patrols", Map.of(STRENGTHENING, 2.0)),
                Map.of("war-support", Map.of(GenericMove.RISE, 3.0)));
        assertThat(Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(withFamily), CusumState.class)).isEqualTo(withFamily);
    }

    @Test
    void shouldRefuseInvalidStatisticsAndUnmonitoredScenarios() {
        assertThatThrownBy(() -> new CusumState(Map.of(WEAKENING, -1.0), 0)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> new CusumState(Map.of(), 0, Map.of("patrols", Map.of(WEAKENING, Double.NaN))))
                .hasMessageContaining("patrols");
        assertThatThrownBy(() -> CusumState.initial().statistic(STATUS_QUO)).hasMessageContaining("no CUSUM");
        assertThatThrownBy(() -> THRESHOLDS.familyThreshold("exercises", WEAKENING)).hasMessageContaining("no CUSUM");
        assertThatThrownBy(() -> new CusumThresholds(CHN_RUS, Map.of(WEAKENING, 0.0, STRENGTHENING, 1.0), Map.of(),
                Map.of(WEAKENING, 0.9, STRENGTHENING, 0.9), 0.05, 80, 0, 100)).hasMessageContaining("> 0");
    }

    @Test
    void shouldCalibrateEveryWatchedDyadWithinTheBudgetInItsOwnRuns() {
        Catalog catalog = Catalog.loadDefault();
        ScenarioModel model = new ScenarioModel(catalog);
        for (Dyad dyad : catalog.dyads().keySet()) {
            CusumThresholds t = model.thresholds(dyad);
            double target = ThresholdCalibrator.target(0.05, catalog.cusum().calibrationRuns());
            assertThat(t.falseAlarmProbability()).as(dyad.key()).isLessThanOrEqualTo(target);
            assertThat(t.falseAlarmProbabilityPosterior()).as(dyad.key()).isLessThanOrEqualTo(target);
            assertThat(t.signatureProbability()).as(dyad.key()).isLessThanOrEqualTo(t.falseAlarmProbability());
            assertThat(catalog.families().keySet()).containsAll(t.genericThresholds().keySet());
            for (Scenario s : CusumState.MONITORED) {
                assertThat(t.probabilityLevel(s)).isGreaterThanOrEqualTo(CusumThresholds.PROBABILITY_LEVEL_FLOOR);
            }
            assertThat(model.thresholds(dyad)).as("cached").isSameAs(t);
        }
    }
}
