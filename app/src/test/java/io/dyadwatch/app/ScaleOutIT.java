package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadwatch.app.wiring.Services;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.model.assessment.PeriodUnit;
import io.dyadwatch.model.event.ContractResult;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code run} instances with the same application ids share the partitions: one in its own JVM, one in
 * this JVM. Queries to either answer for every dyad (forwarded to the owner). When the other JVM is killed,
 * this instance takes over its tasks, restores their state, processes what follows, and still answers.
 */
class ScaleOutIT {

    private static final List<String> DYADS = List.of("CHN-RUS", "IRN-RUS", "CHN-IRN", "PRK-RUS");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldShareThePartitionsAndTakeOverWhenAnInstanceIsKilled() throws Exception {
        TestIds ids = TestIds.unique("scaleout");
        Map<String, String> flags = ids.flags(SharedKafka.bootstrapServers(), dir.resolve("survivor"));
        flags.put("kafka.session.timeout.ms", "6000");
        flags.put("kafka.heartbeat.interval.ms", "1500");
        Settings settings = Settings.resolve(null, Map.of(), flags);

        try (Services survivor = Services.start(settings,
                List.of(Services.Part.STREAMS, Services.Part.ALERTS, Services.Part.INGESTION));
             PipelineProcess other = PipelineProcess.start(PipelineProcess.logFile("scaleout-other"), Map.of(), List.of(),
                     List.of("--bootstrap-servers", SharedKafka.bootstrapServers(),
                             "--set", "topic.prefix=" + ids.prefix(),
                             "--set", "streams.application.id=" + ids.streamsAppId(),
                             "--set", "alerts.application.id=" + ids.alertsAppId(),
                             "--set", "streams.state.dir=" + dir.resolve("other-streams"),
                             "--set", "alerts.state.dir=" + dir.resolve("other-alerts"),
                             "--set", "kafka.session.timeout.ms=6000",
                             "--set", "kafka.heartbeat.interval.ms=1500",
                             "--http-port", "0"))) {
            KafkaStreams streams = survivor.streamsServices().get(0).streams();
            String self = "127.0.0.1:" + survivor.http().port();
            String otherHost = "127.0.0.1:" + other.httpPort();
            await().atMost(Duration.ofSeconds(60)).until(() -> activeHosts(streams).equals(Set.of(self, otherHost)));

            List<String> first = Replay.events("s", 300, 21);
            Replay.publish(settings, first);
            String base = survivor.http().baseUrl();
            Map<String, Long> expected = eventsThisPeriod(settings, first);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(answered(base)).isEqualTo(expected));
            assertThat(answered(other.baseUrl())).isEqualTo(expected);

            other.kill();

            List<String> all = new ArrayList<>(first);
            List<String> later = Replay.events("t", 100, 22);
            all.addAll(later);
            Replay.publish(settings, later);
            Map<String, Long> expectedAfter = eventsThisPeriod(settings, all);
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                assertThat(activeHosts(streams)).containsExactly(self);
                assertThat(answered(base)).isEqualTo(expectedAfter);
            });
            assertThat(survivor.streamsServices()).allMatch(s -> s.failure() == null);
        }
    }

    /** The instances holding active tasks of the topology, as seen by this one. */
    private static Set<String> activeHosts(KafkaStreams streams) {
        Set<String> hosts = new HashSet<>();
        for (StreamsMetadata metadata : streams.metadataForAllStreamsClients()) {
            if (!metadata.topicPartitions().isEmpty()) {
                hosts.add(metadata.hostInfo().host() + ":" + metadata.hostInfo().port());
            }
        }
        return hosts;
    }

    /** Each dyad's events in the current period, as GET /v1/assessments/{dyad} on one instance answers. */
    private Map<String, Long> answered(String base) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (String dyad : DYADS) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/assessments/" + dyad))
                    .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode assessment = Json.MAPPER.readTree(response.body());
                counts.put(assessment.get("dyad").asText(), assessment.get("eventsInPeriod").asLong());
            } else {
                counts.put(dyad, -(long) response.statusCode());
            }
        }
        return counts;
    }

    /** Distinct events per watched dyad in the current period. */
    private static Map<String, Long> eventsThisPeriod(Settings settings, List<String> lines) {
        PeriodUnit unit = settings.streams().period();
        String current = unit.labelOf(Instant.now());
        Map<String, Set<String>> ids = new TreeMap<>();
        DYADS.forEach(d -> ids.put(d, new HashSet<>()));
        for (String line : lines) {
            Event event = ((ContractResult.Accepted) settings.common().contract().check(line)).event();
            String dyad = Dyad.of(event.actors()).key();
            if (unit.labelOf(event.occurredAt()).equals(current)) {
                ids.get(dyad).add(event.id());
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        ids.forEach((dyad, set) -> counts.put(dyad, (long) set.size()));
        return counts;
    }
}
