package io.dyadwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dyadwatch.catalog.model.ScenarioModel;
import io.dyadwatch.model.assessment.AssessmentStep;
import io.dyadwatch.model.assessment.Period;
import io.dyadwatch.model.assessment.PeriodUnit;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Coverage;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The dyad's analyst in plain Java: ledgers, assessor and evidence, without the driver. */
class DyadBookTest {

    private static final ScenarioModel MODEL = new ScenarioModel(ReportLedgerTest.CATALOG);
    private static final Dyad CHN_RUS = Dyad.parse("CHN-RUS");
    /** The collection these tests feed covers 2010-2030: silence in it is evidence. */
    private static final Coverage COVERED = Coverage.parse("2010-01-01..2030-12-31");

    private final InMemoryReports store = new InMemoryReports();
    private final ReportLedger reports = new ReportLedger(store, MODEL.catalog()::indicatorsFor,
            PeriodUnit.QUARTER, 3);

    private static DyadBook book() {
        return new DyadBook("CHN-RUS", PeriodUnit.QUARTER, true, new PeriodLedger("CHN-RUS", 10),
                new DyadAssessor(MODEL, CHN_RUS, PeriodUnit.QUARTER, 4), new EvidenceSelector(5),
                MODEL.thresholds(CHN_RUS), MODEL.indicatorIds(), null);
    }

    private List<AssessmentStep> feed(DyadBook book, Event event) {
        return book.onReport(reports.record("CHN-RUS", event, 0), "curated", COVERED, 0, 0).steps().stream().map(PendingStep::step)
                .toList();
    }

    private List<AssessmentStep> feedUndeclared(DyadBook book, Event event) {
        return book.onReport(reports.record("CHN-RUS", event, 0), "curated", null, 0, 0).steps().stream()
                .map(PendingStep::step).toList();
    }

    private static Event exercise(String id, String date) {
        return ReportLedgerTest.parse(DyadWatchTopologyTest.event(id, "JOINT_EXERCISE", "[\"RUS\",\"CHN\"]", date,
                "SIPRI", "A2", "{\"name\":\"Joint Sea " + id + "\",\"domains\":[\"naval\"],\"framework\":\"bilateral\"}"));
    }

    @Test
    void shouldCountTheExerciseForItsIndicators() {
        DyadBook book = book();
        feed(book, exercise("a", "2022-02-01"));

        assertThat(book.ledger().tally(Period.parse("2022-Q1")).counts()).isNotEmpty();
    }

    @Test
    void shouldCloseEverySilentPeriodWithAStepThatMovesTowardWeakening() {
        DyadBook book = book();
        feed(book, exercise("a", "2022-02-01"));

        List<AssessmentStep> steps = feed(book, exercise("b", "2023-02-01"));

        assertThat(steps).extracting(AssessmentStep::period)
                .containsExactly("2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4", "2023-Q1");
        List<Double> weakening = steps.subList(1, 4).stream()
                .map(s -> s.changeStatistics().get(Scenario.WEAKENING)).toList();
        assertThat(weakening).isSorted();
        assertThat(weakening.get(2)).isGreaterThan(weakening.get(0));
        assertThat(steps).extracting(AssessmentStep::revision).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(steps.get(4).triggers()).containsExactly("b");
    }

    @Test
    void shouldRestateLaterPeriodsWhenAReportArrivesLate() {
        DyadBook book = book();
        feed(book, exercise("a", "2022-02-01"));
        feed(book, exercise("b", "2023-02-01"));
        double before = book.assessor().closedResult(Period.parse("2022-Q4")).after()[0];

        AssessmentStep after = feed(book, exercise("late", "2022-08-01")).get(0);

        assertThat(after.period()).as("the current period does not move back").isEqualTo("2023-Q1");
        assertThat(before).as("three silent quarters").isPositive();
        assertThat(book.assessor().closedResult(Period.parse("2022-Q4")).after()[0])
                .as("2022-Q3 was not silent after all").isLessThan(before);
        assertThat(book.ledger().tally(Period.parse("2022-Q3")).events()).isEqualTo(1);
    }

    @Test
    void shouldReachTheSameAssessmentAsAFreshAssessorWhateverOrderTheReportsCameIn() {
        List<Event> events = new ArrayList<>();
        Random random = new Random(5);
        LocalDate day = LocalDate.parse("2015-01-01");
        for (int i = 0; i < 60; i++) {
            day = day.plusDays(5 + random.nextInt(60));
            events.add(exercise("e" + i, day.toString()));
        }
        Collections.shuffle(events, random);
        DyadBook book = book();
        AssessmentStep last = null;
        for (Event e : events) {
            List<AssessmentStep> steps = feed(book, e);
            last = steps.get(steps.size() - 1);
        }

        DyadState state = book.state();
        DyadAssessor.Snapshot fresh = new DyadAssessor(MODEL, CHN_RUS, PeriodUnit.QUARTER, 4)
                .assess(book.ledger(), state.first(), state.current(), state.clockMs());

        for (Scenario s : List.of(Scenario.WEAKENING, Scenario.STRENGTHENING)) {
            assertThat(last.changeStatistics().get(s)).isCloseTo(fresh.statistic(s), within(1e-9));
            assertThat(last.trailingProbabilities().get(s)).isCloseTo(fresh.horizon().posterior(s), within(1e-12));
        }
    }

