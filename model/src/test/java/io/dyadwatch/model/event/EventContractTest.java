package io.dyadwatch.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventContractTest {

    static final String VALID = """
            {"id":"t-1","type":"JOINT_EXERCISE","actors":["RUS","CHN"],"occurredAt":"2023-03-15",
             "source":{"name":"Reuters","url":"https://example.org/a","reliability":"B","credibility":2},
             "attributes":{"name":"Security Belt","domains":["naval"],"scale":{"ships":5}},
             "summary":"A drill."}""";

    private final EventContract contract = new EventContract(1024,
            Duration.ofDays(1), Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void shouldAcceptAValidEventWithEveryField() {
        ContractResult result = contract.check(VALID.getBytes(StandardCharsets.UTF_8));

        assertThat(result).isInstanceOf(ContractResult.Accepted.class);
        Event event = ((ContractResult.Accepted) result).event();
        assertThat(event.id()).isEqualTo("t-1");
        assertThat(event.type()).isEqualTo(EventType.JOINT_EXERCISE);
        assertThat(event.actors()).containsExactly("RUS", "CHN");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2023-03-15T00:00:00Z"));
        assertThat(event.source().grade()).isEqualTo(new Grade('B', 2));
        assertThat(event.dyad().key()).isEqualTo("CHN-RUS");
        assertThat(event.attributes()).containsEntry("name", "Security Belt");
    }

    @Test
    void shouldGradeAReportWithoutGradingAsF6() {
        ContractResult result = contract.check(
                "{\"id\":\"x\",\"type\":\"COMBINED_PATROL\",\"actors\":[\"RUS\",\"CHN\"],\"occurredAt\":\"2021-10-17T08:00:00Z\","
                        + "\"source\":{\"name\":\"Somebody\"}}");

        assertThat(((ContractResult.Accepted) result).event().source().grade()).isEqualTo(new Grade('F', 6));
    }

    @Test
    void shouldRoundTripThroughItsOwnJson() {
        Event event = ((ContractResult.Accepted) contract.check(VALID)).event();

        Event again = EventJson.fromBytes(EventJson.toBytes(event));

        assertThat(again).isEqualTo(event);
    }

    static List<Arguments> faults() {
        String base = "\"type\":\"JOINT_EXERCISE\",\"actors\":[\"RUS\",\"CHN\"],\"occurredAt\":\"2023-03-15\",\"source\":{\"name\":\"R\"}";
        return List.of(
                Arguments.of("empty", "", RejectReason.EMPTY),
                Arguments.of("not json", "{\"id\": nope", RejectReason.NOT_JSON),
                Arguments.of("not an object", "[1,2]", RejectReason.NOT_AN_OBJECT),
                Arguments.of("missing id", "{" + base + "}", RejectReason.MISSING_FIELD),
                Arguments.of("null id", "{\"id\":null," + base + "}", RejectReason.MISSING_FIELD),
                Arguments.of("id is a number", "{\"id\":7," + base + "}", RejectReason.WRONG_TYPE),
                Arguments.of("blank id", "{\"id\":\"  \"," + base + "}", RejectReason.INVALID_VALUE),
                Arguments.of("unknown type", "{\"id\":\"a\"," + base.replace("JOINT_EXERCISE", "PICNIC") + "}",
                        RejectReason.UNKNOWN_EVENT_TYPE),
                Arguments.of("one actor", "{\"id\":\"a\"," + base.replace("[\"RUS\",\"CHN\"]", "[\"RUS\"]") + "}",
                        RejectReason.TOO_FEW_ACTORS),
                Arguments.of("same actor twice", "{\"id\":\"a\"," + base.replace("[\"RUS\",\"CHN\"]", "[\"RUS\",\"RUS\"]") + "}",
                        RejectReason.TOO_FEW_ACTORS),
                Arguments.of("unknown country", "{\"id\":\"a\"," + base.replace("\"CHN\"", "\"XXX\"") + "}",
                        RejectReason.UNKNOWN_COUNTRY),
                Arguments.of("actors not array", "{\"id\":\"a\"," + base.replace("[\"RUS\",\"CHN\"]", "\"RUS,CHN\"") + "}",
                        RejectReason.WRONG_TYPE),
                Arguments.of("bad date", "{\"id\":\"a\"," + base.replace("2023-03-15", "15/03/2023") + "}",
                        RejectReason.UNPARSEABLE_DATE),
                Arguments.of("impossible date", "{\"id\":\"a\"," + base.replace("2023-03-15", "2023-02-30") + "}",
                        RejectReason.UNPARSEABLE_DATE),
                Arguments.of("future date", "{\"id\":\"a\"," + base.replace("2023-03-15", "2024-01-03") + "}",
                        RejectReason.DATE_IN_FUTURE),
                Arguments.of("ancient date", "{\"id\":\"a\"," + base.replace("2023-03-15", "1066-10-14") + "}",
                        RejectReason.DATE_OUT_OF_RANGE),
                Arguments.of("unknown field", "{\"id\":\"a\",\"colour\":\"red\"," + base + "}", RejectReason.UNKNOWN_FIELD),
                Arguments.of("duplicate key", "{\"id\":\"a\",\"id\":\"b\"," + base + "}", RejectReason.DUPLICATE_KEY),
                Arguments.of("bad reliability", "{\"id\":\"a\"," + base.replace("{\"name\":\"R\"}",
                        "{\"name\":\"R\",\"reliability\":\"G\"}") + "}", RejectReason.INVALID_VALUE),
                Arguments.of("credibility out of range", "{\"id\":\"a\"," + base.replace("{\"name\":\"R\"}",
                        "{\"name\":\"R\",\"credibility\":9}") + "}", RejectReason.INVALID_VALUE),
                Arguments.of("missing source", "{\"id\":\"a\",\"type\":\"JOINT_EXERCISE\",\"actors\":[\"RUS\",\"CHN\"],"
                        + "\"occurredAt\":\"2023-03-15\"}", RejectReason.MISSING_FIELD),
                Arguments.of("deep nesting", "{\"id\":\"a\"," + base + ",\"attributes\":" + "{\"a\":".repeat(20)
                        + "1" + "}".repeat(20) + "}", RejectReason.TOO_DEEPLY_NESTED),
                Arguments.of("channel not a name", "{\"id\":\"a\"," + base + ",\"channel\":\"Curated News\"}",
                        RejectReason.INVALID_CHANNEL),
                Arguments.of("channel a number", "{\"id\":\"a\"," + base + ",\"channel\":3}", RejectReason.WRONG_TYPE),
                Arguments.of("oversized", "{\"id\":\"a\"," + base + ",\"summary\":\"" + "x".repeat(2000) + "\"}",
                        RejectReason.OVERSIZED));
    }

    @Test
    void shouldGiveAReportThatNamesNoChannelTheCuratedChannel() {
        Event event = ((ContractResult.Accepted) contract.check(VALID)).event();

        assertThat(event.channel()).isEqualTo(Channels.CURATED);
    }

    @Test
    void shouldGiveAReportThatNamesNoChannelTheProducersDefault() {
        Event event = ((ContractResult.Accepted) contract.withDefaultChannel(Channels.GDELT).check(VALID)).event();

        assertThat(event.channel()).isEqualTo(Channels.GDELT);
    }

    @Test
    void shouldKeepTheChannelAReportNamesWhateverTheDefault() {
        String record = VALID.replace("\"summary\":\"A drill.\"", "\"summary\":\"A drill.\",\"channel\":\"sipri\"");

        Event event = ((ContractResult.Accepted) contract.withDefaultChannel(Channels.GDELT).check(record)).event();

        assertThat(event.channel()).isEqualTo(Channels.SIPRI);
    }

    @Test
    void shouldReadANullChannelAsTheDefault() {
        String record = VALID.replace("\"summary\":\"A drill.\"", "\"summary\":\"A drill.\",\"channel\":null");

        Event event = ((ContractResult.Accepted) contract.check(record)).event();

        assertThat(event.channel()).isEqualTo(Channels.CURATED);
    }

    @Test
    void shouldNameTheChannelRuleWhenAChannelIsRefused() {
        String record = VALID.replace("\"summary\":\"A drill.\"", "\"summary\":\"A drill.\",\"channel\":\"GDELT\"");

        Rejection rejection = ((ContractResult.Rejected) contract.check(record)).rejection();

        assertThat(rejection.reason()).isEqualTo(RejectReason.INVALID_CHANNEL);
        assertThat(rejection.message()).contains("'channel'", "lower-case", "'GDELT'");
    }

    @Test
    void shouldCarryTheChannelThroughItsOwnJson() {
        Event event = ((ContractResult.Accepted) contract.withDefaultChannel(Channels.SIPRI).check(VALID)).event();

        String json = EventJson.toJson(event);
        Event again = EventJson.fromBytes(json.getBytes(StandardCharsets.UTF_8));

        assertThat(json).contains("\"channel\":\"sipri\"");
        assertThat(again.channel()).isEqualTo(Channels.SIPRI);
        assertThat(again).isEqualTo(event);
    }

    @Test
    void shouldRefuseToBuildAnEventWithABadChannel() {
        Event event = ((ContractResult.Accepted) contract.check(VALID)).event();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> event.withChannel("no such channel"))
                .withMessageContaining("lower-case");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void shouldRefuseEachFaultWithItsOwnReason(String name, String record, RejectReason expected) {
        ContractResult result = contract.check(record.getBytes(StandardCharsets.UTF_8));

        assertThat(result).isInstanceOf(ContractResult.Rejected.class);
        Rejection rejection = ((ContractResult.Rejected) result).rejection();
        assertThat(rejection.reason()).isEqualTo(expected);
        assertThat(rejection.message()).isNotBlank();
    }

    @Test
    void shouldRefuseInvalidUtf8() {
        byte[] bytes = VALID.getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 5] = (byte) 0xC3; // a lead byte followed by ASCII: malformed

        Rejection rejection = ((ContractResult.Rejected) contract.check(bytes)).rejection();

        assertThat(rejection.reason()).isEqualTo(RejectReason.INVALID_UTF8);
    }

    @Test
    void shouldRefuseANullRecord() {
        assertThat(((ContractResult.Rejected) contract.check((byte[]) null)).rejection().reason())
                .isEqualTo(RejectReason.EMPTY);
    }

    @Test
    void shouldEscapeControlCharactersInMessages() {
        String record = "{\"id\":\"a\",\"type\":\"BAD\\u0007TYPE\",\"actors\":[\"RUS\",\"CHN\"],\"occurredAt\":\"2023-03-15\","
                + "\"source\":{\"name\":\"R\"}}";

        Rejection rejection = ((ContractResult.Rejected) contract.check(record)).rejection();

        assertThat(rejection.message()).doesNotContain("\u0007").contains("\\u0007");
    }

    @Test
    void shouldCheckEachItemOfABatch() {
        List<ContractResult> results = contract.checkBatch("[" + VALID + ", {\"id\":\"b\"}, 3]");

        assertThat(results).hasSize(3);
        assertThat(results.get(0)).isInstanceOf(ContractResult.Accepted.class);
        assertThat(((ContractResult.Rejected) results.get(1)).rejection().reason()).isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(((ContractResult.Rejected) results.get(2)).rejection().reason()).isEqualTo(RejectReason.NOT_AN_OBJECT);
    }

    @Test
    void shouldRefuseABatchWithDuplicateKeysInAnItem() {
        List<ContractResult> results = contract.checkBatch("[{\"id\":\"a\",\"id\":\"b\"}]");

        assertThat(((ContractResult.Rejected) results.get(0)).rejection().reason()).isEqualTo(RejectReason.DUPLICATE_KEY);
    }
}
