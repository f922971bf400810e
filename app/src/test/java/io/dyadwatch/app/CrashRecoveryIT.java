package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dyadwatch.app.wiring.ProcessingProgress;
import io.dyadwatch.app.wiring.Settings;
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
 * A crash in the middle of a replay: {@code dyadwatch run} in its own JVM is killed with SIGKILL while it
 * processes, more events (and re-sent duplicates) arrive while it is down, and a restarted process finishes the
 * work. Every event must be counted exactly once in the indicators, and every alert published exactly once,
 * as an independent read_committed consumer sees them.
 */
class CrashRecoveryIT {

    @TempDir
    Path dir;

    @Test
    void shouldCountEveryEventAndPublishEveryAlertExactlyOnceAcrossASigkill() throws Exception {
        TestIds ids = TestIds.unique("crash");
        Settings settings = settings(ids);
        TopicAdmin.ensureTopics(settings.common(), Map.of());
        Replay replay = new Replay(settings);

        List<String> before = new ArrayList<>(Replay.events("c", 1500, 7));
        before.add(400, Replay.treaty("t-rus-chn", "RUS:CHN"));
        before.add(1200, Replay.treaty("t-rus-irn", "RUS:IRN"));
        List<String> whileDown = new ArrayList<>(Replay.events("d", 250, 8));
        whileDown.add(Replay.treaty("t-chn-irn", "CHN:IRN"));
        whileDown.add(Replay.treaty("t-rus-prk", "RUS:PRK"));
        whileDown.addAll(before.subList(0, 150)); // re-sent reports: already counted, must not count again
        List<String> all = new ArrayList<>(before);
        all.addAll(whileDown);
        Map<String, Long> expected = replay.expectedIndicatorCounts(all);
        assertThat(replay.expectedSignatureFingerprints(all)).hasSize(4);

        // the first part ends with a treaty: its alert shows the pipeline at work before the rest arrives
        List<String> firstPart = before.subList(0, 401);
        List<String> secondPart = before.subList(401, before.size());
        Replay.publish(settings, firstPart);
        String assessments = ids.prefix() + "assessments";
        try (CommittedReader indicators = new CommittedReader(SharedKafka.bootstrapServers(), Map.of(), ids.prefix() + "indicators");
             CommittedReader alerts = new CommittedReader(SharedKafka.bootstrapServers(), Map.of(), ids.prefix() + "alerts");
             CommittedReader assessed = new CommittedReader(SharedKafka.bootstrapServers(), Map.of(), assessments);
             ProcessingProgress progress = new ProcessingProgress(TopicAdmin.adminProperties(settings.common(), Map.of()))) {

            PipelineProcess first = PipelineProcess.start(PipelineProcess.logFile("crash-first"), Map.of(), List.of(), args(ids));
            // in the middle of the replay: assessments and an alert committed, then more events arrive and the
            // process is killed while it works on them (assessments are coalesced, so their number says little)
            await().atMost(Duration.ofSeconds(90)).until(() -> !assessed.poll().isEmpty() && !alerts.poll().isEmpty());
            Replay.publish(settings, secondPart);
            first.kill();

            long unprocessed = progress.lag(ids.streamsAppId(), List.of(ids.prefix() + "events"));
            assertThat(unprocessed).as("events not yet committed when the process was killed").isPositive();
            Replay.publish(settings, whileDown);

            try (PipelineProcess second = PipelineProcess.start(PipelineProcess.logFile("crash-second"), Map.of(), List.of(), args(ids))) {
                await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                    indicators.poll();
                    assertThat(Replay.indicatorCounts(indicators.latest())).isEqualTo(expected);
                });
                await().atMost(Duration.ofSeconds(60)).until(() ->
                        progress.lag(ids.streamsAppId(), List.of(ids.prefix() + "events")) == 0
                                && Replay.signatureFingerprints(alerts.poll()).size() == 4);
                indicators.poll();
                assertThat(Replay.indicatorCounts(indicators.latest())).isEqualTo(expected);
                Replay.assertAlertsPublishedExactlyOnce(alerts.poll(), replay.expectedSignatureFingerprints(all));
                assertThat(second.isAlive()).isTrue();
                assertThat(second.output()).doesNotContain("stopped on an unexpected error");
                second.kill();
            }
        }
    }

    private Settings settings(TestIds ids) {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("bootstrap.servers", SharedKafka.bootstrapServers());
        flags.put("topic.prefix", ids.prefix());
        flags.put("streams.application.id", ids.streamsAppId());
        flags.put("alerts.application.id", ids.alertsAppId());
        return Settings.resolve(null, Map.of(), flags);
    }

    private List<String> args(TestIds ids) {
        return List.of("--bootstrap-servers", SharedKafka.bootstrapServers(),
                "--set", "topic.prefix=" + ids.prefix(),
                "--set", "streams.application.id=" + ids.streamsAppId(),
                "--set", "alerts.application.id=" + ids.alertsAppId(),
                "--set", "streams.state.dir=" + dir.resolve("streams-state"),
                "--set", "alerts.state.dir=" + dir.resolve("alerts-state"),
                // a killed member leaves no goodbye: the group waits one session timeout before rebalancing
                "--set", "kafka.session.timeout.ms=6000",
                "--set", "kafka.heartbeat.interval.ms=1500",
                "--http-port", "0");
    }
}
