package io.dyadwatch.app.trackrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyadwatch.catalog.history.TurningPoint;
import io.dyadwatch.catalog.model.Quarter;
import io.dyadwatch.model.assessment.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scoring rule on small hand-made histories. */
class TrackRecordScorerTest {

    private static final QuarterSpan REFERENCE = QuarterSpan.parse("2016-Q1..2021-Q4");
    private static final QuarterSpan REPLAYED = QuarterSpan.parse("2016-Q1..2025-Q4");
    private static final TurningPoint TURN_2023_Q3 = turn(Scenario.STRENGTHENING, "2023-Q3");

    private static TurningPoint turn(Scenario scenario, String quarter) {
        return new TurningPoint("PRK-RUS", scenario, Quarter.parse(quarter), List.of("a source"), "a reason");
    }

    private static ScoredAlert alert(String rule, Scenario scenario, String quarter) {
        return new ScoredAlert("PRK-RUS", rule, scenario, Quarter.parse(quarter), String.valueOf(scenario));
    }

    private static DyadTrackRecord score(List<TurningPoint> points, List<ScoredAlert> alerts) {
        return TrackRecordScorer.score("PRK-RUS", points, points.isEmpty() ? "no turn" : null, alerts, REFERENCE, REPLAYED);
    }

    @Test
    void shouldScoreAHitWithALeadWhenTheFirstAlertCameBeforeTheTurn() {
        DyadTrackRecord record = score(List.of(TURN_2023_Q3), List.of(
                alert("scenario-shift", Scenario.STRENGTHENING, "2023-Q1"),
                alert("probability-level", Scenario.STRENGTHENING, "2023-Q4")));

        TurningPointScore hit = record.scores().get(0);
        assertThat(hit.hit()).isTrue();
        assertThat(hit.offset()).isEqualTo(-2);
        assertThat(hit.timing()).isEqualTo("lead 2");
        assertThat(record.repeats()).extracting(ScoredAlert::rule).containsExactly("probability-level");
        assertThat(record.falseAlarms()).isEmpty();
    }

    @Test
    void shouldScoreAHitWithALagWhenTheFirstAlertCameAfterTheTurn() {
        DyadTrackRecord record = score(List.of(TURN_2023_Q3), List.of(
                alert("family-shift", Scenario.STRENGTHENING, "2024-Q3")));

        assertThat(record.scores().get(0).timing()).isEqualTo("lag 4");
        assertThat(record.hits()).isEqualTo(1);
    }

    @Test
    void shouldScoreAMissWhenNoAlertTowardTheScenarioFallsWithinTheWindow() {
        DyadTrackRecord record = score(List.of(TURN_2023_Q3), List.of(
                alert("scenario-shift", Scenario.STRENGTHENING, "2024-Q4"), // five quarters late
                alert("scenario-shift", Scenario.WEAKENING, "2023-Q3")));    // the wrong way

        assertThat(record.scores().get(0).hit()).isFalse();
        assertThat(record.scores().get(0).timing()).isEqualTo("-");
        assertThat(record.misses()).isEqualTo(1);
        assertThat(record.falseAlarms()).hasSize(2);
    }

    @Test
    void shouldCountAFalseAlarmPerDyadYearInAndOutOfSample() {
        DyadTrackRecord record = score(List.of(), List.of(
                alert("scenario-shift", Scenario.WEAKENING, "2020-Q2"),
                alert("family-shift", Scenario.STRENGTHENING, "2024-Q1"),
                alert("family-shift", Scenario.STRENGTHENING, "2025-Q1")));

        assertThat(record.falseInSample()).isEqualTo(1);
        assertThat(record.falseOutOfSample()).isEqualTo(2);
        assertThat(record.quartersInSample()).isEqualTo(24);
        assertThat(record.quartersOutOfSample()).isEqualTo(16);
        assertThat(record.none()).isEqualTo("no turn");
        assertThat(TrackRecordTable.format(List.of(record)))
                .contains("PRK-RUS  1 in 6 (0.17)        2 in 4 (0.50)")
                .contains("false alarm: PRK-RUS 2020-Q2 scenario-shift WEAKENING");
    }

    @Test
    void shouldListASignatureAlertApartAndNeverCountItAsAStatisticalHit() {
        DyadTrackRecord record = score(List.of(TURN_2023_Q3), List.of(
                new ScoredAlert("PRK-RUS", "signature-event", Scenario.STRENGTHENING, Quarter.parse("2023-Q3"), "lethal-aid")));

        assertThat(record.scores().get(0).hit()).isFalse();
        assertThat(record.signatures()).extracting(ScoredAlert::subject).containsExactly("lethal-aid");
        assertThat(record.falseAlarms()).isEmpty();
        assertThat(TrackRecordTable.format(List.of(record))).contains("2023-Q3 lethal-aid")
                .contains("PRK-RUS  STRENGTHENING  2023-Q3  miss");
    }

    @Test
    void shouldTakeTheEarliestAlertAsTheHitWhateverTheFiringOrder() {
        DyadTrackRecord record = score(List.of(TURN_2023_Q3), List.of(
                alert("family-shift", Scenario.STRENGTHENING, "2024-Q1"),
                alert("scenario-shift", Scenario.STRENGTHENING, "2023-Q2")));

        assertThat(record.scores().get(0).alert().rule()).isEqualTo("scenario-shift");
        assertThat(record.scores().get(0).timing()).isEqualTo("lead 1");
    }

    @Test
    void shouldRefuseTwoTurningPointsOneAlertCouldScoreForBoth() {
        assertThatThrownBy(() -> score(List.of(TURN_2023_Q3, turn(Scenario.STRENGTHENING, "2024-Q2")), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2023-Q3 and 2024-Q2 lie within 8 quarters");
    }
}
