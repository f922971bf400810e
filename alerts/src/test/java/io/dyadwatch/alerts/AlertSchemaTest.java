package io.dyadwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.dyadwatch.alerts.rules.RuleBook;
import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.assessment.Assessment;
import io.dyadwatch.model.json.Json;
import io.dyadwatch.model.json.JsonSerde;
import io.dyadwatch.model.settings.CommonSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downstream consumers rely on the published alert schema: every alert the rules write must satisfy it. */
class AlertSchemaTest {

    @TempDir
    Path state;

    private static Schema schema() throws Exception {
        try (InputStream in = AlertSchemaTest.class.getResourceAsStream("/schema/alert-v1.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in, InputFormat.JSON);
        }
    }

    @Test
    void shouldWriteEveryAlertInTheShapeThePublishedSchemaDescribes() throws Exception {
        Catalog catalog = Catalog.loadDefault();
        CommonSettings common = new CommonSettings(Map.of());
        AlertsSettings settings = new AlertsSettings(Map.of(AlertsSettings.STATE_DIR, state.toString()));
        List<Alert> alerts;
        try (TopologyTestDriver driver = new TopologyTestDriver(
                AssessmentReplayTopology.build(common, RuleBook.loadDefault(catalog), catalog, new SimpleMeterRegistry()),
                AssessmentReplayTopology.properties(common, settings, Map.of()))) {
            TestInputTopic<String, Assessment> in = driver.createInputTopic("dyadwatch.assessments",
                    new StringSerializer(), new JsonSerde<>(Assessment.class).serializer());
            TestOutputTopic<String, Alert> out = driver.createOutputTopic("dyadwatch.alerts", new StringDeserializer(),
                    new JsonSerde<>(Alert.class).deserializer());
            in.pipeInput("CHN-RUS", AlertLifecycleTest.assessment("2023-Q1", 4.0, 0,
                    AlertLifecycleTest.item("t", "lethal-aid", "B1", 2), 1));
            in.pipeInput("CHN-RUS", AlertLifecycleTest.assessment("2023-Q3", 0.1, 0, null, 2));
            alerts = out.readValuesToList();
        }
        assertThat(alerts).extracting(Alert::status).contains(io.dyadwatch.model.alert.AlertStatus.FIRING,
                io.dyadwatch.model.alert.AlertStatus.RESOLVED);
        Schema schema = schema();
        for (Alert alert : alerts) {
            String json = Json.MAPPER.writeValueAsString(alert);
            assertThat(schema.validate(json, InputFormat.JSON)).as(json).isEmpty();
            assertThat(Json.MAPPER.readTree(json).path("period").asText()).as(json).matches("\\d{4}-Q[1-4]");
            assertThat(Json.MAPPER.readTree(json).path("assessmentRevision").isIntegralNumber()).as(json).isTrue();
        }
    }

    @Test
    void shouldStillAcceptAnAlertWrittenBeforeSubjectPeriodAndRevisionExisted() throws Exception {
        assertThat(schema().validate("{\"version\":1,\"fingerprint\":\"0123456789abcdef\",\"status\":\"FIRING\","
                + "\"rule\":\"r\",\"dyad\":\"CHN-RUS\",\"severity\":\"INFO\",\"startsAt\":\"2024-01-01T00:00:00Z\","
                + "\"summary\":\"s\",\"evidence\":[],\"rationale\":[]}", InputFormat.JSON)).isEmpty();
    }

    @Test
    void shouldRejectAPeriodThatIsNoPeriodLabelAndANegativeRevision() throws Exception {
        String base = "{\"version\":1,\"fingerprint\":\"0123456789abcdef\",\"status\":\"FIRING\",\"rule\":\"r\","
                + "\"dyad\":\"CHN-RUS\",\"severity\":\"INFO\",\"startsAt\":\"2024-01-01T00:00:00Z\",\"summary\":\"s\","
                + "\"evidence\":[],\"rationale\":[],";
        assertThat(schema().validate(base + "\"period\":\"Q3 2024\"}", InputFormat.JSON)).isNotEmpty();
        assertThat(schema().validate(base + "\"assessmentRevision\":-1}", InputFormat.JSON)).isNotEmpty();
        assertThat(schema().validate(base + "\"period\":\"2024-Q3\",\"assessmentRevision\":7,\"subject\":\"lethal-aid\"}",
                InputFormat.JSON)).isEmpty();
    }

    @Test
    void shouldRejectAnAlertWithoutEvidenceOrWithAnUnknownField() throws Exception {
        Schema schema = schema();

        assertThat(schema.validate("{\"version\":1,\"fingerprint\":\"0123456789abcdef\",\"status\":\"FIRING\","
                + "\"rule\":\"r\",\"dyad\":\"CHN-RUS\",\"severity\":\"INFO\",\"startsAt\":\"2024-01-01T00:00:00Z\","
                + "\"summary\":\"s\",\"rationale\":[]}", InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate("{\"version\":1,\"fingerprint\":\"0123456789abcdef\",\"status\":\"FIRING\","
                + "\"rule\":\"r\",\"dyad\":\"CHN-RUS\",\"severity\":\"INFO\",\"startsAt\":\"2024-01-01T00:00:00Z\","
                + "\"summary\":\"s\",\"evidence\":[],\"rationale\":[],\"colour\":1}", InputFormat.JSON)).isNotEmpty();
    }
}
