package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dyadwatch.app.wiring.ProcessingProgress;
import io.dyadwatch.app.wiring.Services;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.app.wiring.TopicAdmin;
import io.dyadwatch.model.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dyadwatch run} in its own JVM killed with SIGKILL three times while it works, each time restarted at once on
 * the same state directory (the same static member), comes back every time and ends with the tallies, the history
 * (each period's figures) and the alerts (content and all, processing times aside) of a run that was never
 * interrupted, fed the same events.
 */
class RepeatedKillIT {

    private static final List<String> DYADS = List.of("CHN-RUS", "IRN-RUS", "CHN-IRN", "PRK-RUS");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldComeBackAfterEachOfThreeSigkillsAndEndWithWhatACleanRunEndsWith() throws Exception {
        TestIds killed = TestIds.unique("killed");
        TestIds clean = TestIds.unique("clean");
        Settings killedSettings = settings(killed, "killed");
        Settings cleanSettings = settings(clean, "clean");
        TopicAdmin.ensureTopics(killedSettings.common(), Map.of());
        TopicAdmin.ensureTopics(cleanSettings.common(), Map.of());
        List<List<String>> parts = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            List<String> part = new ArrayList<>(Replay.events("k" + p, 800, 100 + p));
            part.add(400, Replay.treaty("t" + p, Replay.PAIRS.get(p)));
            parts.add(part);
        }
        parts.get(3).addAll(parts.get(0).subList(0, 100)); // re-sent reports: counted once
        List<String> all = parts.stream().flatMap(List::stream).toList();
        Replay replay = new Replay(killedSettings);

        Map<String, JsonNode> killedHistory;
        try (CommittedReader alerts = new CommittedReader(SharedKafka.bootstrapServers(), Map.of(),
                        killed.prefix() + "alerts");
                CommittedReader indicators = new CommittedReader(SharedKafka.bootstrapServers(), Map.of(),
                        killed.prefix() + "indicators");
                ProcessingProgress progress = new ProcessingProgress(TopicAdmin.adminProperties(
                        killedSettings.common(), Map.of()))) {
            PipelineProcess process = PipelineProcess.start(PipelineProcess.logFile("killed-0"), Map.of(), List.of(),
                    args(killed));
            for (int kill = 1; kill <= 3; kill++) {
                Replay.publish(killedSettings, parts.get(kill - 1));
                long before = progress.lag(killed.streamsAppId(), List.of(killed.prefix() + "events"));
                // mid-stream: once it has committed some of the part, never after it has committed all of it
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() ->
                        progress.lag(killed.streamsAppId(), List.of(killed.prefix() + "events")) < before);
                process.kill();
                assertThat(progress.lag(killed.streamsAppId(), List.of(killed.prefix() + "events")))
                        .as("events left uncommitted by kill %d", kill).isPositive();
                process = PipelineProcess.start(PipelineProcess.logFile("killed-" + kill), Map.of(), List.of(),
                        args(killed));
                assertThat(process.isAlive()).as("back after kill %d", kill).isTrue();
            }
            Replay.publish(killedSettings, parts.get(3));
            await().atMost(Duration.ofSeconds(180)).until(() ->
                    progress.lag(killed.streamsAppId(), List.of(killed.prefix() + "events")) == 0);
            indicators.readToEnd();
            assertThat(Replay.indicatorCounts(indicators.latest())).isEqualTo(replay.expectedIndicatorCounts(all));
            Replay.assertAlertsPublishedExactlyOnce(alerts.readToEnd(), replay.expectedSignatureFingerprints(all));
            killedHistory = histories(process.baseUrl());
            assertThat(process.output()).doesNotContain("stopped on an unexpected error");
            process.kill();
        }

        for (List<String> part : parts) {
            Replay.publish(cleanSettings, part);
        }
        try (Services services = Services.start(cleanSettings, List.of(Services.Part.STREAMS));
                ProcessingProgress progress = new ProcessingProgress(TopicAdmin.adminProperties(
                        cleanSettings.common(), Map.of()))) {
            await().atMost(Duration.ofSeconds(180)).until(() ->
                    progress.lag(clean.streamsAppId(), List.of(clean.prefix() + "events")) == 0);
            assertThat(killedHistory).isEqualTo(histories(services.http().baseUrl()));
        }
        String bootstrap = SharedKafka.bootstrapServers();
        // counts and sums; an indicator value's revision is its tally's at the publication that last carried it,
        // which batching decides (restarts change the batches)
        assertThat(withoutRevision(Replay.latestWithoutTimes(bootstrap, killed.prefix() + "indicators")))
                .isEqualTo(withoutRevision(Replay.latestWithoutTimes(bootstrap, clean.prefix() + "indicators")));
        assertThat(Replay.alertContents(bootstrap, killed.prefix() + "alerts")).isNotEmpty()
                .isEqualTo(Replay.alertContents(bootstrap, clean.prefix() + "alerts"));
    }

    private Map<String, JsonNode> histories(String baseUrl) throws Exception {
        Map<String, JsonNode> histories = new TreeMap<>();
        for (String dyad : DYADS) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/dyads/" + dyad
                    + "/history")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(dyad).isEqualTo(200);
            // a period's revision in the history is the dyad's revision when the period was last rewritten, which
            // publication (and a restart's rebuild) decides: the judgement is the rest
            JsonNode periods = Json.MAPPER.readTree(response.body());
            periods.forEach(period -> ((ObjectNode) period).remove("revision"));
            assertThat(periods.size()).as(dyad).isPositive();
            histories.put(dyad, periods);
        }
        return histories;
    }

    private static Map<String, JsonNode> withoutRevision(Map<String, JsonNode> values) {
        values.values().forEach(v -> ((ObjectNode) v).remove("revision"));
        return values;
    }

    private Settings settings(TestIds ids, String name) {
        Map<String, String> flags = new LinkedHashMap<>(ids.flags(SharedKafka.bootstrapServers(), dir.resolve(name)));
        flags.put("streams.clock", "event");
        return Settings.resolve(null, Map.of(), flags);
    }

    private List<String> args(TestIds ids) {
        return List.of("--bootstrap-servers", SharedKafka.bootstrapServers(),
                "--set", "topic.prefix=" + ids.prefix(),
                "--set", "streams.application.id=" + ids.streamsAppId(),
                "--set", "streams.state.dir=" + dir.resolve("killed-state"),
                "--set", "streams.clock=event",
                "--http-port", "0");
    }
}
