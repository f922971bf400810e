package io.dyadwatch.app.backtest;

import static io.dyadwatch.app.backtest.BacktestEvents.event;
import static io.dyadwatch.app.backtest.BacktestEvents.exercise;
import static io.dyadwatch.app.backtest.BacktestEvents.treaty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyadwatch.model.alert.AlertStatus;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.RejectReason;
import io.dyadwatch.producer.PublishReport.RefusedLine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestTest {

    @Test
    void shouldReportAConfirmedMutualDefenceTreatyAsASignatureEventWithItsEvidence() throws IOException {
        String lines = String.join("\n",
                exercise("js-1", "2023-02-10"),
                treaty("treaty", "2023-05-20", "Russia and China sign a mutual-defence treaty."),
                exercise("js-2", "2023-08-15"));

        BacktestResult result = BacktestEvents.backtest().run(List.of(EventInput.text("hand", lines)), BacktestWindow.ALL,
                Backtest.Progress.NONE);

        List<BacktestAlert> signature = result.alerts().stream()
                .filter(a -> a.alert().rule().equals("signature-event")).toList();
        assertThat(signature).hasSize(1);
        BacktestAlert alert = signature.get(0);
        assertThat(alert.period()).isEqualTo("2023-Q2");
        assertThat(alert.firedAt()).isEqualTo("2023-05-20T00:00:00Z");
        assertThat(alert.alert().status()).isEqualTo(AlertStatus.FIRING);
        assertThat(alert.alert().scenario()).isEqualTo(Scenario.STRENGTHENING);
        assertThat(alert.alert().summary()).contains("formal-alliance").contains("mutual-defence treaty");
        assertThat(alert.alert().evidence().get(0).id()).isEqualTo("treaty");
        assertThat(alert.alert().evidence().get(0).grade()).isEqualTo("A1");
        assertThat(alert.alert().evidence().get(0).url()).isEqualTo("https://example.org/treaty");
        assertThat(alert.alert().rationale()).isNotEmpty();
    }

    @Test
    void shouldCarryNoEvidenceForQuartersNobodyCollectedAndShowThemAsNotObserved() throws IOException {
        // a file that declares 2022-Q4 only: the quarters after it nobody collected carry nothing, and the report
        // of 2023-08-10 is shown but covers no day of its own
        String lines = String.join("\n", "{\"covers\":\"2022-10-01..2022-12-31\"}", exercise("a", "2022-11-02"),
                exercise("b", "2023-08-10"));

        BacktestResult result = BacktestEvents.backtest().run(List.of(EventInput.text("hand", lines)), BacktestWindow.ALL,
                Backtest.Progress.NONE);

        PeriodRow q4 = result.periods().get(0);
        PeriodRow q1 = result.periods().get(1);
        PeriodRow q2 = result.periods().get(2);
        assertThat(q1.exposure()).isZero();
        assertThat(q2.exposure()).isZero();
        assertThat(q1.changeStatistic(Scenario.WEAKENING)).as("silence nobody collected is no evidence")
                .isEqualTo(q4.changeStatistic(Scenario.WEAKENING));
        assertThat(q2.changeStatistic(Scenario.WEAKENING)).isEqualTo(q4.changeStatistic(Scenario.WEAKENING));
        assertThat(SvgChart.render(result)).contains("2023-Q1: not observed").contains("2023-Q2: not observed")
                .doesNotContain("2022-Q4: not observed");
    }

    @Test
    void shouldTakeWhatAnInputCoversFromItsSpanLine() throws IOException {
        String lines = String.join("\n", "{\"covers\":\"2022-10-01..2023-09-30\"}", exercise("a", "2022-11-02"),
                exercise("b", "2023-08-10"));

        BacktestResult result = BacktestEvents.backtest().run(List.of(EventInput.text("spanned.jsonl", lines)),
                BacktestWindow.ALL, Backtest.Progress.NONE);

        assertThat(result.refused()).isEmpty();
        assertThat(result.lines()).as("the span line is no event").isEqualTo(2);
        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.inputs()).containsExactly("spanned.jsonl: covers 2022-10-01..2023-09-30 (its span line)");
        assertThat(result.periods()).extracting(PeriodRow::period)
                .containsExactly("2022-Q4", "2023-Q1", "2023-Q2", "2023-Q3");
        assertThat(result.periods().get(0).exposure()).as("from the span's first day, not the first report's")
                .isEqualTo(1.0);
        assertThat(result.periods().get(1).exposure()).as("a silent quarter the file covers is observed").isEqualTo(1.0);
        assertThat(result.periods().get(2).exposure()).isEqualTo(1.0);
    }

    @Test
    void shouldLetACoverageGivenForAnInputWinOverItsSpanLine() throws IOException {
        String lines = String.join("\n", "{\"covers\":\"2022-11-01..2022-11-30\"}", exercise("a", "2022-11-02"),
                exercise("b", "2023-08-10"));
        EventInput input = new EventInput("flagged.jsonl", EventInput.text("flagged.jsonl", lines).opener(),
                io.dyadwatch.model.event.Coverage.parse("2022-10-01..2023-09-30"));

        BacktestResult result = BacktestEvents.backtest().run(List.of(input), BacktestWindow.ALL, Backtest.Progress.NONE);

        assertThat(result.inputs()).containsExactly("flagged.jsonl: covers 2022-10-01..2023-09-30 (--covers)");
        assertThat(result.lines()).isEqualTo(2);
        assertThat(result.periods().get(2).exposure()).as("2023-Q2, covered only by --covers").isEqualTo(1.0);
    }

    @Test
    void shouldRefuseAMalformedSpanLineNamingTheInputAndLine() {
        String lines = String.join("\n", "{\"covers\":\"2022-10-01..2023-09-30\",\"source\":\"me\"}",
                exercise("a", "2022-11-02"));

        assertThatThrownBy(() -> BacktestEvents.backtest().run(List.of(EventInput.text("bad.jsonl", lines)), BacktestWindow.ALL,
                Backtest.Progress.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad.jsonl:1: ").hasMessageContaining("unknown key 'source'");
    }

    @Test
    void shouldReportOnePeriodForEveryQuarterFromTheFirstEventToTheLast() throws IOException {
        String lines = String.join("\n", exercise("a", "2022-11-02"), exercise("b", "2023-01-10"),
                exercise("c", "2023-09-30"));

        BacktestResult result = BacktestEvents.backtest().run(List.of(EventInput.text("hand", lines)), BacktestWindow.ALL,
                Backtest.Progress.NONE);

        assertThat(result.periods()).extracting(PeriodRow::period)
                .containsExactly("2022-Q4", "2023-Q1", "2023-Q2", "2023-Q3");
        assertThat(result.periods()).extracting(PeriodRow::events).containsExactly(1L, 1L, 0L, 1L);
        assertThat(result.eventsInWindow()).isEqualTo(3);
        assertThat(result.periods().get(0).probabilities().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void shouldCountRefusedLinesWithTheirNumbersAndReplayTheRest() throws IOException {
        String lines = String.join("\n",
                exercise("ok-1", "2023-02-10"),
                "{not json",
                "",
                "{\"type\":\"JOINT_EXERCISE\",\"actors\":[\"RUS\",\"CHN\"],\"occurredAt\":\"2023-03-01\",\"source\":{\"name\":\"x\"}}",
                exercise("ok-2", "2023-03-10"));

        BacktestResult result = BacktestEvents.backtest().run(List.of(EventInput.text("mixed.jsonl", lines)), BacktestWindow.ALL,
                Backtest.Progress.NONE);

        assertThat(result.refused()).extracting(RefusedLine::input, RefusedLine::lineNumber, r -> r.rejection().reason())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("mixed.jsonl", 2L, RejectReason.NOT_JSON),
                        org.assertj.core.groups.Tuple.tuple("mixed.jsonl", 4L, RejectReason.MISSING_FIELD));
        assertThat(result.lines()).isEqualTo(4);
        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.eventsInWindow()).isEqualTo(2);
        assertThat(SummaryTable.totals(result)).contains("4 read, 2 accepted, 2 refused");
    }

    @Test
    void shouldRefuseALineThatIsNotUtf8OnItsOwnLine() throws IOException {
        byte[] good = (exercise("ok", "2023-02-10") + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bad = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
        byte[] all = new byte[good.length + bad.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);

        BacktestResult result = BacktestEvents.backtest().run(List.of(new EventInput("bytes",
                () -> new java.io.ByteArrayInputStream(all))), BacktestWindow.ALL, Backtest.Progress.NONE);

        assertThat(result.refused()).extracting(RefusedLine::lineNumber, r -> r.rejection().reason())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, RejectReason.INVALID_UTF8));
        assertThat(result.accepted()).isEqualTo(1);
    }

    @Test
    void shouldReplayEventsInEventTimeWhateverTheirOrderInTheInputs() throws IOException {
        String late = String.join("\n", exercise("b", "2023-08-15"), exercise("a", "2023-02-10"));
        String early = exercise("c", "2022-12-01");

        BacktestResult result = BacktestEvents.backtest().run(List.of(EventInput.text("one", late),
                EventInput.text("two", early)), BacktestWindow.ALL, Backtest.Progress.NONE);

        assertThat(result.periods()).extracting(PeriodRow::period)
                .containsExactly("2022-Q4", "2023-Q1", "2023-Q2", "2023-Q3");
        assertThat(result.periods()).extracting(PeriodRow::events).containsExactly(1L, 1L, 0L, 1L);
    }

    @Test
    void shouldReportOnlyTheWindowAndNotReplayEventsAfterIt() throws IOException {
        String lines = String.join("\n", exercise("a", "2022-05-01"), exercise("b", "2022-08-01"),
                treaty("t", "2022-11-11", "treaty"), exercise("c", "2023-02-01"));

        BacktestResult result = BacktestEvents.backtest().run(List.of(EventInput.text("hand", lines)),
                new BacktestWindow("2022-Q3", "2022-Q4"), Backtest.Progress.NONE);

        assertThat(result.periods()).extracting(PeriodRow::period).containsExactly("2022-Q3", "2022-Q4");
        assertThat(result.afterWindow()).isEqualTo(1);
        assertThat(result.alerts()).extracting(BacktestAlert::period).containsOnly("2022-Q4");
    }

    @Test
    void shouldRefuseAPeriodLabelOfTheWrongUnit() {
        assertThatThrownBy(() -> BacktestEvents.backtest().run(List.of(EventInput.text("x", "")),
                new BacktestWindow("2023-03", null), Backtest.Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2023-03").hasMessageContaining("2023-Q1");
    }

    @Test
    void shouldFailOnAnUnreadableInput(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path missing = dir.resolve("missing.jsonl");

        assertThatThrownBy(() -> BacktestEvents.backtest().run(List.of(EventInput.file(missing)), BacktestWindow.ALL,
                Backtest.Progress.NONE)).isInstanceOf(IOException.class).hasMessageContaining("missing.jsonl");
    }

    @Test
    void shouldNotCountAnEventOfAnotherDyad() throws IOException {
        String other = event("x", "JOINT_EXERCISE", "2023-02-10", "B1", "{}", "x").replace("[\"RUS\",\"CHN\"]",
                "[\"RUS\",\"IRN\"]");

        BacktestResult result = BacktestEvents.backtest().run(List.of(EventInput.text("hand",
                other + "\n" + exercise("a", "2023-05-01"))), BacktestWindow.ALL, Backtest.Progress.NONE);

        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.forDyad()).isEqualTo(1);
        assertThat(result.eventsInWindow()).isEqualTo(1);
    }
}
