package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dyadwatch.app.wiring.Services;
import io.dyadwatch.app.wiring.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A non-Java client (kcat, librdkafka) writes events to the topic and reads alerts back: the broker and the
 * JSON are usable by any client. .ci/run installs kcat; the test is skipped only where it is absent.
 */
class KcatIT {

    @TempDir
    Path dir;

    @Test
    void shouldTurnEventsWrittenWithKcatIntoAlertsReadableWithKcat() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/kcat")), "kcat is not installed (.ci/run installs it)");
        TestIds ids = TestIds.unique("kcat");
        Map<String, String> flags = ids.flags(SharedKafka.bootstrapServers(), dir);
        try (Services services = Services.start(Settings.resolve(null, Map.of(), flags),
                List.of(Services.Part.STREAMS, Services.Part.ALERTS))) {
            assertThat(services.streamsServices()).as("one application judges and alerts").hasSize(1);
            Path input = Files.writeString(dir.resolve("events.jsonl"), String.join("\n",
                    TestEvents.event("k1", "JOINT_EXERCISE", "2022-05-24"),
                    TestEvents.event("k2", "COMBINED_PATROL", "2022-05-24"),
                    TestEvents.treaty("k3", "2022-06-15", "RUS", "CHN")) + "\n");

            Process producer = new ProcessBuilder("kcat", "-P", "-b", SharedKafka.bootstrapServers(),
                    "-t", ids.prefix() + "events", "-l", input.toString()).redirectErrorStream(true).start();
            assertThat(producer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(producer.exitValue()).isZero();

            List<String> alerts = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                alerts.clear();
                alerts.addAll(consume(ids.prefix() + "alerts"));
                return alerts.stream().anyMatch(line -> line.contains("\"FIRING\""));
            });
            assertThat(alerts).anyMatch(line -> line.contains("\"dyad\":\"CHN-RUS\"") && line.contains("signature-event"));
        }
    }

    private static List<String> consume(String topic) throws IOException, InterruptedException {
        Process consumer = new ProcessBuilder("kcat", "-C", "-b", SharedKafka.bootstrapServers(), "-t", topic,
                "-o", "beginning", "-e", "-q", "-X", "isolation.level=read_committed").start();
        byte[] output = consumer.getInputStream().readAllBytes();
        consumer.waitFor(30, TimeUnit.SECONDS);
        return new String(output, StandardCharsets.UTF_8).lines().toList();
    }
}
