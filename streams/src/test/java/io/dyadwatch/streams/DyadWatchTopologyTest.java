package io.dyadwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.model.assessment.Assessment;
import io.dyadwatch.model.assessment.IndicatorValue;
import io.dyadwatch.model.json.JsonSerde;
import io.dyadwatch.model.settings.CommonSettings;
import io.dyadwatch.model.topic.DeadLetterHeaders;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DyadWatchTopologyTest {

    @TempDir
    Path state;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> events;
    private TestOutputTopic<String, byte[]> deadLetters;
    private TestOutputTopic<String, IndicatorValue> indicators;
    private TestOutputTopic<String, Assessment> assessments;

    @BeforeEach
    void start() {
        CommonSettings common = new CommonSettings(Map.of());
        StreamsSettings settings = new StreamsSettings(Map.of(StreamsSettings.STATE_DIR, state.toString()));
        Properties props = DyadWatchTopology.properties(common, settings, Map.of());
        driver = new TopologyTestDriver(DyadWatchTopology.build(common, settings, registry), props);
        events = driver.createInputTopic("dyadwatch.events", new StringSerializer(), new ByteArraySerializer());
        deadLetters = driver.createOutputTopic("dyadwatch.events.dlq", new StringDeserializer(), new ByteArrayDeserializer());
        indicators = driver.createOutputTopic("dyadwatch.indicators", new StringDeserializer(),
                new JsonSerde<>(IndicatorValue.class).deserializer());
        assessments = driver.createOutputTopic("dyadwatch.assessments", new StringDeserializer(),
                new JsonSerde<>(Assessment.class).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    static String event(String id, String type, String actors, String date) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"actors\":" + actors + ",\"occurredAt\":\"" + date
                + "\",\"source\":{\"name\":\"Test wire\",\"reliability\":\"B\",\"credibility\":2},\"summary\":\"s " + id + "\"}";
    }

    private void send(String key, String json) {
        events.pipeInput(key, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldDeadLetterAnInvalidRecordWithItsBytesAndReasonHeaders() {
        byte[] original = "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        events.pipeInput("k", original);

        TestRecord<String, byte[]> dead = deadLetters.readRecord();

        assertThat(dead.value()).isEqualTo(original);
        Headers headers = dead.headers();
        assertThat(header(headers, DeadLetterHeaders.REASON)).isEqualTo("MISSING_FIELD");
        assertThat(header(headers, DeadLetterHeaders.MESSAGE)).contains("type");
        assertThat(header(headers, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("dyadwatch.events");
        assertThat(header(headers, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(indicators.isEmpty()).isTrue();
        assertThat(registry.get("dyadwatch.events.dead.lettered").tag("reason", "MISSING_FIELD").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void shouldCountTheSameEventIdOnce() {
        send("CHN-RUS", event("e1", "JOINT_EXERCISE", "[\"RUS\",\"CHN\"]", "2023-03-15"));
        send("CHN-RUS", event("e1", "JOINT_EXERCISE", "[\"RUS\",\"CHN\"]", "2023-03-15"));
        send("CHN-RUS", event("e2", "JOINT_EXERCISE", "[\"RUS\",\"CHN\"]", "2023-03-20"));

        List<IndicatorValue> values = indicators.readValuesToList();

        assertThat(values).extracting(IndicatorValue::count).containsExactly(1L, 2L);
        assertThat(values.get(1).key()).isEqualTo("CHN-RUS|JOINT_EXERCISE|2023-Q1");
        assertThat(registry.get("dyadwatch.events.duplicates").counter().count()).isEqualTo(1.0);
    }

    @Test
    void shouldCountAThreeActorExerciseForEveryWatchedDyadAndGroupItContains() {
        send("whatever", event("belt", "JOINT_EXERCISE", "[\"IRN\",\"RUS\",\"CHN\"]", "2023-03-15"));

        List<String> keys = indicators.readKeyValuesToList().stream().map(kv -> kv.key).toList();

        assertThat(keys).containsExactlyInAnyOrder(
                "CHN-RUS|JOINT_EXERCISE|2023-Q1", "IRN-RUS|JOINT_EXERCISE|2023-Q1",
                "CHN-IRN|JOINT_EXERCISE|2023-Q1", "CHN-IRN-RUS|JOINT_EXERCISE|2023-Q1");
    }

    @Test
    void shouldUpdateTheEarlierPeriodWithANewRevisionWhenAReportArrivesLate() {
        send("CHN-RUS", event("a", "ARMS_TRANSFER", "[\"RUS\",\"CHN\"]", "2023-03-15"));
        send("CHN-RUS", event("b", "ARMS_TRANSFER", "[\"RUS\",\"CHN\"]", "2023-05-15"));
        send("CHN-RUS", event("late", "ARMS_TRANSFER", "[\"RUS\",\"CHN\"]", "2023-02-01"));

        IndicatorValue last = indicators.readValuesToList().get(2);

        assertThat(last.period()).isEqualTo("2023-Q1");
        assertThat(last.count()).isEqualTo(2);
        assertThat(last.revision()).isEqualTo(2);
    }

    @Test
    void shouldPublishTheDyadAssessmentWithItsEvidence() {
        send("CHN-RUS", event("a", "COMBINED_PATROL", "[\"RUS\",\"CHN\"]", "2023-03-15"));
        send("CHN-RUS", event("b", "LEADER_EXCHANGE", "[\"RUS\",\"CHN\"]", "2023-03-20"));

        Assessment assessment = assessments.readValuesToList().get(1);

        assertThat(assessment.dyad()).isEqualTo("CHN-RUS");
        assertThat(assessment.eventsInPeriod()).isEqualTo(2);
        assertThat(assessment.evidence()).extracting(e -> e.id()).containsExactly("b", "a");
        assertThat(assessment.evidence().get(0).grade()).isEqualTo("B2");
    }

    @Test
    void shouldIgnoreButCountAValidEventAboutNoWatchedDyad() {
        send("FRA-GBR", event("x", "LEADER_EXCHANGE", "[\"FRA\",\"GBR\"]", "2023-03-15"));

        assertThat(indicators.isEmpty()).isTrue();
        assertThat(registry.get("dyadwatch.events.unwatched").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("dyadwatch.events.received").counter().count()).isEqualTo(1.0);
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
