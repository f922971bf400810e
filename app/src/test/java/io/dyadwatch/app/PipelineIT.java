package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadwatch.app.wiring.Services;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.alert.AlertStatus;
import io.dyadwatch.model.event.RejectReason;
import io.dyadwatch.model.json.Json;
import io.dyadwatch.model.json.JsonSerde;
import io.dyadwatch.model.topic.DeadLetterHeaders;
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
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline (topology, alert rules, HTTP ingestion) against a real broker. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineIT {

    @TempDir
    static Path dir;

    private TestIds ids;
    private Settings settings;
    private Services services;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        ids = TestIds.unique("pipeline");
        Map<String, String> flags = ids.flags(SharedKafka.bootstrapServers(), dir);
        flags.put("ingest.token", "s3cret");
        flags.put("http.max.body.bytes", "4096");
        settings = Settings.resolve(null, Map.of(), flags);
        services = Services.start(settings, List.of(Services.Part.STREAMS, Services.Part.ALERTS, Services.Part.INGESTION));
    }

    @AfterAll
    void stop() {
        services.close();
    }

    @Test
    void shouldTurnAPublishedSignatureEventIntoAFiringAlertWithEvidenceAndRationale() throws Exception {
        // Russia-North Korea: other tests here publish Russia-China events.
        Path file = Files.writeString(dir.resolve("events.jsonl"), String.join("\n",
                TestEvents.event("p1", "LEADER_EXCHANGE", "2024-06-18", "RUS", "PRK"),
                TestEvents.treaty("p2", "2024-06-19", "RUS", "PRK"),
                TestEvents.treaty("p2", "2024-06-19", "RUS", "PRK")) + "\n");
        StringWriter out = new StringWriter();
        int exit = Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "publish",
                "--bootstrap-servers", SharedKafka.bootstrapServers(), "--set", "topic.prefix=" + ids.prefix(),
                file.toString());
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("3 published, 0 refused");

        List<Alert> alerts = readCommitted(ids.prefix() + "alerts", new JsonSerde<>(Alert.class).deserializer(),
                list -> list.stream().anyMatch(a -> a.dyad().equals("PRK-RUS") && a.rule().equals("signature-event")));

        List<Alert> signature = alerts.stream().filter(a -> a.rule().equals("signature-event")).toList();
        assertThat(signature).hasSize(1);
        Alert alert = signature.get(0);
        assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(alert.evidence().get(0).id()).isEqualTo("p2");
        assertThat(alert.evidence().get(0).url()).isEqualTo("https://example.org/p2");
        assertThat(alert.evidence().get(0).grade()).isEqualTo("B1");
        assertThat(alert.rationale()).anyMatch(c -> c.quote().contains("formal alliance"));
    }

    @Test
    void shouldAnswerInteractiveQueriesForAnAssessedDyad() throws Exception {
        Path file = Files.writeString(dir.resolve("iq.jsonl"),
                TestEvents.event("iq1", "LEADER_EXCHANGE", "2024-06-18", "IRN", "RUS") + "\n");
        assertThat(Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "publish",
                "--bootstrap-servers", SharedKafka.bootstrapServers(), "--set", "topic.prefix=" + ids.prefix(),
                file.toString())).isZero();
        String base = "http://127.0.0.1:" + services.http().port();

        await().atMost(Duration.ofSeconds(60)).until(() -> get(base + "/v1/assessments/IRN-RUS").statusCode() == 200);

        JsonNode assessment = Json.MAPPER.readTree(get(base + "/v1/assessments/RUS-IRN").body());
        assertThat(assessment.get("dyad").asText()).isEqualTo("IRN-RUS");
        assertThat(assessment.get("probabilities").size()).isEqualTo(3);
        JsonNode history = Json.MAPPER.readTree(get(base + "/v1/dyads/IRN-RUS/history?from=2024-Q1&to=2024-Q4").body());
        assertThat(history).anyMatch(p -> p.get("period").asText().equals("2024-Q2") && p.get("eventsInPeriod").asLong() == 1);
        assertThat(Json.MAPPER.readTree(get(base + "/v1/assessments").body())).anyMatch(a -> a.get("dyad").asText().equals("IRN-RUS"));
        assertThat(get(base + "/v1/assessments/FRA-GBR").statusCode()).isEqualTo(404);
        assertThat(get(base + "/v1/assessments/XX").statusCode()).isEqualTo(400);
        assertThat(get(base + "/v1/dyads/IRN-RUS/indicators?from=2024-Q9").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer s3cret").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldDeadLetterEveryKindOfFaultWrittenByAnyClient() throws Exception {
        String ok = TestEvents.event("d-ok", "JOINT_EXERCISE", "2020-01-01");
        Map<RejectReason, byte[]> faults = new LinkedHashMap<>();
        faults.put(RejectReason.NOT_JSON, "{oops".getBytes(StandardCharsets.UTF_8));
        faults.put(RejectReason.NOT_AN_OBJECT, "[1]".getBytes(StandardCharsets.UTF_8));
        faults.put(RejectReason.MISSING_FIELD, ok.replace("\"id\":\"d-ok\",", "").getBytes(StandardCharsets.UTF_8));
        faults.put(RejectReason.WRONG_TYPE, ok.replace("\"d-ok\"", "42").getBytes(StandardCharsets.UTF_8));
        faults.put(RejectReason.UNKNOWN_EVENT_TYPE, ok.replace("JOINT_EXERCISE", "PARADE").getBytes(StandardCharsets.UTF_8));
        faults.put(RejectReason.TOO_FEW_ACTORS, ok.replace("[\"RUS\",\"CHN\"]", "[\"RUS\"]").getBytes(StandardCharsets.UTF_8));
        faults.put(RejectReason.UNKNOWN_COUNTRY, ok.replace("\"CHN\"", "\"ZZZ\"").getBytes(StandardCharsets.UTF_8));
        faults.put(RejectReason.UNPARSEABLE_DATE, ok.replace("2020-01-01", "yesterday").getBytes(StandardCharsets.UTF_8));
        faults.put(RejectReason.DATE_IN_FUTURE, ok.replace("2020-01-01", "2999-01-01").getBytes(StandardCharsets.UTF_8));
        faults.put(RejectReason.DATE_OUT_OF_RANGE, ok.replace("2020-01-01", "1200-01-01").getBytes(StandardCharsets.UTF_8));
        faults.put(RejectReason.UNKNOWN_FIELD, ok.replace("{\"id\"", "{\"extra\":1,\"id\"").getBytes(StandardCharsets.UTF_8));
        faults.put(RejectReason.DUPLICATE_KEY, ok.replace("{\"id\"", "{\"type\":\"LETHAL_AID\",\"id\"").getBytes(StandardCharsets.UTF_8));
        faults.put(RejectReason.INVALID_VALUE, ok.replace("\"credibility\":2", "\"credibility\":8").getBytes(StandardCharsets.UTF_8));
        faults.put(RejectReason.TOO_DEEPLY_NESTED, ok.replace("\"summary\"", "\"attributes\":" + "{\"a\":".repeat(30) + "1"
                + "}".repeat(30) + ",\"summary\"").getBytes(StandardCharsets.UTF_8));
        faults.put(RejectReason.OVERSIZED, ok.replace("summary of d-ok", "x".repeat(70_000)).getBytes(StandardCharsets.UTF_8));
        byte[] badUtf8 = ok.getBytes(StandardCharsets.UTF_8);
        badUtf8[badUtf8.length - 4] = (byte) 0xFF;
        faults.put(RejectReason.INVALID_UTF8, badUtf8);
        faults.put(RejectReason.EMPTY, new byte[0]);

        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1 << 20);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (byte[] value : faults.values()) {
                producer.send(new ProducerRecord<>(ids.prefix() + "events", "raw", value)).get();
            }
        }

        List<ConsumerRecord<String, byte[]>> dead = readRecords(ids.prefix() + "events.dlq",
                list -> list.size() >= faults.size());

        Set<RejectReason> reasons = EnumSet.noneOf(RejectReason.class);
        for (ConsumerRecord<String, byte[]> record : dead) {
            RejectReason reason = RejectReason.valueOf(header(record, DeadLetterHeaders.REASON));
            reasons.add(reason);
            assertThat(record.value()).as("original bytes of %s", reason).isEqualTo(faults.get(reason));
            assertThat(header(record, DeadLetterHeaders.MESSAGE)).isNotBlank();
            assertThat(header(record, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(ids.prefix() + "events");
            assertThat(header(record, DeadLetterHeaders.SOURCE_OFFSET)).matches("\\d+");
        }
        assertThat(reasons).isEqualTo(faults.keySet());
    }

    @Test
    void shouldIngestOverHttpAndReportEachItem() throws Exception {
        String base = "http://127.0.0.1:" + services.http().port() + "/v1/events";
        String batch = "[" + TestEvents.event("h1", "LEADER_EXCHANGE", "2021-01-05") + ",{\"id\":\"h2\"}]";

        HttpResponse<String> unauthorized = post(base, batch, null);
        HttpResponse<String> mixed = post(base, batch, "s3cret");
        HttpResponse<String> valid = post(base, TestEvents.event("h3", "LEADER_EXCHANGE", "2021-01-06"), "s3cret");
        HttpResponse<String> tooLarge = post(base, "[" + "1,".repeat(3000) + "1]", "s3cret");
        HttpResponse<String> notJson = post(base, "{nope", "s3cret");

        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(mixed.statusCode()).isEqualTo(400);
        JsonNode results = Json.MAPPER.readTree(mixed.body()).get("results");
        assertThat(results.get(0).get("status").asText()).isEqualTo("accepted");
        assertThat(results.get(1).get("status").asText()).isEqualTo("rejected");
        assertThat(results.get(1).get("reason").asText()).isEqualTo("MISSING_FIELD");
        assertThat(valid.statusCode()).isEqualTo(202);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(notJson.body()).get("results").get(0).get("reason").asText()).isEqualTo("NOT_JSON");

        List<ConsumerRecord<String, byte[]>> published = readRecords(ids.prefix() + "events",
                list -> list.stream().filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"h3\"")).count() == 1);
        assertThat(published.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)))
                .anyMatch(v -> v.contains("\"h1\"")).noneMatch(v -> v.contains("\"h2\""));
        assertThat(published.stream().filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"h1\"")))
                .allMatch(r -> "CHN-RUS".equals(r.key()));
    }

    @Test
    void shouldNotMoveTowardWeakeningWhenABurstOfOldReportsReachesALiveMonitor() throws Exception {
        // today is in 2026-Q4; 41 reports of July-August 2024, declared as covering those two months, arrive at once:
        // the quarters since were not collected, so they are no evidence of silence
        String base = "http://127.0.0.1:" + services.http().port();
        String[] types = {"JOINT_EXERCISE", "COMBINED_PATROL", "LEADER_EXCHANGE", "ARMS_TRANSFER"};
        for (int from = 0; from < 41; from += 10) { // batches under this test's body limit
            StringBuilder batch = new StringBuilder("[");
            for (int i = from; i < Math.min(41, from + 10); i++) {
                batch.append(i == from ? "" : ",").append(TestEvents.event("burst-" + i, types[i % types.length],
                        java.time.LocalDate.parse("2024-07-01").plusDays(i * 61L / 41).toString()));
            }
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/events"))
                    .POST(HttpRequest.BodyPublishers.ofString(batch.append("]").toString()))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer s3cret")
                    .header("DyadWatch-Covers", "2024-07-01..2024-08-31").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        }

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> response = get(base + "/v1/assessments/CHN-RUS");
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode assessment = Json.MAPPER.readTree(response.body());
            assertThat(assessment.get("revision").asLong()).isGreaterThanOrEqualTo(41);
            assertThat(assessment.get("changeStatistics").get("WEAKENING").asDouble())
                    .as("no move toward WEAKENING").isZero();
            assertThat(assessment.get("trailingProbabilities").get("WEAKENING").asDouble())
                    .isLessThan(assessment.get("trailingProbabilities").get("STATUS_QUO").asDouble());
        });
    }

    @Test
    void shouldCarryWhatAPostedBatchCoversAndRefuseACoverageThatIsNone() throws Exception {
        String base = "http://127.0.0.1:" + services.http().port() + "/v1/events";
        HttpResponse<String> covered = http.send(HttpRequest.newBuilder(URI.create(base))
                .POST(HttpRequest.BodyPublishers.ofString(TestEvents.event("cov1", "LEADER_EXCHANGE", "2024-07-05")))
                .header("Content-Type", "application/json").header("Authorization", "Bearer s3cret")
                .header("DyadWatch-Covers", "2024-07-01..2024-08-31").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> nonsense = http.send(HttpRequest.newBuilder(URI.create(base))
                .POST(HttpRequest.BodyPublishers.ofString(TestEvents.event("cov2", "LEADER_EXCHANGE", "2024-07-06")))
                .header("Content-Type", "application/json").header("Authorization", "Bearer s3cret")
                .header("DyadWatch-Covers", "last summer").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(covered.statusCode()).isEqualTo(202);
        assertThat(nonsense.statusCode()).isEqualTo(400);
        assertThat(nonsense.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        assertThat(Json.MAPPER.readTree(nonsense.body()).get("detail").asText()).contains("DyadWatch-Covers")
                .contains("FROM..TO");
        List<ConsumerRecord<String, byte[]>> published = readRecords(ids.prefix() + "events",
                list -> list.stream().anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"cov1\"")));
        ConsumerRecord<String, byte[]> record = published.stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"cov1\"")).findFirst().orElseThrow();
        assertThat(new String(record.headers().lastHeader("dyadwatch-covers").value(), StandardCharsets.UTF_8))
                .isEqualTo("2024-07-01..2024-08-31");
        assertThat(published).noneMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"cov2\""));
    }

    @Test
    void shouldServePrometheusMetricsThatReconcileReceivedWithAcceptedAndDeadLettered() throws Exception {
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + services.http().port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("dyadwatch_events_received_total").contains("jvm_memory_used_bytes")
                .contains("kafka_stream");
    }

    private HttpResponse<String> post(String url, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private <T> List<T> readCommitted(String topic, org.apache.kafka.common.serialization.Deserializer<T> values,
            java.util.function.Predicate<List<T>> done) {
        List<T> seen = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<String, T> consumer = consumer(new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
                return done.test(seen);
            });
        }
        return new ArrayList<>(seen);
    }

    private List<ConsumerRecord<String, byte[]>> readRecords(String topic,
            java.util.function.Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        List<ConsumerRecord<String, byte[]>> seen = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return done.test(seen);
            });
        }
        return new ArrayList<>(seen);
    }

    private static <V> KafkaConsumer<String, V> consumer(StringDeserializer keys,
            org.apache.kafka.common.serialization.Deserializer<V> values) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + java.util.UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, keys, values);
    }
}
