package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dyadwatch.app.wiring.ProcessingProgress;
import io.dyadwatch.app.wiring.Services;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.app.wiring.StreamsService;
import io.dyadwatch.app.wiring.TopicAdmin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on a three-node KRaft cluster (replication factor 3, {@code min.insync.replicas} 2): one node is
 * stopped while events are judged and started again later. Every event is counted once, every alert is published
 * once, and the alerts are exactly, content and all, those of a clean run on a single broker fed the same events.
 */
class ClusterFailoverIT {

    @TempDir
    Path dir;

    @Test
    void shouldJudgeEveryEventOnceAndRaiseTheAlertsOfASingleBrokerRunWhenANodeDiesAndComesBack() throws Exception {
        List<List<String>> parts = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            List<String> part = new ArrayList<>(Replay.events("n" + p, 600, 200 + p));
            part.add(300, Replay.treaty("t" + p, Replay.PAIRS.get(p)));
            parts.add(part);
        }
        parts.get(2).addAll(parts.get(0).subList(0, 50)); // re-sent reports: counted once
        List<String> all = parts.stream().flatMap(List::stream).toList();
        TestIds ids = TestIds.unique("cluster");

        Map<String, List<com.fasterxml.jackson.databind.JsonNode>> clusterAlerts;
        try (ThreeNodeCluster cluster = ThreeNodeCluster.start(dir.resolve("cluster"))) {
            Settings settings = settings(ids, cluster.bootstrapServers(), "3", "on-cluster");
            TopicAdmin.ensureTopics(settings.common(), Map.of());
            Replay replay = new Replay(settings);
            String events = ids.prefix() + "events";
            try (Services services = Services.start(settings, List.of(Services.Part.STREAMS));
                    CommittedReader alerts = new CommittedReader(cluster.bootstrapServers(), Map.of(),
                            ids.prefix() + "alerts");
                    CommittedReader indicators = new CommittedReader(cluster.bootstrapServers(), Map.of(),
                            ids.prefix() + "indicators");
                    ProcessingProgress progress = new ProcessingProgress(TopicAdmin.adminProperties(
                            settings.common(), Map.of()))) {
                Replay.publish(settings, parts.get(0));
                long sent = progress.lag(ids.streamsAppId(), List.of(events));
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                        .until(() -> progress.lag(ids.streamsAppId(), List.of(events)) < sent);
                cluster.stopNode(1); // mid-stream
                System.out.println("cluster: node 2 stopped, lag " + progress.lag(ids.streamsAppId(), List.of(events)));

                Replay.publish(settings, parts.get(1)); // acks=all: two in-sync replicas are enough
                await().atMost(Duration.ofSeconds(180)).until(() ->
                        progress.lag(ids.streamsAppId(), List.of(events)) == 0);
                System.out.println("cluster: caught up with node 2 down");
                cluster.startNode(1);
                System.out.println("cluster: node 2 back");

                Replay.publish(settings, parts.get(2));
                await().atMost(Duration.ofSeconds(180)).until(() ->
                        progress.lag(ids.streamsAppId(), List.of(events)) == 0);
                indicators.readToEnd();
                assertThat(Replay.indicatorCounts(indicators.latest())).isEqualTo(replay.expectedIndicatorCounts(all));
                Replay.assertAlertsPublishedExactlyOnce(alerts.readToEnd(), replay.expectedSignatureFingerprints(all));
                assertThat(services.streamsServices()).extracting(StreamsService::failure).containsOnlyNulls();
            }
            clusterAlerts = Replay.alertContents(cluster.bootstrapServers(), ids.prefix() + "alerts");
        }

        TestIds single = TestIds.unique("single");
        Settings settings = settings(single, SharedKafka.bootstrapServers(), "1", "single");
        TopicAdmin.ensureTopics(settings.common(), Map.of());
        for (List<String> part : parts) {
            Replay.publish(settings, part);
        }
        try (Services services = Services.start(settings, List.of(Services.Part.STREAMS));
                ProcessingProgress progress = new ProcessingProgress(TopicAdmin.adminProperties(settings.common(),
                        Map.of()))) {
            await().atMost(Duration.ofSeconds(180)).until(() ->
                    progress.lag(single.streamsAppId(), List.of(single.prefix() + "events")) == 0);
            assertThat(services.streamsServices()).hasSize(1);
        }
        assertThat(clusterAlerts).isNotEmpty()
                .isEqualTo(Replay.alertContents(SharedKafka.bootstrapServers(), single.prefix() + "alerts"));
    }

    private Settings settings(TestIds ids, String bootstrap, String replication, String name) {
        Map<String, String> flags = new LinkedHashMap<>(ids.flags(bootstrap, dir.resolve(name)));
        flags.put("topic.replication.factor", replication);
        flags.put("streams.clock", "event");
        return Settings.resolve(null, Map.of(), flags);
    }
}
