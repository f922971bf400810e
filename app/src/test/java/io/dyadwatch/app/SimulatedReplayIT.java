package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dyadwatch.app.wiring.Services;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.model.assessment.Assessment;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.json.JsonSerde;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator's stream, published with {@code ./dyadwatch simulate --publish}, replayed by the pipeline on a real
 * broker: the assessments topic ends up moving toward the scenario the events were drawn from.
 */
class SimulatedReplayIT {

    @TempDir
    Path dir;

    @Test
    void shouldMoveTheAssessmentTowardTheScenarioTheSimulatedEventsWereDrawnFrom() throws Exception {
        TestIds ids = TestIds.unique("simulated");
        Map<String, String> flags = new HashMap<>();
        flags.put("bootstrap.servers", SharedKafka.bootstrapServers());
        flags.put("topic.prefix", ids.prefix());
        flags.put("dyads", "CHN-RUS");
        flags.put("streams.application.id", ids.streamsAppId());
        flags.put("alerts.application.id", ids.alertsAppId());
        flags.put("streams.state.dir", dir.resolve("s").toString());
        flags.put("alerts.state.dir", dir.resolve("a").toString());
        flags.put("streams.clock", "event");
        flags.put("http.port", "0");
        try (Services services = Services.start(Settings.resolve(null, Map.of(), flags),
                List.of(Services.Part.STREAMS, Services.Part.ALERTS))) {
            assertThat(services.streamsServices()).as("one application judges and alerts").hasSize(1);
            StringWriter out = new StringWriter();
            int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "simulate",
                    "--bootstrap-servers", SharedKafka.bootstrapServers(), "--set", "topic.prefix=" + ids.prefix(),
                    "--scenario", "STRENGTHENING", "--from", "2020-01-01", "--to", "2022-04-01", "--seed", "5",
                    "--publish");
            assertThat(exit).as(out.toString()).isZero();
            assertThat(out.toString()).contains("events published");

            Map<String, Assessment> latest = new HashMap<>();
            try (KafkaConsumer<String, Assessment> consumer = consumer()) {
                consumer.subscribe(List.of(ids.prefix() + "assessments"));
                await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> latest.merge(r.key(), r.value(),
                            (a, b) -> b.revision() >= a.revision() ? b : a));
                    Assessment last = latest.get("CHN-RUS");
                    assertThat(last).isNotNull();
                    assertThat(last.period()).isGreaterThanOrEqualTo("2022-Q1");
                    // nine quarters of STRENGTHENING: well under the median delay of a whole-scenario shift at the
                    // false-alarm budget (docs/model.md, section 9), so the statistic moves toward it, not yet over
                    assertThat(last.changeStatistics().get(Scenario.STRENGTHENING))
                            .isGreaterThan(last.changeStatistics().get(Scenario.WEAKENING)).isPositive();
                    assertThat(last.trailingProbabilities().get(Scenario.STRENGTHENING)).as("above its prior, 0.25")
                            .isGreaterThan(0.25);
                });
            }
        }
    }

    private static KafkaConsumer<String, Assessment> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(), new JsonSerde<>(Assessment.class).deserializer());
    }
}
