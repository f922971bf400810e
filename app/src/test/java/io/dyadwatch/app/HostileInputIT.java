package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadwatch.app.wiring.AlertConsole;
import io.dyadwatch.app.wiring.Services;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.json.Json;
import io.dyadwatch.model.topic.DeadLetterHeaders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of hostile inputs ({@code src/test/resources/hostile}, listed with the expected outcome in
 * {@code corpus.tsv}) through every entrance: the topic (any Kafka client), HTTP and files. Each is accepted
 * or refused with its expected reason, identically at every entrance; the service keeps running; and the
 * counts reconcile: accepted + refused = sent, and the pipeline's received = accepted + dead-lettered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

    private static final String ACCEPTED = "ACCEPTED";

    @TempDir
    static Path dir;

    private TestIds ids;
    private Services services;
    private final List<Case> corpus = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    /** One corpus entry: its file, bytes, expected outcome and the entrances it goes through. */
    record Case(String file, byte[] bytes, String expected, List<String> entrances) {
        boolean accepted() {
            return expected.equals(ACCEPTED);
        }
    }

    @BeforeAll
    void start() throws Exception {
        for (String line : resource("corpus.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            corpus.add(new Case(parts[0], bytes(parts[0]), parts[1], List.of(parts[2].split(","))));
        }
        ids = TestIds.unique("hostile");
        Map<String, String> flags = ids.flags(SharedKafka.bootstrapServers(), dir);
        services = Services.start(Settings.resolve(null, Map.of(), flags),
                List.of(Services.Part.STREAMS, Services.Part.ALERTS, Services.Part.INGESTION));
    }

    @AfterAll
    void stop() {
        services.close();
    }

    @Test
    @Order(1)
    void shouldRefuseEveryHostileInputWithItsReasonAtEveryEntranceAndReconcileTheCounts() throws Exception {
        List<Case> viaTopic = corpus.stream().filter(c -> c.entrances().contains("topic")).toList();
        List<Case> viaHttp = corpus.stream().filter(c -> c.entrances().contains("http")).toList();
        List<Case> viaFile = corpus.stream().filter(c -> c.entrances().contains("file")).toList();
        assertThat(corpus).hasSizeGreaterThan(40);

        // the topic: any client may write anything; refused records are dead-lettered with their reason
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (Case c : viaTopic) {
                producer.send(new ProducerRecord<>(ids.prefix() + "events", c.file(), c.bytes())).get();
            }
        }

        // HTTP: one request per input, answered with the reason
        Map<String, String> httpOutcomes = new TreeMap<>();
        int httpAccepted = 0;
        int httpRejected = 0;
        for (Case c : viaHttp) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(services.http().baseUrl() + "/v1/events"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(c.bytes())).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = Json.MAPPER.readTree(response.body());
            httpAccepted += body.get("accepted").asInt();
            httpRejected += body.get("rejected").asInt();
            JsonNode result = body.get("results").get(0);
            assertThat(body.get("results")).as(c.file()).hasSize(1);
            assertThat(response.statusCode()).as(c.file()).isEqualTo(c.accepted() ? 202 : 400);
            httpOutcomes.put(c.file(), result.get("status").asText().equals("accepted") ? ACCEPTED : result.get("reason").asText());
            if (!c.accepted()) {
                assertThat(result.get("message").asText()).as(c.file()).isNotBlank().hasSizeLessThan(400);
            }
        }
        assertThat(httpOutcomes).isEqualTo(expected(viaHttp));
        assertThat(httpAccepted + httpRejected).isEqualTo(viaHttp.size());

        // files: one JSON line per input, refused lines reported with their number and reason, exit 1
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (Case c : viaFile) {
            file.write(c.bytes());
            file.write('\n');
        }
        Path events = Files.write(dir.resolve("hostile.jsonl"), file.toByteArray());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(new PrintWriter(out), new PrintWriter(err), "publish",
                "--bootstrap-servers", SharedKafka.bootstrapServers(), "--set", "topic.prefix=" + ids.prefix(),
                events.toString());
        assertThat(exit).isEqualTo(1);
        Map<String, String> fileOutcomes = new TreeMap<>();
        viaFile.forEach(c -> fileOutcomes.put(c.file(), ACCEPTED));
        Matcher refusal = Pattern.compile("(?m)^" + Pattern.quote(events.toString()) + ":(\\d+): ([A-Z_0-9]+): .+$")
                .matcher(err.toString());
        int fileRefused = 0;
        while (refusal.find()) {
            fileRefused++;
            fileOutcomes.put(viaFile.get(Integer.parseInt(refusal.group(1)) - 1).file(), refusal.group(2));
        }
        assertThat(fileOutcomes).isEqualTo(expected(viaFile));
        long fileAccepted = viaFile.stream().filter(Case::accepted).count();
        assertThat(out.toString()).contains(events + ": " + fileAccepted + " published, " + fileRefused + " refused");
        assertThat(fileAccepted + fileRefused).isEqualTo(viaFile.size());

        // the topic's refusals are dead-lettered with their original bytes and reason
        long topicAccepted = viaTopic.stream().filter(Case::accepted).count();
        long topicRefused = viaTopic.size() - topicAccepted;
        try (CommittedReader dlq = new CommittedReader(SharedKafka.bootstrapServers(), Map.of(), ids.prefix() + "events.dlq")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> dlq.poll().size() >= topicRefused);
            Map<String, String> dead = new TreeMap<>();
            viaTopic.stream().filter(Case::accepted).forEach(c -> dead.put(c.file(), ACCEPTED));
            for (ConsumerRecord<String, byte[]> record : dlq.poll()) {
                Case c = viaTopic.stream().filter(x -> x.file().equals(record.key())).findFirst().orElseThrow();
                assertThat(record.value()).as(c.file()).isEqualTo(c.bytes());
                assertThat(header(record, DeadLetterHeaders.MESSAGE)).as(c.file()).isNotBlank();
                dead.put(c.file(), header(record, DeadLetterHeaders.REASON));
            }
            assertThat(dead).isEqualTo(expected(viaTopic));
        }

        // every record the pipeline read is accounted for: what it accepted plus what it dead-lettered
        long reachedTopic = viaTopic.size() + httpAccepted + fileAccepted;
        await().atMost(Duration.ofSeconds(60)).until(() -> metric("dyadwatch_events_received_total") == reachedTopic);
        assertThat(metric("dyadwatch_events_dead_lettered_total")).isEqualTo(topicRefused);
        assertThat(metric("dyadwatch_events_accepted_total")).isEqualTo(topicAccepted + httpAccepted + fileAccepted);
        assertThat(metric("dyadwatch_events_accepted_total") + metric("dyadwatch_events_dead_lettered_total"))
                .isEqualTo(metric("dyadwatch_events_received_total"));

        // and it still runs
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(services.http().baseUrl() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(services.streamsServices()).allMatch(s -> s.failure() == null);
    }

    @Test
    @Order(2)
    void shouldRenderHostileTextHarmlesslyInAlertsAndTheApi() throws Exception {
        Case hostile = corpus.stream().filter(c -> c.file().contains("accepted-escaped-control-characters")).findFirst().orElseThrow();
        Case script = corpus.stream().filter(c -> c.file().contains("accepted-script")).findFirst().orElseThrow();
        for (Case c : List.of(hostile, script)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(services.http().baseUrl() + "/v1/events"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(c.bytes())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(202);
        }
        try (CommittedReader alerts = new CommittedReader(SharedKafka.bootstrapServers(), Map.of(), ids.prefix() + "alerts")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> alerts.poll().stream()
                    .anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains("h-ctl")));
            Alert alert = alerts.poll().stream().map(r -> read(r.value()))
                    .filter(a -> a.evidence().stream().anyMatch(e -> e.id().equals("h-ctl"))).findFirst().orElseThrow();
            String rendered = AlertConsole.render(alert);
            assertThat(rendered.replace("\n", "").codePoints().filter(Character::isISOControl).count())
                    .as("control characters a terminal would obey, in %s", rendered).isZero();
            assertThat(rendered).contains("\\u001b[31mRED").contains("\\u000d\\u000afake");
            assertThat(rendered.lines().filter(l -> l.startsWith("[FIRING]") || l.startsWith("[RESOLVED]"))).hasSize(1);
        }
        HttpResponse<String> events = http.send(HttpRequest.newBuilder(URI.create(services.http().baseUrl()
                + "/v1/dyads/CHN-RUS/events?limit=500")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(events.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(events.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(events.body().codePoints().filter(Character::isISOControl).count()).isZero();
        assertThat(events.body()).contains("h-script");
    }

    private static Map<String, String> expected(List<Case> cases) {
        Map<String, String> expected = new TreeMap<>();
        cases.forEach(c -> expected.put(c.file(), c.expected()));
        return expected;
    }

    private long metric(String name) throws Exception {
        String text = http.send(HttpRequest.newBuilder(URI.create(services.http().baseUrl() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Math.round(sum);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static Alert read(byte[] value) {
        try {
            return Json.MAPPER.readValue(value, Alert.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) {
        try (InputStream in = HostileInputIT.class.getResourceAsStream("/hostile/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource hostile/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
