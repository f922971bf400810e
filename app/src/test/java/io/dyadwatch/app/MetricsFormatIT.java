package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dyadwatch.app.ExternalTools.Result;
import io.dyadwatch.app.wiring.Services;
import io.dyadwatch.app.wiring.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code promtool check metrics} (Debian package prometheus) on the /metrics text of a running DyadWatch that has
 * processed events, accepted and dead-lettered ones and an alert: it must report nothing. Skipped without promtool.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsFormatIT {

    @TempDir
    static Path dir;

    private Services services;
    private Result promtool;
    private String scraped;

    @BeforeAll
    void scrapeAndCheck() throws Exception {
        Path binary = ExternalTools.find("promtool").orElse(null);
        Assumptions.assumeTrue(binary != null, "promtool not found: install the Debian package prometheus");
        TestIds ids = TestIds.unique("metricsformat");
        Map<String, String> flags = ids.flags(SharedKafka.bootstrapServers(), dir);
        services = Services.start(Settings.resolve(null, Map.of(), flags),
                List.of(Services.Part.STREAMS, Services.Part.ALERTS, Services.Part.INGESTION));
        String base = "http://127.0.0.1:" + services.http().port();
        HttpClient http = HttpClient.newHttpClient();
        http.send(HttpRequest.newBuilder(URI.create(base + "/v1/events")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + TestEvents.event("m1", "JOINT_EXERCISE", "2024-05-02") + ","
                        + TestEvents.treaty("m2", "2024-05-03", "RUS", "CHN") + ",{\"id\":\"m3\"}]")).build(),
                HttpResponse.BodyHandlers.ofString());
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(ids.prefix() + "events", "raw", "{oops".getBytes(StandardCharsets.UTF_8))).get();
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            String text = services.registry().scrape();
            return text.contains("dyadwatch_events_dead_lettered_total") && text.contains("dyadwatch_alerts_fired_total")
                    && text.contains("dyadwatch_scenario_probability");
        });
        byte[] metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        scraped = new String(metrics, StandardCharsets.UTF_8);
        promtool = ExternalTools.run(List.of(binary.toString(), "check", "metrics"), dir, metrics, Duration.ofSeconds(60));
    }

    @Test
    void shouldExposeTheIngestProducersKafkaClientMetrics() {
        // the ingest producer has Kafka's default client id (producer-N); the topology's producers have theirs
        assertThat(scraped.lines().filter(l -> l.matches("kafka_producer_record_send_total\\{.*client_id=\"producer-\\d+\".*")))
                .as("Micrometer's KafkaClientMetrics of the ingest producer").isNotEmpty();
    }

    @AfterAll
    void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void shouldReportNothingAboutDyadWatchsOwnMeters() {
        List<String> ours = promtool.output().lines().filter(line -> line.startsWith("dyadwatch_")).toList();

        assertThat(ours).as("promtool check metrics on the dyadwatch_* meters").isEmpty();
    }

    @Test
    void shouldReportNothingAboutAnyMeterOnTheEndpoint() {
        assertThat(promtool.output().lines().toList())
                .as("promtool check metrics on the whole /metrics output (exit %d)", promtool.exitCode()).isEmpty();
        assertThat(promtool.exitCode()).isZero();
    }
}
