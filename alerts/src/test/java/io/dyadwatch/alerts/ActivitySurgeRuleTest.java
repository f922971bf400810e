package io.dyadwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.alert.AlertStatus;
import io.dyadwatch.model.assessment.Assessment;
import io.dyadwatch.model.json.JsonSerde;
import io.dyadwatch.model.settings.CommonSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivitySurgeRuleTest {

    @TempDir
    Path state;

    private TopologyTestDriver driver(SimpleMeterRegistry registry) {
        CommonSettings common = new CommonSettings(Map.of());
        AlertsSettings settings = new AlertsSettings(Map.of(AlertsSettings.STATE_DIR, state.toString(),
                AlertsSettings.SURGE_THRESHOLD, "2"));
        return new TopologyTestDriver(AlertsTopology.build(common, settings, registry),
                AlertsTopology.properties(common, settings, Map.of()));
    }

    private static Assessment assessment(String period, long events, long revision) {
        return new Assessment("CHN-RUS", period, revision, Instant.parse("2024-01-01T00:00:00Z"), events, Map.of(),
                Map.of(), Map.of(), Map.of(), List.of(), List.of());
    }

    @Test
    void shouldFireOnceAtTheThresholdAndResolveWhenTheNextPeriodBegins() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (TopologyTestDriver driver = driver(registry)) {
            TestInputTopic<String, Assessment> in = driver.createInputTopic("dyadwatch.assessments",
                    new StringSerializer(), new JsonSerde<>(Assessment.class).serializer());
            TestOutputTopic<String, Alert> out = driver.createOutputTopic("dyadwatch.alerts", new StringDeserializer(),
                    new JsonSerde<>(Alert.class).deserializer());

            in.pipeInput("CHN-RUS", assessment("2023-Q1", 1, 1));
            in.pipeInput("CHN-RUS", assessment("2023-Q1", 2, 2));
            in.pipeInput("CHN-RUS", assessment("2023-Q1", 3, 3));
            in.pipeInput("CHN-RUS", assessment("2023-Q2", 1, 4));

            List<Alert> alerts = out.readValuesToList();
            assertThat(alerts).extracting(Alert::status).containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
            assertThat(alerts.get(0).fingerprint()).isEqualTo(alerts.get(1).fingerprint());
            assertThat(alerts.get(1).endsAt()).isNotNull();
            assertThat(registry.get("dyadwatch.alerts.fired").counter().count()).isEqualTo(1.0);
        }
    }

    @Test
    void shouldNotFireAgainForThePeriodAfterALateRevision() {
        try (TopologyTestDriver driver = driver(new SimpleMeterRegistry())) {
            TestInputTopic<String, Assessment> in = driver.createInputTopic("dyadwatch.assessments",
                    new StringSerializer(), new JsonSerde<>(Assessment.class).serializer());
            TestOutputTopic<String, Alert> out = driver.createOutputTopic("dyadwatch.alerts", new StringDeserializer(),
                    new JsonSerde<>(Alert.class).deserializer());

            in.pipeInput("CHN-RUS", assessment("2023-Q1", 2, 1));
            in.pipeInput("CHN-RUS", assessment("2023-Q2", 0, 2));
            in.pipeInput("CHN-RUS", assessment("2023-Q2", 0, 3));

            assertThat(out.readValuesToList()).extracting(Alert::status)
                    .containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
        }
    }

    @Test
    void shouldGiveTheSameFingerprintForTheSameRuleDyadAndSubject() {
        assertThat(Fingerprint.of("r", "CHN-RUS", "2023-Q1")).isEqualTo(Fingerprint.of("r", "CHN-RUS", "2023-Q1"))
                .hasSize(16).isNotEqualTo(Fingerprint.of("r", "CHN-RUS", "2023-Q2"));
    }
}
