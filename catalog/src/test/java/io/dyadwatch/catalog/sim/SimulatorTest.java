package io.dyadwatch.catalog.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.catalog.TestCounts;
import io.dyadwatch.catalog.model.Assessment;
import io.dyadwatch.catalog.model.EventKinds;
import io.dyadwatch.catalog.model.Quarter;
import io.dyadwatch.catalog.model.ScenarioModel;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.ContractResult;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventContract;
import io.dyadwatch.model.event.EventJson;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    private static final Catalog CATALOG = Catalog.loadDefault();
    private static final ScenarioModel MODEL = new ScenarioModel(CATALOG);
    private static final Simulator SIMULATOR = new Simulator(MODEL);
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
            assertThat(e.source().name()).isEqualTo(Simulator.SOURCE_NAME);
            assertThat(e.dyad()).isEqualTo(CHN_RUS);
            assertThat(e.summary()).startsWith("Simulated (STRENGTHENING, CHN-RUS): ");
            previous = e.occurredAt();
        }
    }

    @Test
    void shouldDrawEventsThatTheCatalogMatchesAndTheContractAccepts() {
        List<Event> events = new ArrayList<>(
                SIMULATOR.simulate(SimulationRequest.of(Dyad.parse("CHN-IRN-RUS"), Scenario.STRENGTHENING, FROM, TO, 3)));
        events.addAll(SIMULATOR.simulate(SimulationRequest.of(CHN_RUS, Scenario.WEAKENING, FROM, TO, 3)));
        EventContract contract = new EventContract(EventContract.DEFAULT_MAX_RECORD_BYTES, EventContract.DEFAULT_FUTURE_TOLERANCE,
                Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));
        assertThat(events).isNotEmpty();
        for (Event e : events) {
            List<String> indicators = CATALOG.indicatorsFor(e);
            assertThat(indicators).as(e.summary()).isNotEmpty();
            ContractResult result = contract.check(EventJson.toJson(e));
            assertThat(result).as(e.summary()).isInstanceOf(ContractResult.Accepted.class);
            // what comes back through JSON still counts for the same indicators
            assertThat(CATALOG.indicatorsFor(((ContractResult.Accepted) result).event())).isEqualTo(indicators);
        }
    }

    @Test
    void shouldDrawRichEventsThatCountForSeveralIndicatorsAsTheRecordsDid() {
        List<Event> events = SIMULATOR.simulate(SimulationRequest.of(CHN_RUS, Scenario.STATUS_QUO,
                LocalDate.of(2030, 1, 1), LocalDate.of(2040, 1, 1), 11));
        assertThat(events).anySatisfy(e -> assertThat(CATALOG.indicatorsFor(e)).hasSizeGreaterThanOrEqualTo(3));
        // the analyst dyads (CHN-IRN) have no record: one kind per indicator, each example counting for its own indicator alone
        assertThat(EventKinds.of(MODEL, Dyad.parse("CHN-IRN")).kinds()).allSatisfy(k -> assertThat(k.indicators()).hasSize(1));
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
    void shouldMoveOnlyTheShiftedFamilysIndicators() {
        EventKinds base = EventKinds.of(MODEL, CHN_RUS);
        EventKinds patrolsUp = base.under(MODEL, CHN_RUS, EventKinds.multipliers(MODEL, CHN_RUS, Scenario.STRENGTHENING, "patrols"));
        for (var i : CATALOG.indicators()) {
            double sq = MODEL.expectedCount(CHN_RUS, i.id(), Scenario.STATUS_QUO);
            double expected = i.family().equals("patrols") ? MODEL.expectedCount(CHN_RUS, i.id(), Scenario.STRENGTHENING) : sq;
            assertThat(base.rateOf(i.id())).as(i.id()).isCloseTo(sq, within(1e-12));
            assertThat(patrolsUp.rateOf(i.id())).as(i.id()).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void shouldDrawAboutTheExpectedNumberOfEvents() {
        double perQuarter = EventKinds.of(MODEL, CHN_RUS).kinds().stream().mapToDouble(EventKinds.Kind::rate).sum();
        List<Event> events = SIMULATOR.simulate(SimulationRequest.of(CHN_RUS, Scenario.STATUS_QUO,
                LocalDate.of(2000, 1, 1), LocalDate.of(2020, 1, 1), 5).withOverdispersion(false));
        double expected = 80 * perQuarter;
        assertThat((double) events.size()).isBetween(expected - 4 * Math.sqrt(expected), expected + 4 * Math.sqrt(expected));
    }

    @Test
    void shouldDrawOverdispersedExerciseCountsUnlessAskedForPoisson() {
        LocalDate from = LocalDate.of(2000, 1, 1);
        LocalDate to = LocalDate.of(2100, 1, 1);
        SimulationRequest request = SimulationRequest.of(CHN_RUS, Scenario.STATUS_QUO, from, to, 21);
        double[] nb = meanAndVariance(SIMULATOR.simulate(request), from, to);
        double[] poisson = meanAndVariance(SIMULATOR.simulate(request.withOverdispersion(false)), from, to);
        // exercises: NB size about 2.2, so variance / mean = 1 + mean / k, about 1.4 for the family's events
        assertThat(nb[1] / nb[0]).as("variance / mean, overdispersed").isGreaterThan(1.25);
        assertThat(poisson[1] / poisson[0]).as("variance / mean, Poisson").isBetween(0.8, 1.2);
    }

    @Test
    void shouldNotMoveTheAssessmentWhenTheSameActivityIsReportedAtA1InsteadOfB2() {
        LocalDate shift = LocalDate.of(2025, 7, 1);
        SimulationRequest b2 = SimulationRequest.of(CHN_RUS, Scenario.STATUS_QUO, FROM, TO, 31)
                .withSourceShift(SourceMix.parse("B2"), shift, SourceMix.parse("B2"));
        SimulationRequest b2ThenA1 = b2.withSourceShift(SourceMix.parse("B2"), shift, SourceMix.parse("A1"));
        SimulationRequest b2ThenC3 = b2.withSourceShift(SourceMix.parse("B2"), shift, SourceMix.parse("C3"));
        SimulationRequest b2ThenC3Corroborated = b2.withSourceShift(SourceMix.parse("B2"), shift, SourceMix.parse("C3+1"));

        List<Assessment> sameSources = assessments(b2);
        assertThat(assessments(b2ThenA1)).isEqualTo(sameSources);
        assertThat(assessments(b2ThenC3Corroborated)).as("two sources confirm, whatever their grades").isEqualTo(sameSources);
        // the check can fail: unconfirmed reports count for nothing, and the quarters after the shift go silent
        assertThat(assessments(b2ThenC3)).isNotEqualTo(sameSources);
    }

    @Test
    void shouldRefuseInconsistentRequests() {
        assertThatThrownBy(() -> SimulationRequest.of(CHN_RUS, Scenario.STATUS_QUO, TO, FROM, 1)).hasMessageContaining("before");
        assertThatThrownBy(() -> new SimulationRequest(CHN_RUS, Scenario.STATUS_QUO, FROM, TO, TO.plusDays(3), Scenario.WEAKENING, 1))
                .hasMessageContaining("must lie in");
        assertThatThrownBy(() -> SIMULATOR.simulate(SimulationRequest.of(Dyad.parse("IND-RUS"), Scenario.STATUS_QUO, FROM, TO, 1)))
                .hasMessageContaining("not watched");
        assertThatThrownBy(() -> SIMULATOR.simulate(new SimulationRequest(CHN_RUS, Scenario.STATUS_QUO, FROM, TO,
                FROM.plusDays(10), Scenario.WEAKENING, 1).withShiftFamily("convoys"))).hasMessageContaining("unknown family");
        assertThatThrownBy(() -> SourceMix.parse("B2+1.5")).hasMessageContaining("[0, 1]");
    }

    private static List<Assessment> assessments(SimulationRequest request) {
        TreeMap<Quarter, Map<String, Double>> counts = TestCounts.byQuarter(CATALOG, SIMULATOR.simulate(request),
                request.from(), request.to());
        return counts.values().stream().map(c -> MODEL.assess(CHN_RUS, c)).toList();
    }

    /** Mean and variance of the quarterly number of exercises (events that count for some exercise indicator). */
    private static double[] meanAndVariance(List<Event> events, LocalDate from, LocalDate to) {
        TreeMap<Quarter, Double> perQuarter = new TreeMap<>();
        for (Quarter q = Quarter.of(from); q.start().isBefore(to); q = q.next()) {
            perQuarter.put(q, 0.0);
        }
        events.stream().filter(e -> CATALOG.indicatorsFor(e).stream().anyMatch(id -> CATALOG.indicator(id).family().equals("exercises")))
                .forEach(e -> perQuarter.merge(Quarter.of(e.occurredAt()), 1.0, Double::sum));
        List<Double> series = List.copyOf(perQuarter.values());
        double mean = series.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double variance = series.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (series.size() - 1);
        return new double[] {mean, variance};
    }
}
