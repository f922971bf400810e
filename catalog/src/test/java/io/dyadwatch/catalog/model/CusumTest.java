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
import java.util.Set;
import org.junit.jupiter.api.Test;

class CusumTest {

    private static final Dyad CHN_RUS = Dyad.parse("CHN-RUS");

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
        CusumThresholds thresholds = new CusumThresholds(CHN_RUS, Map.of(WEAKENING, 2.0, STRENGTHENING, 3.0), 1, 80,
                Map.of(), Math.log(80));
        CusumState s = CusumState.initial().step(Map.of(WEAKENING, 2.5, STRENGTHENING, 2.5));
        assertThat(s.alarms(thresholds)).containsExactly(WEAKENING);
        CusumState reset = s.reset(s.alarms(thresholds));
        assertThat(reset.statistic(WEAKENING)).isZero();
        assertThat(reset.statistic(STRENGTHENING)).isEqualTo(2.5);
    }

    @Test
    void shouldStepWithAnAssessment() {
        ScenarioModel model = new ScenarioModel(Catalog.parse(TestCatalogs.small(), "small"));
        CusumState s = CusumState.initial().step(model.assess(CHN_RUS, Map.of()));
        // no patrols, no statements: LLR(W) = -(0.1-0.5) - (0.4-0.1) = 0.1; LLR(S) = -(1.0-0.5) - (0.05-0.1) < 0
        assertThat(s.statistic(WEAKENING)).isCloseTo(0.1, within(1e-12));
        assertThat(s.statistic(STRENGTHENING)).isZero();
    }

    @Test
    void shouldRoundTripThroughJson() throws Exception {
        CusumState s = CusumState.initial().step(Map.of(WEAKENING, 0.25, STRENGTHENING, 1.5));
        String json = Json.MAPPER.writeValueAsString(s);
        assertThat(json).isEqualTo("{\"statistics\":{\"WEAKENING\":0.25,\"STRENGTHENING\":1.5},\"periods\":1}");
        assertThat(Json.MAPPER.readValue(json, CusumState.class)).isEqualTo(s);
    }

    @Test
    void shouldRefuseInvalidStates() {
        assertThatThrownBy(() -> new CusumState(Map.of(WEAKENING, -1.0), 0)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> CusumState.initial().step(Map.of(WEAKENING, 1.0))).hasMessageContaining("STRENGTHENING");
    }

    @Test
    void shouldCalibrateThresholdsBelowTheWaldBoundAndWithinBudget() {
        ScenarioModel model = new ScenarioModel(Catalog.loadDefault());
        for (Dyad dyad : model.catalog().dyads().keySet()) {
            CusumThresholds t = model.thresholds(dyad);
            // each of the two CUSUMs gets half of the dyad's budget of 1 alarm per 80 quarters: ARL0 >= 160 quarters
            assertThat(t.waldBound()).isCloseTo(Math.log(160), within(1e-12));
            for (Scenario s : CusumState.MONITORED) {
                assertThat(t.threshold(s)).as("%s %s", dyad, s).isPositive().isLessThanOrEqualTo(t.waldBound() + 1e-9);
                assertThat(t.simulatedAlarms().get(s)).as("%s %s", dyad, s).isLessThanOrEqualTo(0.5);
            }
            assertThat(model.thresholds(dyad)).isSameAs(t);
        }
    }

    @Test
    void shouldReproduceTheSameThresholdsFromTheSameSeed() {
        Catalog catalog = Catalog.loadDefault();
        assertThat(new ScenarioModel(catalog).thresholds(CHN_RUS)).isEqualTo(new ScenarioModel(catalog).thresholds(CHN_RUS));
    }

    @Test
    void shouldFireWhenTheDyadFallsSilentForAsManyQuartersAsTheThresholdNeeds() {
        Catalog catalog = Catalog.loadDefault();
        ScenarioModel model = new ScenarioModel(catalog);
        // a quarter with no reported activity at all: LLR(W vs SQ) = sum_i b_i (r_SQ - r_W), written out from the catalog
        double quietQuarter = catalog.indicators().stream()
                .mapToDouble(i -> catalog.dyad(CHN_RUS).baseline(i.id()) * (i.relativeRate(STATUS_QUO) - i.relativeRate(WEAKENING)))
                .sum();
        assertThat(model.assess(CHN_RUS, Map.of()).llrVsStatusQuo().get(WEAKENING)).isCloseTo(quietQuarter, within(1e-12));
        assertThat(quietQuarter).as("silence is evidence of weakening").isPositive();
        CusumThresholds thresholds = model.thresholds(CHN_RUS);
        // the CUSUM adds quietQuarter each silent quarter: it alarms in the first quarter n with n x quietQuarter > h
        // (with the record-derived, grade-weighted baselines of docs/catalog.md: 0.82 a quarter against h = 3.50,
        // so n = 5)
        int n = (int) Math.floor(thresholds.threshold(WEAKENING) / quietQuarter) + 1;
        assertThat(n).as("quarters of silence before a WEAKENING alarm").isBetween(2, 12);
        CusumState state = CusumState.initial();
        for (int q = 1; q < n; q++) {
            state = state.step(model.assess(CHN_RUS, Map.of()));
            assertThat(state.alarms(thresholds)).as("after %d silent quarters", q).isEmpty();
        }
        state = state.step(model.assess(CHN_RUS, Map.of()));
        assertThat(state.alarms(thresholds)).as("after %d silent quarters", n).containsExactly(WEAKENING);
        assertThat(Set.copyOf(CusumState.MONITORED)).doesNotContain(STATUS_QUO);
    }
}
