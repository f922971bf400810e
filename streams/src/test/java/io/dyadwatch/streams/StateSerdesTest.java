package io.dyadwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.json.JsonSerde;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class StateSerdesTest {

    private static <T> T roundTrip(StateSerde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }

    @Test
    void shouldReadBackEveryStateRecordAsWritten() {
        ClusterState cluster = new ClusterState("e1", "COMBINED_PATROL", Instant.parse("2023-03-15T10:11:12.5Z"),
                "2023-Q1", "bomber patrol", null, "Ä summary with \"quotes\" and ✈",
                List.of(new ClusterState.SourceRef("Kyodo", "https://example.org/a", "B2"),
                        new ClusterState.SourceRef("Japan Joint Staff", null, "A1")),
                List.of("e1", "e2"), 2, List.of("combined-air-patrol", "patrol-near-allies"), 0.91, 1_700_000_000_000L);
        PeriodTally tally = new PeriodTally(3, Map.of("combined-air-patrol", 2L), Map.of("combined-air-patrol", 1.4),
                List.of(new PeriodTally.Ranked("e1", 0.9, 12L), new PeriodTally.Ranked("e7", 0.5, 13L)), 9);
        DyadTimeline timeline = new DyadTimeline("2012-Q1", "2024-Q2", 77,
                Map.of(Scenario.WEAKENING, 1.25, Scenario.STRENGTHENING, 0.0));

        assertThat(roundTrip(StateSerdes.CLUSTER, cluster)).isEqualTo(cluster);
        assertThat(roundTrip(StateSerdes.TALLY, tally)).isEqualTo(tally);
        assertThat(roundTrip(StateSerdes.TIMELINE, timeline)).isEqualTo(timeline);
        assertThat(roundTrip(StateSerdes.REPORT, new ReportRef("e1", 5L))).isEqualTo(new ReportRef("e1", 5L));
        assertThat(roundTrip(StateSerdes.CLUSTER_IDS, new ClusterIds(List.of("a", "b"))))
                .isEqualTo(new ClusterIds(List.of("a", "b")));
        PendingChanges pending = new PendingChanges("2023-Q1", List.of("e1", "e9"), 42L);
        assertThat(roundTrip(StateSerdes.PENDING, pending)).isEqualTo(pending);
    }

    @Test
    void shouldStillReadStateWrittenAsJsonByEarlierVersions() {
        ReportRef ref = new ReportRef("e1", 5L);
        byte[] json = new JsonSerde<>(ReportRef.class).serializer().serialize("t", ref);

        assertThat(StateSerdes.REPORT.deserializer().deserialize("t", json)).isEqualTo(ref);
    }

    @Test
    void shouldRefuseAnUnknownFormatVersionOrTruncatedBytesWithAReason() {
        byte[] bytes = StateSerdes.REPORT.serializer().serialize("t", new ReportRef("e1", 5L));
        byte[] future = bytes.clone();
        future[0] = 9;

        assertThatThrownBy(() -> StateSerdes.REPORT.deserializer().deserialize("t", future))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown format version 9");
        assertThatThrownBy(() -> StateSerdes.REPORT.deserializer().deserialize("t", Arrays.copyOf(bytes, 5)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("truncated or corrupt");
    }
}
