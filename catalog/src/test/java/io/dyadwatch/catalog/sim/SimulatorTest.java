package io.dyadwatch.catalog.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.catalog.model.ScenarioModel;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.ContractResult;
import io.dyadwatch.model.event.EventContract;
import io.dyadwatch.model.event.EventJson;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    private static final Catalog CATALOG = Catalog.loadDefault();
    private static final Simulator SIMULATOR = new Simulator(new ScenarioModel(CATALOG));
    private static final Dyad CHN_RUS = Dyad.parse("CHN-RUS");
    private static final LocalDate FROM = LocalDate.of(2024, 2, 15);
    private static final LocalDate TO = LocalDate.of(2027, 1, 1);

    @Test
    void shouldGiveTheSameEventsForTheSameSeed() {
        List<Event> a = SIMULATOR.simulate(SimulationRequest.of(CHN_RUS, Scenario.STATUS_QUO, FROM, TO, 42));
        List<Event> b = SIMULATOR.simulate(SimulationRequest.of(CHN_RUS, Scenario.STATUS_QUO, FROM, TO, 42));
        List<Event> c = SIMULATOR.simulate(SimulationRequest.of(CHN_RUS, Scenario.STATUS_QUO, FROM, TO, 43));
        assertThat(a).isNotEmpty().isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void shouldNumberEventsInTimeOrderWithinTheRequestedDates() {
        List<Event> events = SIMULATOR.simulate(SimulationRequest.of(CHN_RUS, Scenario.STRENGTHENING, FROM, TO, 7));
        Instant previous = Instant.MIN;
        for (int n = 0; n < events.size(); n++) {
            Event e = events.get(n);
            assertThat(e.id()).isEqualTo("sim:7:" + (n + 1));
            assertThat(e.occurredAt()).isAfterOrEqualTo(previous)
                    .isAfterOrEqualTo(FROM.atStartOfDay().toInstant(ZoneOffset.UTC))
                    .isBefore(TO.atStartOfDay().toInstant(ZoneOffset.UTC));
            assertThat(e.source().name()).isEqualTo("DyadWatch simulator");
            assertThat(e.dyad()).isEqualTo(CHN_RUS);
            assertThat(e.summary()).startsWith("Simulated (STRENGTHENING, CHN-RUS): ");
            previous = e.occurredAt();
        }
    }

    @Test
    void shouldDrawEventsThatTheCatalogMatchesAndTheContractAccepts() {
        List<Event> events = new java.util.ArrayList<>(
                SIMULATOR.simulate(SimulationRequest.of(Dyad.parse("CHN-IRN-RUS"), Scenario.STRENGTHENING, FROM, TO, 3)));
        events.addAll(SIMULATOR.simulate(SimulationRequest.of(CHN_RUS, Scenario.WEAKENING, FROM, TO, 3)));
        EventContract contract = new EventContract(EventContract.DEFAULT_MAX_RECORD_BYTES, EventContract.DEFAULT_FUTURE_TOLERANCE,
                Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));
        assertThat(events).isNotEmpty();
        for (Event e : events) {
            List<String> indicators = CATALOG.indicatorsFor(e);
            assertThat(indicators).as(e.summary()).hasSize(1);
            ContractResult result = contract.check(EventJson.toJson(e));
            assertThat(result).as(e.summary()).isInstanceOf(ContractResult.Accepted.class);
            // what comes back through JSON still counts for the same indicator
            assertThat(CATALOG.indicatorsFor(((ContractResult.Accepted) result).event())).isEqualTo(indicators);
        }
    }

    @Test
    void shouldSwitchScenarioOnTheShiftDate() {
        LocalDate shift = LocalDate.of(2025, 5, 10);
        List<Event> events = SIMULATOR.simulate(new SimulationRequest(CHN_RUS, Scenario.STATUS_QUO, FROM, TO, shift, Scenario.WEAKENING, 9));
        Instant at = shift.atStartOfDay().toInstant(ZoneOffset.UTC);
        assertThat(events).filteredOn(e -> e.occurredAt().isBefore(at)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.summary()).startsWith("Simulated (STATUS_QUO"));
        assertThat(events).filteredOn(e -> !e.occurredAt().isBefore(at)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.summary()).startsWith("Simulated (WEAKENING"));
    }

    @Test
    void shouldDrawAboutTheExpectedNumberOfEvents() {
        // 20 years of status quo: total expected = 80 quarters x sum of CHN-RUS baselines (x 1.0)
        double perQuarter = CATALOG.dyad(CHN_RUS).baseline().values().stream().mapToDouble(Double::doubleValue).sum();
        List<Event> events = SIMULATOR.simulate(SimulationRequest.of(CHN_RUS, Scenario.STATUS_QUO,
                LocalDate.of(2000, 1, 1), LocalDate.of(2020, 1, 1), 5));
        double expected = 80 * perQuarter;
        assertThat((double) events.size()).isBetween(expected - 4 * Math.sqrt(expected), expected + 4 * Math.sqrt(expected));
    }

    @Test
    void shouldRefuseInconsistentRequests() {
        assertThatThrownBy(() -> SimulationRequest.of(CHN_RUS, Scenario.STATUS_QUO, TO, FROM, 1)).hasMessageContaining("before");
        assertThatThrownBy(() -> new SimulationRequest(CHN_RUS, Scenario.STATUS_QUO, FROM, TO, TO.plusDays(3), Scenario.WEAKENING, 1))
                .hasMessageContaining("must lie in");
        assertThatThrownBy(() -> SIMULATOR.simulate(SimulationRequest.of(Dyad.parse("IND-RUS"), Scenario.STATUS_QUO, FROM, TO, 1)))
                .hasMessageContaining("not watched");
    }
}
