package io.dyadwatch.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schema published for other teams and the contract enforced in code must agree: every record of a
 * corpus is accepted by both or refused by both.
 */
class EventContractSchemaAgreementTest {

    private static final Schema SCHEMA = load();
    private final EventContract contract = new EventContract(EventContract.DEFAULT_MAX_RECORD_BYTES,
            Duration.ofDays(1), Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC));

    private static Schema load() {
        try (InputStream in = EventContract.class.getResourceAsStream("/schema/event-v1.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in, InputFormat.JSON);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> corpus() {
        String base = "\"type\":\"JOINT_EXERCISE\",\"actors\":[\"RUS\",\"CHN\"],\"occurredAt\":\"2023-03-15\",\"source\":{\"name\":\"R\"}";
        return List.of(
                EventContractTest.VALID,
                "{\"id\":\"a\"," + base + "}",
                "{\"id\":\"a\"," + base.replace("2023-03-15", "2023-03-15T10:00:00Z") + "}",
                "{\"id\":\"a\"," + base + ",\"reportedAt\":null,\"summary\":null,\"attributes\":null}",
                "{" + base + "}",
                "{\"id\":7," + base + "}",
                "{\"id\":\"a\"," + base.replace("JOINT_EXERCISE", "PICNIC") + "}",
                "{\"id\":\"a\"," + base.replace("[\"RUS\",\"CHN\"]", "[\"RUS\"]") + "}",
                "{\"id\":\"a\"," + base.replace("[\"RUS\",\"CHN\"]", "[\"RUS\",\"RUS\"]") + "}",
                "{\"id\":\"a\"," + base.replace("2023-03-15", "15/03/2023") + "}",
                "{\"id\":\"a\",\"colour\":\"red\"," + base + "}",
                "{\"id\":\"a\"," + base.replace("{\"name\":\"R\"}", "{\"name\":\"R\",\"reliability\":\"G\"}") + "}",
                "{\"id\":\"a\"," + base.replace("{\"name\":\"R\"}", "{\"name\":\"R\",\"credibility\":9}") + "}",
                "{\"id\":\"a\"," + base.replace("{\"name\":\"R\"}", "{\"name\":\"R\",\"grade\":\"B2\"}") + "}",
                "{\"id\":\"a\"," + base.replace("{\"name\":\"R\"}", "{\"name\":\"\"}") + "}",
                "{\"id\":\"a\"," + base + ",\"attributes\":[1]}",
                "{\"id\":\"a\"," + base + ",\"channel\":\"gdelt\"}",
                "{\"id\":\"a\"," + base + ",\"channel\":\"news-feed-2\"}",
                "{\"id\":\"a\"," + base + ",\"channel\":null}",
                "{\"id\":\"a\"," + base + ",\"channel\":\"GDELT\"}",
                "{\"id\":\"a\"," + base + ",\"channel\":\"\"}",
                "{\"id\":\"a\"," + base + ",\"channel\":\"2x\"}",
                "{\"id\":\"a\"," + base + ",\"channel\":7}",
                "{\"id\":\"a\"," + base + ",\"channel\":\"" + "a".repeat(33) + "\"}",
                "[1]");
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void shouldAcceptExactlyWhatTheSchemaAccepts(String record) {
        boolean schemaAccepts = SCHEMA.validate(record, InputFormat.JSON).isEmpty();
        boolean contractAccepts = contract.check(record) instanceof ContractResult.Accepted;

        assertThat(contractAccepts).as("contract accepts %s", record).isEqualTo(schemaAccepts);
    }
}
