package io.dyadwatch.model.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.dyadwatch.model.json.Json;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The published schemas of the records on dyadwatch.assessments and dyadwatch.indicators describe what the records
 * serialise to, and refuse what they never write. (The app's ApiContractIT checks the records a running pipeline
 * writes against the same schemas.)
 */
class RecordSchemaTest {

    static Schema schema(String name) throws Exception {
        try (InputStream in = RecordSchemaTest.class.getResourceAsStream("/schema/" + name)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in, InputFormat.JSON);
        }
    }

    static Assessment assessment() {
        EvidenceItem item = new EvidenceItem("e1", "COMBINED_PATROL", Instant.parse("2024-07-24T00:00:00Z"),
                "Bombers near Alaska", "NORAD", null, "A1", 2, List.of("patrol-beyond-japan"));
        return new Assessment("CHN-RUS", "2024-Q3", 0.25, 12, Instant.parse("2024-08-01T00:00:00Z"), 3,
                Map.of("patrol-beyond-japan", 1.5), Map.of(Scenario.STATUS_QUO, 0.7, Scenario.WEAKENING, 0.1,
                        Scenario.STRENGTHENING, 0.2), Map.of(Scenario.STATUS_QUO, 0.8, Scenario.WEAKENING, 0.1,
                        Scenario.STRENGTHENING, 0.1), 4, Map.of(Scenario.WEAKENING, 0.0, Scenario.STRENGTHENING, 1.2),
                Map.of(Scenario.WEAKENING, 3.5, Scenario.STRENGTHENING, 3.3),
                List.of(new Driver(Scenario.STRENGTHENING, "patrol-beyond-japan", 1.5, 0.2, 0.6, 0.9, false)),
                List.of("STRENGTHENING +0.90 patrol-beyond-japan"), List.of(item), List.of(item));
    }

    @Test
    void shouldDescribeAnAssessmentAsItIsWritten() throws Exception {
        String json = Json.MAPPER.writeValueAsString(assessment());

        assertThat(schema("assessment-v1.schema.json").validate(json, InputFormat.JSON)).as(json).isEmpty();
    }

    @Test
    void shouldDescribeAnAssessmentWithItsStepsAsItIsWritten() throws Exception {
        Assessment plain = assessment();
        Map<Scenario, Double> p = plain.probabilities();
        AssessmentStep first = new AssessmentStep(11, "2024-Q3", 0.2, 2, p, p, plain.changeStatistics(), List.of(),
                List.of("e1"), Map.of("patrol-beyond-japan", 0.5), Map.of());
        AssessmentStep second = new AssessmentStep(12, "2024-Q3", 0.25, 3, p, p, plain.changeStatistics(),
                List.of("e1"), null, Map.of("patrol-beyond-japan", 1.5), Map.of());
        Assessment withSteps = new Assessment(plain.dyad(), plain.period(), plain.periodElapsed(), plain.revision(),
                plain.updatedAt(), plain.eventsInPeriod(), plain.indicators(), p, plain.trailingProbabilities(),
                plain.horizonPeriods(), plain.changeStatistics(), plain.thresholds(), plain.drivers(),
                plain.explanations(), plain.evidence(), plain.triggers(), List.of(first, second), List.of(), Map.of(),
                Map.of(), Map.of(), List.of(new ChannelCoverage("curated", true, java.time.LocalDate.parse("2012-01-01"),
                        java.time.LocalDate.parse("2025-12-31"), null), ChannelCoverage.seen("gdelt", false)));
        String json = Json.MAPPER.writeValueAsString(withSteps);

        assertThat(schema("assessment-v1.schema.json").validate(json, InputFormat.JSON)).as(json).isEmpty();
        assertThat(json).as("a step's evidence repeating the previous one's is left out").contains("\"evidence\":[\"e1\"]")
                .doesNotContain("\"evidence\":null");
        assertThat(Json.MAPPER.readValue(json, Assessment.class).atEachStep()).extracting(Assessment::revision)
                .containsExactly(11L, 12L);
    }

    @Test
    void shouldRefuseAnAssessmentWithAnUnknownFieldOrAProbabilityOverOne() throws Exception {
        Schema schema = schema("assessment-v1.schema.json");
        String json = Json.MAPPER.writeValueAsString(assessment());

        assertThat(schema.validate(json.replaceFirst("\\{", "{\"colour\":1,"), InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate(json.replace("\"STATUS_QUO\":0.7", "\"STATUS_QUO\":1.7"), InputFormat.JSON))
                .isNotEmpty();
        assertThat(schema.validate(json.replace("\"2024-Q3\"", "\"Q3/2024\""), InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void shouldDescribeAnIndicatorValueAsItIsWrittenAndRefuseARevisionOfZero() throws Exception {
        Schema schema = schema("indicator-v1.schema.json");
        String json = Json.MAPPER.writeValueAsString(new IndicatorValue("CHN-RUS", "lethal-aid", "2024-Q3", 2, 1.75, 3,
                Instant.parse("2024-08-01T00:00:00Z")));

        assertThat(schema.validate(json, InputFormat.JSON)).as(json).isEmpty();
        assertThat(schema.validate(json.replace("\"revision\":3", "\"revision\":0"), InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate(json.replace("}", ",\"extra\":true}"), InputFormat.JSON)).isNotEmpty();
    }
}
