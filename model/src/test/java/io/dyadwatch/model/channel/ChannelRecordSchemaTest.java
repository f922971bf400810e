package io.dyadwatch.model.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.dyadwatch.model.correction.Correction;
import io.dyadwatch.model.json.Json;
import io.dyadwatch.model.topic.Topics;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The records of the feed and of corrections: their schemas describe what they serialise to and refuse what they never
 * write; their constructors refuse what must not exist; their serdes read back what they write.
 */
class ChannelRecordSchemaTest {

    static final Instant START = Instant.parse("2025-06-01T10:15:00Z");
    static final Instant END = Instant.parse("2025-06-01T10:30:00Z");

    static Schema schema(String name) throws Exception {
        try (InputStream in = ChannelRecordSchemaTest.class.getResourceAsStream("/schema/" + name)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in, InputFormat.JSON);
        }
    }

    @Test
    void shouldDescribeAChannelVolumeAsItIsWritten() throws Exception {
        Schema schema = schema("channel-volume-v1.schema.json");
        String json = Json.MAPPER.writeValueAsString(new ChannelVolume("RUS-CHN", "gdelt", START, END, 17));

        assertThat(json).contains("\"dyad\":\"CHN-RUS\"");
        assertThat(schema.validate(json, InputFormat.JSON)).as(json).isEmpty();
        assertThat(schema.validate(json.replace("17", "-1"), InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate(json.replace("}", ",\"extra\":1}"), InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void shouldDescribeAGapAsItIsWrittenAndReadItBackThroughItsTopic() throws Exception {
        CoverageGap gap = new CoverageGap("gdelt", START, END, CoverageGap.CHECKSUM, "MD5 differs", 2, true, END);
        Schema schema = schema("coverage-gap-v1.schema.json");
        String json = Json.MAPPER.writeValueAsString(gap);

        assertThat(schema.validate(json, InputFormat.JSON)).as(json).isEmpty();
        assertThat(schema.validate(json.replace("checksum", "bad-luck"), InputFormat.JSON)).isNotEmpty();
        assertThat(gap.key()).isEqualTo("gdelt|2025-06-01T10:15:00Z");
        var topic = new Topics("t.").coverageGaps();
        assertThat(topic.valueSerde().deserializer().deserialize("t", topic.valueSerde().serializer().serialize("t", gap)))
                .isEqualTo(gap);
        assertThat(gap.closed(END).open()).isFalse();
    }

    @Test
    void shouldDescribeBothCorrectionsAsTheyAreWrittenAndRefuseARegradeWithoutAGrade() throws Exception {
        Schema schema = schema("correction-v1.schema.json");
        String retract = Json.MAPPER.writeValueAsString(Correction.retract("gdelt:1", "RUS-CHN", " hoax ", START));
        String regrade = Json.MAPPER.writeValueAsString(Correction.regrade("gdelt:1", "CHN-RUS", "C3", "one source", START));

        assertThat(schema.validate(retract, InputFormat.JSON)).as(retract).isEmpty();
        assertThat(schema.validate(regrade, InputFormat.JSON)).as(regrade).isEmpty();
        assertThat(retract).contains("\"reason\":\"hoax\"", "\"dyad\":\"CHN-RUS\"");
        assertThat(schema.validate(regrade.replace("\"C3\"", "null"), InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate(retract.replace("\"grade\":null", "\"grade\":\"B2\""), InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void shouldRefuseCorrectionsThatCannotBeAppliedWithAMessageNamingWhy() {
        assertThatThrownBy(() -> Correction.regrade("gdelt:1", "CHN-RUS", "G9", "x", START))
                .hasMessageContaining("A-F");
        assertThatThrownBy(() -> Correction.retract("gdelt:1", "CHN-RUS", "  ", START)).hasMessageContaining("reason");
        assertThatThrownBy(() -> Correction.retract(" ", "CHN-RUS", "x", START)).hasMessageContaining("event id");
        assertThatThrownBy(() -> Correction.retract("e", "CHN", "x", START)).hasMessageContaining("two or more");
        assertThatThrownBy(() -> Correction.retract("e", "CHN-RUS", "x".repeat(501), START)).hasMessageContaining("500");
    }

    @Test
    void shouldRefuseACheckpointWhoseOpenGapsLieAfterItsLastSlot() {
        CoverageGap early = new CoverageGap("gdelt", START, END, CoverageGap.MISSING, "404", 1, true, END);
        CoverageGap late = new CoverageGap("gdelt", END, END.plusSeconds(900), CoverageGap.SHORT, "3 rows", 2, true, END);
        assertThatThrownBy(() -> new FeedCheckpoint("gdelt", START, List.of(late), List.of(), END))
                .hasMessageContaining("after the last slot");
        assertThatThrownBy(() -> new FeedCheckpoint("gdelt", END, List.of(early, early), List.of(), END))
                .hasMessageContaining("twice");
        assertThat(new FeedCheckpoint("gdelt", END, List.of(late, early), List.of(3L), END).openGaps())
                .containsExactly(early, late);
    }
}
