package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dyadwatch.alerts.Fingerprint;
import io.dyadwatch.app.wiring.ProcessingProgress;
import io.dyadwatch.app.wiring.Services;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.app.wiring.TopicAdmin;
import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.alert.AlertStatus;
import io.dyadwatch.model.alert.Severity;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upgrade from the separate alert-rules application: the alerts it fired are carried over into the topology's
 * stores before its first start, so they are neither raised nor sent again, and resolve when their condition clears.
 */
class AlertUpgradeIT {

    private static final String FINGERPRINT = Fingerprint.of("signature-event", "CHN-RUS", "formal-alliance");

    @TempDir
    Path dir;

    @Test
    void shouldNotRaiseAgainAnAlertTheFormerRulesFiredAndResolveItWhenItsConditionClears() throws Exception {
        TestIds ids = TestIds.unique("upgrade");
        Settings settings = settings(ids);
        TopicAdmin.ensureTopics(settings.common(), Map.of());
        formerAlertState(ids, settings);
        resumingTopology(ids, settings);

        try (Services services = Services.start(settings, List.of(Services.Part.STREAMS));
                CommittedReader alerts = new CommittedReader(SharedKafka.bootstrapServers(), Map.of(),
                        ids.prefix() + "alerts");
                ProcessingProgress progress = new ProcessingProgress(TopicAdmin.adminProperties(settings.common(),
                        Map.of()))) {
            assertThat(services.streamsServices()).hasSize(1);
            // the same treaty again (as a replay would bring it): the carried-over alert still fires, no new one
            Replay.publish(settings, List.of(TestEvents.treaty("again", "2022-06-15", "RUS", "CHN"),
                    // two quarters later the signature alert is over: it resolves
                    TestEvents.event("later", "JOINT_EXERCISE", "2022-11-02")));
            await().atMost(Duration.ofSeconds(90)).until(() ->
                    progress.lag(ids.streamsAppId(), List.of(ids.prefix() + "events")) == 0
                            && alerts.poll().stream().anyMatch(r -> r.key().equals(FINGERPRINT)));
            List<ConsumerRecord<String, byte[]>> records = alerts.poll().stream()
                    .filter(r -> r.key().equals(FINGERPRINT)).toList();
            assertThat(records).hasSize(1);
            Alert resolved = Json.MAPPER.readValue(records.get(0).value(), Alert.class);
            assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(resolved.summary()).as("the alert the former rules fired").isEqualTo("fired before the upgrade");
        }
    }

    @Test
    void shouldRefuseToStartWhileTheFormerRulesHaveAssessmentsLeftToJudge() throws Exception {
        TestIds ids = TestIds.unique("upgrade-lag");
        Settings settings = settings(ids);
        TopicAdmin.ensureTopics(settings.common(), Map.of());
        formerAlertState(ids, settings);
        resumingTopology(ids, settings);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(ids.prefix() + "assessments", "CHN-RUS".getBytes(StandardCharsets.UTF_8),
                    "{}".getBytes(StandardCharsets.UTF_8))).get();
        }

        assertThatThrownBy(() -> Services.start(settings, List.of(Services.Part.STREAMS)))
                .hasMessageContaining("have not judged 1 published assessment(s)");
    }

    @Test
    void shouldCarryNothingOverWhenANewApplicationIdReplaysTheEventsFromTheBeginning() throws Exception {
        TestIds ids = TestIds.unique("upgrade-replay");
        Settings settings = settings(ids);
        TopicAdmin.ensureTopics(settings.common(), Map.of());
        formerAlertState(ids, settings);

        try (Services services = Services.start(settings, List.of(Services.Part.STREAMS));
                CommittedReader alerts = new CommittedReader(SharedKafka.bootstrapServers(), Map.of(),
                        ids.prefix() + "alerts");
                ProcessingProgress progress = new ProcessingProgress(TopicAdmin.adminProperties(settings.common(),
                        Map.of()))) {
            assertThat(services.streamsServices()).hasSize(1);
            Replay.publish(settings, List.of(TestEvents.treaty("first", "2022-06-15", "RUS", "CHN")));
            await().atMost(Duration.ofSeconds(90)).until(() ->
                    progress.lag(ids.streamsAppId(), List.of(ids.prefix() + "events")) == 0
                            && alerts.poll().stream().anyMatch(r -> r.key().equals(FINGERPRINT)));
            assertThat(alerts.readToEnd()).filteredOn(r -> r.key().equals(FINGERPRINT)).singleElement()
                    .satisfies(r -> assertThat(Json.MAPPER.readValue(r.value(), Alert.class).status())
                            .as("judged from no alert at all: it fires").isEqualTo(AlertStatus.FIRING));
        }
    }

    /** The topology's group has committed offsets: it resumes (its analyst state kept), as after an upgrade. */
    private static void resumingTopology(TestIds ids, Settings settings) throws Exception {
        Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> offsets =
                new java.util.HashMap<>();
        for (int p = 0; p < settings.common().partitions(); p++) {
            offsets.put(new org.apache.kafka.common.TopicPartition(ids.prefix() + "events", p),
                    new org.apache.kafka.clients.consumer.OffsetAndMetadata(0));
        }
        try (Admin admin = Admin.create(TopicAdmin.adminProperties(settings.common(), Map.of()))) {
            admin.alterConsumerGroupOffsets(ids.streamsAppId(), offsets).all().get();
        }
    }

    private Settings settings(TestIds ids) {
        Map<String, String> flags = new LinkedHashMap<>(ids.flags(SharedKafka.bootstrapServers(), dir));
        flags.put("streams.clock", "event");
        return Settings.resolve(null, Map.of(), flags);
    }

    /** What the former rules left in their changelog: the treaty's signature alert, firing. */
    private static void formerAlertState(TestIds ids, Settings settings) throws Exception {
        String changelog = ids.alertsAppId() + "-alert-states-changelog";
        try (Admin admin = Admin.create(TopicAdmin.adminProperties(settings.common(), Map.of()))) {
            admin.createTopics(List.of(new NewTopic(changelog, 3, (short) 1).configs(
                    Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();
        }
        Alert alert = new Alert(Alert.VERSION, FINGERPRINT, AlertStatus.FIRING, "signature-event", "CHN-RUS",
                Scenario.STRENGTHENING, Severity.CRITICAL, Instant.parse("2026-01-01T00:00:00Z"), null,
                "fired before the upgrade", "", Map.of(), Map.of(), null, List.of(), List.of(), "formal-alliance",
                "2022-Q2", 1L);
        ObjectNode state = Json.MAPPER.createObjectNode();
        state.set("alert", Json.MAPPER.valueToTree(alert));
        state.put("firing", true);
        state.put("pendingSince", 0L);
        state.put("period", "2022-Q2");
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(changelog, 1, FINGERPRINT.getBytes(StandardCharsets.UTF_8),
                    Json.MAPPER.writeValueAsBytes(state))).get();
        }
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
