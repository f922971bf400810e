package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.junit.jupiter.api.Test;

/**
 * {@code dyadwatch ingest} (the compose ingest service) in a JVM of its own: it takes events over HTTP and
 * publishes them, and runs neither the topology nor the alert rules.
 */
class IngestCommandIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldPublishPostedEventsWithoutJoiningTheStreamsOrAlertsApplications() throws Exception {
        TestIds ids = TestIds.unique("ingest");
        try (PipelineProcess ingest = PipelineProcess.start("ingest", PipelineProcess.logFile("ingest-command"),
                Map.of(), List.of(), List.of("--bootstrap-servers", SharedKafka.bootstrapServers(), "--http-port", "0",
                        "--set", "topic.prefix=" + ids.prefix(), "--set", "streams.application.id=" + ids.streamsAppId(),
                        "--set", "alerts.application.id=" + ids.alertsAppId()));
                CommittedReader events = new CommittedReader(SharedKafka.bootstrapServers(), Map.of(),
                        ids.prefix() + "events")) {
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(ingest.baseUrl() + "/v1/events"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(TestEvents.event("ing-1", "JOINT_EXERCISE", "2024-07-15")))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> events.poll().stream()
                    .anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains("ing-1")));
            assertThat(get(ingest, "/health").statusCode()).isEqualTo(200);
            assertThat(get(ingest, "/v1/assessments").statusCode()).as("no topology here").isEqualTo(503);
            String metrics = get(ingest, "/metrics").body();
            assertThat(metrics).contains("kafka_producer_record_send_total").doesNotContain("kafka_stream_");
            assertThat(ingest.output()).contains("dyadwatch ingest running against").doesNotContain("watch floor:");
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    SharedKafka.bootstrapServers()))) {
                assertThat(admin.listGroups().all().get()).extracting(GroupListing::groupId)
                        .doesNotContain(ids.streamsAppId(), ids.alertsAppId());
            }
            assertThat(ingest.stop()).as("stops on SIGTERM (143: the JVM's status after it)").isIn(0, 143);
            assertThat(ingest.isAlive()).isFalse();
        }
    }

    private HttpResponse<String> get(PipelineProcess process, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(process.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
