package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dyadwatch.app.wiring.Services;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.json.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** The same scenario as the embedded-broker tests, against the apache/kafka image; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class TestcontainersPipelineIT {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @TempDir
    Path dir;

    @Test
    void shouldFireAnAlertFromEventsOnTheContainerBroker() throws Exception {
        Settings settings = Settings.resolve(null, Map.of(), Map.of(
                "bootstrap.servers", KAFKA.getBootstrapServers(),
                "streams.state.dir", dir.resolve("s").toString(),
                "alerts.state.dir", dir.resolve("a").toString(),
                "http.port", "0"));
        try (Services services = Services.start(settings, List.of(Services.Part.STREAMS, Services.Part.ALERTS))) {
            assertThat(services.streamsServices()).hasSize(2);
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers());
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>("dyadwatch.events", "CHN-RUS",
                        TestEvents.treaty("tc1", "2019-07-01", "RUS", "CHN").getBytes(StandardCharsets.UTF_8))).get();
            }
            Properties consumerProps = new Properties();
            consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers());
            consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "tc-reader");
            consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            List<Alert> alerts = new ArrayList<>();
            try (KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(),
                    new JsonSerde<>(Alert.class).deserializer())) {
                consumer.subscribe(List.of("dyadwatch.alerts"));
                await().atMost(Duration.ofSeconds(90)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> alerts.add(r.value()));
                    return !alerts.isEmpty();
                });
            }
            assertThat(alerts.get(0).dyad()).isEqualTo("CHN-RUS");
            assertThat(alerts.get(0).evidence().get(0).id()).isEqualTo("tc1");
        }
    }
}
