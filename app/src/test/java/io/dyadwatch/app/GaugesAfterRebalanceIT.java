package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dyadwatch.app.wiring.Services;
import io.dyadwatch.app.wiring.Settings;
import io.micrometer.core.instrument.Gauge;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-dyad gauges follow the dyad's task: when a second instance joins and takes some dyads over, the first one
 * stops exporting them (no stale series that would mix with the new owner's in Prometheus).
 */
class GaugesAfterRebalanceIT {

    private static final List<String> DYADS = List.of("CHN-RUS", "IRN-RUS", "CHN-IRN", "PRK-RUS");

    @TempDir
    Path dir;

    @Test
    void shouldStopExportingTheDyadsAnotherInstanceTookOver() throws Exception {
        TestIds ids = TestIds.unique("gauges");
        Map<String, String> flags = ids.flags(SharedKafka.bootstrapServers(), dir.resolve("first"));
        Settings first = Settings.resolve(null, Map.of(), flags);
        Map<String, String> secondFlags = ids.flags(SharedKafka.bootstrapServers(), dir.resolve("second"));
        Settings second = Settings.resolve(null, Map.of(), secondFlags);

        try (Services one = Services.start(first, List.of(Services.Part.STREAMS, Services.Part.INGESTION))) {
            Replay.publish(first, Replay.events("g", 200, 31));
            await().atMost(Duration.ofSeconds(60)).until(() -> dyadsWithGauges(one).equals(new TreeSet<>(DYADS)));

            try (Services two = Services.start(second, List.of(Services.Part.STREAMS, Services.Part.INGESTION))) {
                KafkaStreams streams = one.streamsServices().get(0).streams();
                HostInfo self = new HostInfo(first.app().httpHost(), one.http().port());
                KafkaStreams joined = two.streamsServices().get(0).streams();
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                    assertThat(joined.state()).isEqualTo(KafkaStreams.State.RUNNING);
                    Set<String> owned = owned(streams, self);
                    assertThat(owned).as("the second instance took some dyads over").hasSizeLessThan(DYADS.size());
                    assertThat(dyadsWithGauges(one)).as("the first exports only the dyads it still holds")
                            .isSubsetOf(owned);
                });
            }
        }
    }

    private static Set<String> dyadsWithGauges(Services services) {
        Set<String> dyads = new TreeSet<>();
        for (Gauge gauge : services.registry().find("dyadwatch.change.statistic").gauges()) {
            dyads.add(gauge.getId().getTag("dyad"));
        }
        return dyads;
    }

    private static Set<String> owned(KafkaStreams streams, HostInfo self) {
        Set<String> owned = new TreeSet<>();
        for (String dyad : DYADS) {
            KeyQueryMetadata metadata = streams.queryMetadataForKey(
                    io.dyadwatch.streams.AnalystStores.ASSESSMENTS, dyad, new StringSerializer());
            if (metadata != null && self.equals(metadata.activeHost())) {
                owned.add(dyad);
            }
        }
        return owned;
    }
}