    @Test
    void shouldCiteEventsBehindTheLeadingScenarioFirstThenTheHeaviest() {
        DyadBook book = book();
        feed(book, exercise("a", "2023-01-10"));
        feed(book, ReportLedgerTest.parse(DyadWatchTopologyTest.event("aid", "LETHAL_AID", "[\"CHN\",\"RUS\"]",
                "2023-02-10", "Politico", "B2", "{\"items\":[\"rifles\"]}")));

        List<AssessmentStep> steps = feed(book, exercise("b", "2023-03-10"));

        assertThat(steps.get(0).evidence()).hasSize(3).contains("a", "b", "aid");
    }

    @Test
    void shouldNotCountTheFirstUndeclaredReportButAssumeCoverageFromTheNextDay() {
        DyadBook book = book();

        feedUndeclared(book, exercise("a", "2022-02-01"));

        PeriodTally tally = book.ledger().tally(Period.parse("2022-Q1"));
        assertThat(tally.weighted()).as("a report never covers its own day").isEmpty();
        assertThat(tally.pending()).containsKey(31);
        assertThat(tally.top()).as("but it is evidence").hasSize(1);
        assertThat(book.state().channels().get("curated").assumedFrom()).isEqualTo(LocalDate.parse("2022-02-02"));
        assertThat(book.state().channels().get("curated").basis()).isEqualTo("assumed");

        feedUndeclared(book, exercise("b", "2022-03-01"));

        assertThat(book.ledger().tally(Period.parse("2022-Q1")).weighted()).isNotEmpty();
        assertThat(book.ledger().tally(Period.parse("2022-Q1")).coveredDays(Integer.MAX_VALUE))
                .as("2022-02-02 to the clock's day, 2022-03-01").isEqualTo(28);
    }

    @Test
    void shouldShowButNotWeighAReportAboutTimeBeforeItsChannelWasCovered() {
        DyadBook book = book();
        feedUndeclared(book, exercise("now", "2024-01-10"));

        List<AssessmentStep> steps = feedUndeclared(book, exercise("old", "2022-05-01"));

        PeriodTally old = book.ledger().tally(Period.parse("2022-Q2"));
        assertThat(old.weighted()).isEmpty();
        assertThat(old.events()).isEqualTo(1);
        assertThat(DyadAssessor.observed(Period.parse("2022-Q2"), old, Long.MAX_VALUE)).isZero();
        AssessmentStep last = steps.get(steps.size() - 1);
        assertThat(last.changeStatistics().values()).as("nothing before 2024-01-11 was covered: no term at all")
                .allSatisfy(v -> assertThat(v).isZero());
    }

    @Test
    void shouldCountAnUncoveredReportOnceALaterDeclarationCoversItsDay() {
        DyadBook book = book();
        feedUndeclared(book, exercise("now", "2024-01-10"));
        feedUndeclared(book, exercise("old", "2022-05-01"));

        book.onReport(reports.record("CHN-RUS", exercise("declared", "2022-08-01"), 0), "curated",
                Coverage.parse("2022-01-01..2022-12-31"), 0, 0);

        assertThat(book.ledger().tally(Period.parse("2022-Q2")).weighted()).isNotEmpty();
        assertThat(book.ledger().tally(Period.parse("2022-Q2")).pending()).isEmpty();
        assertThat(book.state().channels().get("curated").basis()).isEqualTo("declared and assumed");
    }

    @Test
    void shouldNotMoveAnyStatisticWhenABurstOfOldReportsReachesAMonitorOnTheWallClock() {
        DyadBook book = new DyadBook("CHN-RUS", PeriodUnit.QUARTER, false, new PeriodLedger("CHN-RUS", 10),
                new DyadAssessor(MODEL, CHN_RUS, PeriodUnit.QUARTER, 4), new EvidenceSelector(5),
                MODEL.thresholds(CHN_RUS), MODEL.indicatorIds(), null);
        long today = java.time.Instant.parse("2026-12-05T10:00:00Z").toEpochMilli();
        AssessmentStep last = null;
        for (int i = 0; i < 41; i++) {
            Event report = exercise("burst" + i, LocalDate.parse("2024-07-01").plusDays(i).toString());
            List<AssessmentStep> steps = book.onReport(reports.record("CHN-RUS", report, today), "curated", null,
                    today, today).steps().stream().map(PendingStep::step).toList();
            last = steps.get(steps.size() - 1);
        }

        assertThat(book.ledger().tally(Period.parse("2024-Q3")).weighted()).isEmpty();
        assertThat(last.changeStatistics().values()).allSatisfy(v -> assertThat(v).isZero());
        assertThat(book.state().channels().get("curated").assumedFrom()).isEqualTo(LocalDate.parse("2026-12-06"));
    }

    @Test
    void shouldShowButNeverWeighAReportOfAChannelWithoutABaseline() {
        DyadBook book = book();
        Event row = exercise("gdelt-row", "2022-02-01");
        Event gdelt = new Event(row.id(), row.type(), row.actors(), row.occurredAt(), row.reportedAt(), row.source(),
                row.attributes(), row.summary(), "gdelt");

        book.onReport(reports.record("CHN-RUS", gdelt, 0), "gdelt", COVERED, 0, 0);

        PeriodTally tally = book.ledger().tally(Period.parse("2022-Q1"));
        assertThat(tally.events()).isEqualTo(1);
        assertThat(tally.top()).as("shown as evidence").hasSize(1);
        assertThat(tally.weighted().values()).as("never counted").allSatisfy(v -> assertThat(v).isZero());
        assertThat(tally.coveredDays(Integer.MAX_VALUE)).as("its declaration covers nothing weighed").isZero();
        assertThat(book.state().channels().get("gdelt").weighed()).isFalse();
        assertThat(book.state().channels().get("gdelt").basis()).isEqualTo("declared");
    }
}
