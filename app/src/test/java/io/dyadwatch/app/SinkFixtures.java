package io.dyadwatch.app;

import io.dyadwatch.alerts.sink.SinkRunner;
import io.dyadwatch.alerts.sink.SinkRunners;
import io.dyadwatch.alerts.sink.SinkSettings;
import io.dyadwatch.app.wiring.TopicAdmin;
import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.alert.AlertStatus;
import io.dyadwatch.model.alert.Severity;
import io.dyadwatch.model.assessment.EvidenceItem;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.json.JsonSerde;
import io.dyadwatch.model.settings.CommonSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Alerts topic, alert records and sink runners for the sink integration tests, on the shared broker. */
final class SinkFixtures {

    final TestIds ids;
    final CommonSettings common;

    SinkFixtures(String testName) {
        ids = TestIds.unique(testName);
        common = new CommonSettings(Map.of("bootstrap.servers", SharedKafka.bootstrapServers(), "topic.prefix", ids.prefix()));
        TopicAdmin.ensureTopics(common, Map.of());
    }

    /** The runners for these sink settings (group ids unique to the test), started. */
    List<SinkRunner> startRunners(Map<String, String> sinkSettings, MeterRegistry registry) {
        Map<String, String> values = new HashMap<>(sinkSettings);
        values.put(SinkSettings.GROUP_ID_PREFIX, "it-" + ids.alertsAppId() + "-sink-");
        values.putIfAbsent(SinkSettings.RETRY_BACKOFF_MS, "100");
        values.putIfAbsent(SinkSettings.RETRY_BACKOFF_MAX_MS, "500");
        values.putIfAbsent(SinkSettings.HTTP_TIMEOUT_MS, "2000");
        List<SinkRunner> runners = SinkRunners.create(common, new SinkSettings(values), Map.of(), registry);
        runners.forEach(SinkRunner::start);
        return runners;
    }

    /** Writes the alerts, keyed by fingerprint, in one transaction, as the alert rules do. */
    void publish(Alert... alerts) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, common.bootstrapServers());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-" + UUID.randomUUID());
        try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(props, new StringSerializer(),
                new JsonSerde<>(Alert.class).serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (Alert alert : alerts) {
                producer.send(new ProducerRecord<>(common.topics().alerts().name(), alert.fingerprint(), alert));
            }
            producer.commitTransaction();
        }
    }

    /** A firing alert of a rule unique to the test, with two evidence items. */
    static Alert firing(String rule) {
        Instant startsAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        return new Alert(Alert.VERSION, "fp-" + UUID.randomUUID().toString().substring(0, 12), AlertStatus.FIRING, rule,
                "CHN-RUS", Scenario.STRENGTHENING, Severity.WARNING, startsAt, null,
                "CHN-RUS moves toward markedly strengthened cooperation", "Combined bomber patrols near Alaska.",
                Map.of(), Map.of(), 5.1,
                List.of(evidence("e1", "COMBINED_PATROL", "2024-07-24T00:00:00Z", "Combined bomber patrol off Alaska", "NORAD",
                                "https://example.org/norad", "A1"),
                        evidence("e2", "JOINT_EXERCISE", "2024-07-15T00:00:00Z", "Joint Sea-2024", "Xinhua", null, "B2")),
                List.of(), "STRENGTHENING", "2024-Q3", 17L);
    }

    /** A firing signature-event alert of CHN-RUS about the indicator, as the rule writes it (fingerprint by subject). */
    static Alert signature(String indicator) {
        Instant startsAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        return new Alert(Alert.VERSION, io.dyadwatch.alerts.Fingerprint.of("signature-event", "CHN-RUS", indicator),
                AlertStatus.FIRING, "signature-event", "CHN-RUS", Scenario.STRENGTHENING, Severity.CRITICAL, startsAt,
                null, "CHN-RUS signature event (" + indicator + ")", "", Map.of(), Map.of(), null, List.of(), List.of(),
                indicator, "2024-Q3", 42L);
    }

    static Alert resolved(Alert firing) {
        return firing.resolved(Instant.now().truncatedTo(ChronoUnit.SECONDS), "cleared");
    }

    /** Through JSON, so the fixture does not depend on the evidence record's constructor (optional fields may be added). */
    static EvidenceItem evidence(String id, String type, String occurredAt, String summary, String source, String url,
            String grade) {
        Map<String, Object> fields = new java.util.HashMap<>();
        fields.put("id", id);
        fields.put("type", type);
        fields.put("occurredAt", occurredAt);
        fields.put("summary", summary);
        fields.put("sourceName", source);
        if (url != null) {
            fields.put("url", url);
        }
        fields.put("grade", grade);
        fields.put("corroboration", 1);
        return io.dyadwatch.model.json.Json.MAPPER.convertValue(fields, EvidenceItem.class);
    }
}
