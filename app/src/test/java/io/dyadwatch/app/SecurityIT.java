package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dyadwatch.app.broker.EmbeddedBroker;
import io.dyadwatch.app.wiring.ProcessingProgress;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.app.wiring.TopicAdmin;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka client security and HTTP authentication, end to end. The broker's only client listener requires SASL
 * (PLAIN), so every Kafka client DyadWatch creates must take the {@code kafka.*} settings: the publisher, both
 * Kafka Streams applications with their internal clients, the admin clients, the alert console and feed, the
 * webhook sink and {@code alerts tail}. A wrong password fails with one readable line and exit code 3. The
 * HTTP API wants the bearer token on every /v1 route, limits request sizes, and no secret reaches a log.
 */
class SecurityIT {

    private static final String USER = "dyadwatch";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldRunEndToEndWithSaslAndBearerTokenAndKeepSecretsOutOfOutput() throws Exception {
        String password = "pw-" + UUID.randomUUID();
        String wrongPassword = "wrong-" + UUID.randomUUID();
        String token = "tok-" + UUID.randomUUID();
        TestIds ids = TestIds.unique("security");
        try (EmbeddedBroker broker = EmbeddedBroker.startWithSasl(0, null, Map.of(USER, password));
             WebhookReceiver webhook = new WebhookReceiver()) {
            Path good = config(broker, "good.properties", password);
            Path bad = config(broker, "bad.properties", wrongPassword);
            List<String> common = List.of("--config", good.toString(), "--set", "topic.prefix=" + ids.prefix());

            // a wrong password: one readable line, the documented exit code, no secret
            StringWriter refusedOut = new StringWriter();
            StringWriter refusedErr = new StringWriter();
            Path events = Files.writeString(dir.resolve("events.jsonl"), String.join("\n",
                    TestEvents.event("s1", "LEADER_EXCHANGE", "2024-06-18", "RUS", "PRK"),
                    Replay.treaty("s2", "RUS:PRK")) + "\n");
            int refusedExit = Main.execute(new PrintWriter(refusedOut), new PrintWriter(refusedErr), "publish",
                    "--config", bad.toString(), "--set", "topic.prefix=" + ids.prefix(), events.toString());
            assertThat(refusedExit).isEqualTo(Main.EXIT_KAFKA);
            assertThat(refusedErr.toString().strip()).doesNotContain("\n").containsIgnoringCase("authentication")
                    .doesNotContain("\tat ").doesNotContain(wrongPassword).doesNotContain(password);
            assertThat(refusedOut.toString()).doesNotContain(wrongPassword);

            List<String> args = new ArrayList<>(common);
            args.addAll(List.of("--set", "streams.application.id=" + ids.streamsAppId(),
                    "--set", "alerts.application.id=" + ids.alertsAppId(),
                    "--set", "streams.state.dir=" + dir.resolve("streams-state"),
                    "--set", "alerts.state.dir=" + dir.resolve("alerts-state"),
                    "--set", "http.max.body.bytes=8192",
                    "--webhook-url", webhook.url(),
                    "--http-port", "0"));
            // Kafka's configuration dumps at INFO: secrets must show as [hidden] even there
            try (PipelineProcess run = PipelineProcess.start(PipelineProcess.logFile("security-run"),
                    Map.of("DYADWATCH_INGEST_TOKEN", token),
                    List.of("-Dorg.slf4j.simpleLogger.log.org.apache.kafka.common.config=info"), args)) {

                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                List<String> publish = new ArrayList<>(List.of("publish"));
                publish.addAll(common);
                publish.add(events.toString());
                assertThat(Main.execute(new PrintWriter(out), new PrintWriter(err), publish.toArray(String[]::new)))
                        .as("publish: %s %s", out, err).isZero();

                Map<String, String> client = EmbeddedBroker.saslPlainClientProperties(USER, password);
                try (CommittedReader alerts = new CommittedReader(broker.bootstrapServers(), client, ids.prefix() + "alerts")) {
                    await().atMost(Duration.ofSeconds(60)).until(() -> !Replay.signatureFingerprints(alerts.poll()).isEmpty());
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> !webhook.payloads().isEmpty()
                        && run.output().contains("[FIRING] CRITICAL PRK-RUS"));
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        get(run.baseUrl() + "/v1/alerts", "Bearer " + token).body().contains("signature-event"));
                assertThat(get(run.baseUrl() + "/v1/assessments/PRK-RUS", "Bearer " + token).statusCode()).isEqualTo(200);

                StringWriter tail = new StringWriter();
                List<String> tailArgs = new ArrayList<>(List.of("alerts", "tail"));
                tailArgs.addAll(common);
                assertThat(Main.execute(new PrintWriter(tail), new PrintWriter(err), tailArgs.toArray(String[]::new))).isZero();
                assertThat(tail.toString()).contains("PRK-RUS").contains("FIRING");

                Settings settings = Settings.resolve(good, Map.of(), Map.of("topic.prefix", ids.prefix(),
                        "streams.application.id", ids.streamsAppId()));
                try (ProcessingProgress progress = new ProcessingProgress(
                        TopicAdmin.adminProperties(settings.common(), settings.kafkaOverrides()))) {
                    await().atMost(Duration.ofSeconds(30)).until(() ->
                            progress.lag(ids.streamsAppId(), List.of(ids.prefix() + "events")) == 0);
                }

                // HTTP: the token on every /v1 route; /health and /metrics stay open for probes and scrapers
                String base = run.baseUrl();
                for (String route : List.of("/v1/assessments", "/v1/assessments/CHN-RUS", "/v1/alerts",
                        "/v1/dyads/CHN-RUS/history", "/v1/dyads/CHN-RUS/indicators", "/v1/dyads/CHN-RUS/events")) {
                    for (String authorization : new String[] {null, "Bearer wrong", "Basic " + token, token}) {
                        HttpResponse<String> response = get(base + route, authorization);
                        assertThat(response.statusCode()).as("%s with %s", route, authorization).isEqualTo(401);
                        assertThat(response.body()).doesNotContain(token);
                    }
                    assertThat(get(base + route, "Bearer " + token).statusCode()).as(route).isIn(200, 404);
                }
                String event = TestEvents.event("s3", "LEADER_EXCHANGE", "2024-06-20", "RUS", "PRK");
                assertThat(post(base + "/v1/events", event, null).statusCode()).isEqualTo(401);
                assertThat(post(base + "/v1/events", event, "Bearer " + token + "x").statusCode()).isEqualTo(401);
                assertThat(post(base + "/v1/events", event, "Bearer " + token).statusCode()).isEqualTo(202);
                HttpResponse<String> tooLarge = post(base + "/v1/events", "[" + (event + ",").repeat(60) + event + "]",
                        "Bearer " + token);
                assertThat(tooLarge.statusCode()).isEqualTo(413);
                assertThat(get(base + "/health", null).statusCode()).isEqualTo(200);
                assertThat(get(base + "/metrics", null).statusCode()).isEqualTo(200);

                run.kill();
                String logged = run.output() + out + err + tail;
                assertThat(logged).contains("sasl.jaas.config = [hidden]").doesNotContain(password).doesNotContain(token);
                assertThat(Files.readString(good, StandardCharsets.UTF_8)).contains(password);
            }
        }
    }

    /** A settings file holding the Kafka credentials, as operators keep them (not on the command line). */
    private Path config(EmbeddedBroker broker, String name, String password) throws Exception {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("bootstrap.servers", broker.bootstrapServers());
        lines.put("admin.timeout.ms", "10000");
        EmbeddedBroker.saslPlainClientProperties(USER, password).forEach((k, v) -> lines.put("kafka." + k, v));
        StringBuilder text = new StringBuilder();
        lines.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return Files.writeString(dir.resolve(name), text.toString());
    }

    private HttpResponse<String> get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
