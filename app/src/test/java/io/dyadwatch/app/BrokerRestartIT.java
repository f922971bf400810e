package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dyadwatch.app.broker.EmbeddedBroker;
import io.dyadwatch.app.wiring.ProcessingProgress;
import io.dyadwatch.app.wiring.Services;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.app.wiring.StreamsService;
import io.dyadwatch.app.wiring.TopicAdmin;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker (with a data directory, on a fixed port) is stopped while the pipeline processes and started
 * again: the pipeline reconnects by itself and finishes the work; nothing is lost or counted twice.
 */
class BrokerRestartIT {

    @TempDir
    Path dir;

    @Test
    void shouldResumeWithoutLossOrDuplicatesWhenTheBrokerRestartsMidProcessing() throws Exception {
        int port = freePort();
        Path data = dir.resolve("broker");
        EmbeddedBroker broker = EmbeddedBroker.start(port, data);
        try {
            TestIds ids = TestIds.unique("brokerrestart");
            Settings settings = settings(broker.bootstrapServers(), ids);
            Replay replay = new Replay(settings);
            List<String> before = new ArrayList<>(Replay.events("b", 1500, 11));
            before.add(300, Replay.treaty("t-rus-chn", "RUS:CHN"));
            before.add(1200, Replay.treaty("t-rus-irn", "RUS:IRN"));
            List<String> after = new ArrayList<>(Replay.events("a", 150, 12));
            after.add(Replay.treaty("t-chn-irn", "CHN:IRN"));
            after.add(Replay.treaty("t-rus-prk", "RUS:PRK"));
            after.addAll(before.subList(0, 100));
            List<String> all = new ArrayList<>(before);
            all.addAll(after);
            Map<String, Long> expected = replay.expectedIndicatorCounts(all);

            try (Services services = Services.start(settings,
                    List.of(Services.Part.STREAMS, Services.Part.ALERTS, Services.Part.INGESTION))) {
                Replay.publish(settings, before.subList(0, 400));
                try (CommittedReader assessed = new CommittedReader(broker.bootstrapServers(), Map.of(), ids.prefix() + "assessments");
                     ProcessingProgress progress = new ProcessingProgress(TopicAdmin.adminProperties(settings.common(), Map.of()))) {
                    // the pipeline at work (assessments committed), then more events, and the broker stops under it
                    await().atMost(Duration.ofSeconds(60)).until(() -> !assessed.poll().isEmpty());
                    Replay.publish(settings, before.subList(400, before.size()));
                    assertThat(progress.lag(ids.streamsAppId(), List.of(ids.prefix() + "events")))
                            .as("events left when the broker stops").isPositive();
                }
                broker.close();
                broker = EmbeddedBroker.start(port, data);

                Replay.publish(settings, after);
                try (CommittedReader indicators = new CommittedReader(broker.bootstrapServers(), Map.of(), ids.prefix() + "indicators");
                     CommittedReader alerts = new CommittedReader(broker.bootstrapServers(), Map.of(), ids.prefix() + "alerts");
                     ProcessingProgress progress = new ProcessingProgress(TopicAdmin.adminProperties(settings.common(), Map.of()))) {
                    await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                        indicators.poll();
                        assertThat(Replay.indicatorCounts(indicators.latest())).isEqualTo(expected);
                    });
                    await().atMost(Duration.ofSeconds(60)).until(() ->
                            progress.lag(ids.streamsAppId(), List.of(ids.prefix() + "events")) == 0
                                    && Replay.signatureFingerprints(alerts.poll()).size() == 4);
                    Replay.assertAlertsPublishedExactlyOnce(alerts.poll(), replay.expectedSignatureFingerprints(all));
                }
                assertThat(services.streamsServices()).extracting(StreamsService::failure).containsOnlyNulls();
                HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(services.http().baseUrl() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
            }
        } finally {
            broker.close();
        }
    }

    private Settings settings(String bootstrap, TestIds ids) {
        Map<String, String> flags = ids.flags(bootstrap, dir);
        return Settings.resolve(null, Map.of(), flags);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
