package io.dyadwatch.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.catalog.TestCounts;
import io.dyadwatch.catalog.sim.SimulationRequest;
import io.dyadwatch.catalog.sim.Simulator;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Properties of the model on data simulated from its own rates, through the real event path (simulate, match, weigh). */
class ModelPropertyTest {

    private static final Catalog CATALOG = Catalog.loadDefault();
    private static final ScenarioModel MODEL = new ScenarioModel(CATALOG);
    private static final Simulator SIMULATOR = new Simulator(MODEL);

    /** Confirmed events per quarter by kind, as the pipeline should count them: one observation per event. */
    private static TreeMap<Quarter, KindCounts> countsByQuarter(List<Event> events, LocalDate from, LocalDate to) {
        return TestCounts.kindsByQuarter(CATALOG, events, from, to);
    }

    /** Posterior after several quarters: prior times the product of each quarter's likelihood, normalised (written out here). */
    private static Map<Scenario, Double> posteriorAfter(Dyad dyad, TreeMap<Quarter, KindCounts> counts) {
        Map<Scenario, Double> logJoint = new EnumMap<>(Scenario.class);
        CATALOG.dyad(dyad).priors().forEach((s, p) -> logJoint.put(s, Math.log(p)));
        for (KindCounts quarter : counts.values()) {
            Assessment a = MODEL.assess(dyad, quarter, Exposure.uniform(1));
            a.logLikelihood().forEach((s, ll) -> logJoint.merge(s, ll, Double::sum));
        }
        double max = logJoint.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double total = logJoint.values().stream().mapToDouble(v -> Math.exp(v - max)).sum();
        Map<Scenario, Double> posterior = new EnumMap<>(Scenario.class);
        logJoint.forEach((s, v) -> posterior.put(s, Math.exp(v - max) / total));
        return posterior;
    }

    @Test
    void shouldMovePosteriorTowardTheScenarioTheDataCameFrom() {
        LocalDate from = LocalDate.of(2024, 1, 1);
        LocalDate to = LocalDate.of(2028, 1, 1);
        for (Scenario truth : Scenario.values()) {
            for (long seed = 1; seed <= 6; seed++) {
                List<Event> events = SIMULATOR.simulate(SimulationRequest.of(Dyad.parse("CHN-RUS"), truth, from, to, seed));
                Map<Scenario, Double> posterior = posteriorAfter(Dyad.parse("CHN-RUS"), countsByQuarter(events, from, to));
                assertThat(posterior.get(truth)).as("%s, seed %d: %s", truth, seed, posterior)
                        .isGreaterThan(CATALOG.dyad(Dyad.parse("CHN-RUS")).priors().get(truth))
                        .isGreaterThan(0.5);
            }
        }
    }

    @Test
    void shouldMovePosteriorTowardTheTruthForASparseDyadGivenTime() {
        Dyad dyad = Dyad.parse("IRN-RUS");
        LocalDate from = LocalDate.of(2020, 1, 1);
        LocalDate to = LocalDate.of(2030, 1, 1);
        for (Scenario truth : Scenario.values()) {
            for (long seed = 11; seed <= 13; seed++) {
                List<Event> events = SIMULATOR.simulate(SimulationRequest.of(dyad, truth, from, to, seed));
                Map<Scenario, Double> posterior = posteriorAfter(dyad, countsByQuarter(events, from, to));
                assertThat(posterior.get(truth)).as("%s, seed %d: %s", truth, seed, posterior)
                        .isGreaterThan(CATALOG.dyad(dyad).priors().get(truth));
            }
        }
    }

    /**
     * An independent check of the budget with the event simulator, the counting rule and the model's own classes:
     * 200 fresh status-quo histories of 40 years, every CUSUM (whole and family) checked at the end of each quarter of
     * the second 20 years (a monitor that has been running: the calibration's warm-up). The pipeline also checks within
     * quarters, so this sees fewer alarms than the calibration allows; it must stay within the budget (allowing two
     * standard errors).
     */
    @Test
    void shouldKeepFalseAlarmsOnFreshStatusQuoDataWithinBudget() {
        Dyad dyad = Dyad.parse("CHN-RUS");
        CusumThresholds thresholds = MODEL.thresholds(dyad);
        LocalDate from = LocalDate.of(2030, 1, 1);
        LocalDate window = from.plusYears(20);
        LocalDate to = window.plusYears(20);
        int histories = 200;
        int alarmed = 0;
        for (int h = 0; h < histories; h++) {
            List<Event> events = SIMULATOR.simulate(SimulationRequest.of(dyad, Scenario.STATUS_QUO, from, to, 1_000_000L + h));
            CusumState state = CusumState.initial();
            boolean any = false;
            for (var quarter : TestCounts.kindsByQuarter(CATALOG, events, from, to).entrySet()) {
                state = state.step(MODEL.evaluate(dyad, quarter.getValue(), 1.0));
                boolean counts = !quarter.getKey().start().isBefore(window);
                any |= counts && (!state.alarms(thresholds).isEmpty() || !state.familyAlarms(thresholds).isEmpty()
                        || !state.genericAlarms(thresholds).isEmpty());
            }
            alarmed += any ? 1 : 0;
        }
        double probability = (double) alarmed / histories;
        assertThat(probability).isLessThanOrEqualTo(0.05 + 2 * Math.sqrt(0.05 * 0.95 / histories));
    }

    @Test
    void shouldAlarmWithinThreeYearsAfterTheDyadShiftsToWeakeningInMostHistories() {
        Dyad dyad = Dyad.parse("CHN-RUS");
        CusumThresholds thresholds = MODEL.thresholds(dyad);
        LocalDate from = LocalDate.of(2022, 1, 1);
        LocalDate shift = LocalDate.of(2024, 1, 1);
        LocalDate to = LocalDate.of(2027, 1, 1);
        int detected = 0;
        for (long seed = 1; seed <= 10; seed++) {
            List<Event> events = SIMULATOR.simulate(new SimulationRequest(dyad, Scenario.STATUS_QUO, from, to, shift, Scenario.WEAKENING, seed));
            CusumState state = CusumState.initial();
            for (var entry : TestCounts.kindsByQuarter(CATALOG, events, from, to).entrySet()) {
                state = state.step(MODEL.evaluate(dyad, entry.getValue(), 1.0));
                if (state.alarms(thresholds).contains(Scenario.WEAKENING) && !entry.getKey().start().isBefore(shift)) {
                    detected++;
                    break;
                }
            }
        }
        // the operating characteristic: median delay about 6 quarters, 90th percentile about 11 (docs/model.md)
        assertThat(detected).isGreaterThanOrEqualTo(7);
    }
}
