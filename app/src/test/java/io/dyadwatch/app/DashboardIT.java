package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadwatch.app.wiring.Services;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.model.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
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
 * The Grafana dashboard against a real Prometheus (Debian package prometheus) scraping a running DyadWatch fed
 * with events: every panel's and annotation's PromQL, read from deploy/grafana/dashboards/dyadwatch.json, returns
 * data. Skipped without the prometheus binary.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIT {

    private static final String DYAD = "CHN-RUS";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_]\\w*)\\}?");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([^,]+?)\\s*,\\s*(\\w+)\\s*\\)");

    @TempDir
    static Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private TestIds ids;
    private WebhookReceiver webhook;
    private Services services;
    private PrometheusProcess prometheus;

    @BeforeAll
    void start() throws Exception {
        Path binary = ExternalTools.find("prometheus").orElse(null);
        Assumptions.assumeTrue(binary != null, "prometheus not found: install the Debian package prometheus");
        webhook = new WebhookReceiver();
        ids = TestIds.unique("dashboard");
        Map<String, String> flags = ids.flags(SharedKafka.bootstrapServers(), dir);
        flags.put("webhook.urls", webhook.url());
        services = Services.start(Settings.resolve(null, Map.of(), flags),
                List.of(Services.Part.STREAMS, Services.Part.ALERTS, Services.Part.INGESTION));
        prometheus = PrometheusProcess.start(binary, Files.createDirectories(dir.resolve("prometheus")),
                "127.0.0.1:" + services.http().port(), ExternalTools.deploy("prometheus/rules/dyadwatch-rules.yml"));
        // Feed only once Prometheus has scraped: rate() and increase() need a sample from before the events.
        await().atMost(Duration.ofSeconds(60)).until(() -> hasData(prometheus.query("up{job=\"dyadwatch\"} == 1")));
    }

    @AfterAll
    void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (services != null) {
            services.close();
        }
        if (webhook != null) {
            webhook.close();
        }
    }

    @Test
    void shouldReturnDataForEveryPanelAndAnnotationOfTheDashboard() throws Exception {
        JsonNode dashboard = Json.MAPPER.readTree(Files.readString(ExternalTools.deploy("grafana/dashboards/dyadwatch.json")));
        Map<String, String> queries = queries(dashboard);
        assertThat(queries).isNotEmpty();

        Instant start = Instant.now().minusSeconds(5);
        feedEventsThatFireAnAlert();
        await().atMost(Duration.ofSeconds(90)).until(() -> hasData(prometheus.query("dyadwatch_alerts_fired_total")));
        // a later quarter's event ends the signature alert (resolveAfterPeriods: 1)
        post("[" + named(TestEvents.event("d-later", "JOINT_EXERCISE", "2024-12-02"), "Winter drill") + "]");

        // Over the test's time range, as Grafana draws it: annotations mark moments, not the present.
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            List<String> empty = new ArrayList<>();
            for (Map.Entry<String, String> query : queries.entrySet()) {
                if (!hasData(prometheus.queryRange(query.getValue(), start, Instant.now()))) {
                    empty.add(query.getKey() + ": " + query.getValue());
                }
            }
            assertThat(empty).as("dashboard queries that return no data").isEmpty();
        });
    }

    @Test
    void shouldOfferTheDyadAndInstanceVariablesFromTheMetricsTheyName() throws Exception {
        Map<String, String> expected = Map.of("dyad", DYAD, "instance", "127.0.0.1:" + services.http().port());
        for (JsonNode variable : dashboard().path("templating").path("list")) {
            if (variable.path("type").asText().equals("datasource")) {
                continue;
            }
            Matcher labelValues = LABEL_VALUES.matcher(variable.path("definition").asText());
            assertThat(labelValues.matches()).as("variable %s: %s", variable.path("name").asText(),
                    variable.path("definition").asText()).isTrue();
            String promql = "count by (" + labelValues.group(2) + ") (" + labelValues.group(1) + ")";
            post("[" + TestEvents.event("d-var", "JOINT_EXERCISE", "2024-04-02") + "]");

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(prometheus.query(promql))
                    .as(promql).anyMatch(r -> expected.get(variable.path("name").asText())
                            .equals(r.path("metric").path(labelValues.group(2)).asText())));
        }
    }

    /** Every panel target and annotation query, named by panel title and refId, with template variables substituted. */
    private static Map<String, String> queries(JsonNode dashboard) {
        Map<String, String> queries = new LinkedHashMap<>();
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panels::add);
        for (int i = 0; i < panels.size(); i++) {
            JsonNode panel = panels.get(i);
            panel.path("panels").forEach(panels::add);
            for (JsonNode target : panel.path("targets")) {
                queries.put("panel '" + panel.path("title").asText() + "' target " + target.path("refId").asText(),
                        substitute(target.path("expr").asText()));
            }
        }
        StreamSupport.stream(dashboard.path("annotations").path("list").spliterator(), false)
                .filter(a -> a.has("expr"))
                .forEach(a -> queries.put("annotation '" + a.path("name").asText() + "'", substitute(a.path("expr").asText())));
        return queries;
    }

    private static String substitute(String expr) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "dyad" -> DYAD;
                case "instance" -> ".*";
                case "__rate_interval", "__interval" -> "1m";
                case "__range" -> "1h";
                default -> throw new AssertionError("unknown template variable $" + m.group(1) + " in " + expr);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * At least one point that is a number (not NaN: histogram_quantile over no observations is NaN), in an
     * instant vector ({@code value}) or a range matrix ({@code values}).
     */
    private static boolean hasData(JsonNode result) {
        for (JsonNode series : result) {
            List<JsonNode> points = new ArrayList<>();
            if (series.has("value")) {
                points.add(series.path("value"));
            }
            series.path("values").forEach(points::add);
            for (JsonNode point : points) {
                String value = point.path(1).asText();
                if (!value.isEmpty() && !"NaN".equals(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The event with an exercise name: reports of one named exercise on one day are one event. */
    private static String named(String event, String name) {
        return event.replace(",\"summary\"", ",\"attributes\":{\"name\":\"" + name + "\"},\"summary\"");
    }

    private void feedEventsThatFireAnAlert() throws Exception {
        String exercise = named(TestEvents.event("d-ex1", "JOINT_EXERCISE", "2024-06-10"), "Joint Sea-2024");
        post("[" + String.join(",",
                TestEvents.treaty("d-treaty", "2024-06-19", "RUS", "CHN"),
                TestEvents.treaty("d-treaty", "2024-06-19", "RUS", "CHN"),                    // duplicate
                exercise,
                exercise.replace("d-ex1", "d-ex2").replace("Test wire", "Other wire"),         // corroborates
                exercise.replace("d-ex1", "d-ex3"),                                            // the same source again
                TestEvents.event("d-unwatched", "JOINT_EXERCISE", "2024-06-11", "FRA", "DEU"), // no watched dyad
                // today: the current period's indicator panels need activity in the current (wall-clock) quarter
                TestEvents.treaty("d-now", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(), "RUS", "CHN"),
                "{\"id\":\"d-invalid\"}") + "]");                                           // refused over HTTP
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(ids.prefix() + "events", "raw", "{oops".getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    private void post(String body) throws Exception {
        // declared: without DyadWatch-Covers the channel is covered only from first receipt (now), and reports about
        // June 2024 would be shown but not counted
        String covers = "2024-06-01.." + java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + services.http().port() + "/v1/events")).header("Content-Type", "application/json")
                .header("DyadWatch-Covers", covers)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isIn(202, 400);
    }

    private static JsonNode dashboard() throws Exception {
        return Json.MAPPER.readTree(Files.readString(ExternalTools.deploy("grafana/dashboards/dyadwatch.json")));
    }
}
