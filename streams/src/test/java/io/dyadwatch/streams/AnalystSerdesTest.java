package io.dyadwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyadwatch.model.assessment.AssessmentStep;
import io.dyadwatch.model.assessment.Period;
import io.dyadwatch.model.assessment.PeriodResult;
import io.dyadwatch.model.assessment.PeriodUnit;
import io.dyadwatch.model.assessment.Scenario;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

class AnalystSerdesTest {

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }

    private static final StateKey.OfEvent KEY = new StateKey.OfEvent("CHN-RUS", "COMBINED_PATROL", "n:bomber patrol",
            LocalDate.parse("2023-03-15").toEpochDay(), "e1");

    @Test
    void shouldReadBackEveryStoredValueAsWritten() {
        ClusterState cluster = new ClusterState("e1", "COMBINED_PATROL", Instant.parse("2023-03-15T10:11:12.5Z"),
                Period.parse("2023-Q1"), "bomber patrol", null, "Ä summary with \"quotes\" and ✈",
                List.of(new ClusterState.SourceRef("Kyodo", "https://example.org/a", "B2"),
                        new ClusterState.SourceRef("Japan Joint Staff", null, "A1")),
                List.of("e1", "e2"), 2, List.of("combined-air-patrol", "patrol-near-allies"), 0.91, 1_700_000_000_000L, true);
        PeriodTally tally = new PeriodTally(3, Map.of("combined-air-patrol", 2L), Map.of("combined-air-patrol", 1.4),
                List.of(new PeriodTally.Ranked(KEY, 0.9, 12L, List.of("combined-air-patrol"))), 9,
                java.util.BitSet.valueOf(new long[] {0b1011L, 1L << 40}),
                Map.of(5, Map.of("lethal-aid", 1.0, "dual-use-export", 1.0), 70, Map.of("arms-transfer", 0.0)));
        DyadState dyad = new DyadState(Period.parse("2012-Q1"), Period.parse("2024-Q2"), 123L, 77, 80, 3,
                Map.of(Scenario.WEAKENING, 1.25, Scenario.STRENGTHENING, 0.0),
                Map.of("curated", new io.dyadwatch.model.assessment.ChannelCoverage("curated", true,
                                java.time.LocalDate.parse("2012-01-01"), java.time.LocalDate.parse("2025-12-31"),
                                java.time.LocalDate.parse("2026-01-02")),
                        "gdelt", io.dyadwatch.model.assessment.ChannelCoverage.seen("gdelt", false)),
                java.time.LocalDate.parse("2026-02-01"));
        PendingStep step = new PendingStep(new AssessmentStep(77, "2024-Q2", 0.5, 4,
                Map.of(Scenario.STATUS_QUO, 0.6, Scenario.WEAKENING, 0.1, Scenario.STRENGTHENING, 0.3),
                Map.of(Scenario.STATUS_QUO, 0.7), Map.of(Scenario.WEAKENING, 1.0), List.of("e1"), List.of("e1"), Map.of(),
                Map.of("patrols", Map.of(Scenario.WEAKENING, 0.5, Scenario.STRENGTHENING, 0.0))),
                List.of(KEY), List.of(KEY), Period.parse("2023-Q1"), 99L,
                List.of(new PendingStep.Touched(Period.parse("2023-Q1"), "lethal-aid", 0.0, 0.72)));
        PeriodResult result = new PeriodResult("CHN-RUS", "2023-Q1", 1.0, 2, Map.of("lethal-aid", 0.72),
                Map.of(Scenario.STATUS_QUO, 1.0), Map.of(Scenario.WEAKENING, 0.5), 4);

        assertThat(roundTrip(AnalystSerdes.EVENT, cluster)).isEqualTo(cluster);
        assertThat(roundTrip(AnalystSerdes.TALLY, tally)).isEqualTo(tally);
        assertThat(roundTrip(AnalystSerdes.DYAD, dyad)).isEqualTo(dyad);
        assertThat(roundTrip(AnalystSerdes.STEP, step)).isEqualTo(step);
        assertThat(roundTrip(AnalystSerdes.RESULT, result)).isEqualTo(result);
    }

    @Test
    void shouldReadBackEveryKeyAsWritten() {
        StateKey.OfPeriod period = new StateKey.OfPeriod("CHN-RUS", Period.parse("2024-07"));
        StateKey.OfReport report = new StateKey.OfReport("CHN-IRN-RUS", "gdelt-123|x");
        StateKey.OfStep step = new StateKey.OfStep("CHN-RUS", 12);

        assertThat(roundTrip(StateKey.KeySerdes.PERIOD, period)).isEqualTo(period);
        assertThat(roundTrip(StateKey.KeySerdes.REPORT, report)).isEqualTo(report);
        assertThat(roundTrip(StateKey.KeySerdes.EVENT, KEY)).isEqualTo(KEY);
        assertThat(roundTrip(StateKey.KeySerdes.STEP, step)).isEqualTo(step);
    }

    @Test
    void shouldOrderKeysAsBytesInTimeOrderWithinADyad() {
        List<Bytes> periods = new ArrayList<>();
        for (String label : List.of("1999-Q4", "2000-Q1", "2012-Q3", "2024-Q2")) {
            periods.add(Bytes.wrap(StateKey.KeySerdes.PERIOD.serializer().serialize("t",
                    new StateKey.OfPeriod("CHN-RUS", Period.parse(label)))));
        }
        List<Bytes> steps = new ArrayList<>();
        for (long seq : List.of(0L, 1L, 255L, 256L, 70_000L)) {
            steps.add(Bytes.wrap(StateKey.KeySerdes.STEP.serializer().serialize("t", new StateKey.OfStep("CHN-RUS", seq))));
        }
        Bytes otherDyad = Bytes.wrap(StateKey.KeySerdes.PERIOD.serializer().serialize("t",
                new StateKey.OfPeriod("CHN-RUS-X", new Period(PeriodUnit.QUARTER, 0))));

        assertThat(periods).isSorted();
        assertThat(steps).isSorted();
        assertThat(otherDyad).as("another dyad's keys sort after the whole range of this one")
                .isGreaterThan(periods.get(periods.size() - 1));
    }

    @Test
    void shouldRefuseAnUnknownFormatVersionOrTruncatedBytesWithAReason() {
        DyadState dyad = DyadState.start(Period.parse("2023-Q1"), 5L);
        byte[] bytes = AnalystSerdes.DYAD.serializer().serialize("t", dyad);
        byte[] future = bytes.clone();
        future[0] = 9;

        assertThatThrownBy(() -> AnalystSerdes.DYAD.deserializer().deserialize("t", future))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown format version 9");
        assertThatThrownBy(() -> AnalystSerdes.DYAD.deserializer().deserialize("t", Arrays.copyOf(bytes, 5)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("truncated or corrupt");
    }

    @Test
    void shouldRefuseStateOfTheEarlierFormatAndBeAnotherApplicationSoAnUpgradeRebuildsIt() {
        byte[] formatOne = {1, 0, 0, 0, 0};

        assertThatThrownBy(() -> AnalystSerdes.DYAD.deserializer().deserialize("t", formatOne))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown format version 1");
        assertThat(new StreamsSettings(Map.of()).applicationId())
                .as("format 1 ran as 'dyadwatch': a new group replays the events topic instead of resuming its offsets")
                .isNotEqualTo("dyadwatch").endsWith("-v" + StateSerde.VERSION);
    }
}
