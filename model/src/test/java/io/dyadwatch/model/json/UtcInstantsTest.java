package io.dyadwatch.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UtcInstantsTest {

    @Test
    void shouldReadTheCommonFormsAsInstantParseDoes() {
        for (String text : List.of("2023-03-15T08:00:00Z", "1900-01-01T00:00:00Z", "2024-02-29T23:59:59.5Z",
                "2024-07-01T00:00:00.123456789Z", "2019-12-20T10:11:12.120Z")) {
            assertThat(UtcInstants.parseOrNull(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void shouldLeaveOtherFormsToTheGeneralParser() {
        assertThat(UtcInstants.parseOrNull("2023-03-15T08:00:00+01:00")).isNull();
        assertThat(UtcInstants.parseOrNull("2023-03-15")).isNull();
        assertThat(UtcInstants.parseOrNull("2023-03-15T08:00:00.Z")).isNull();
        assertThat(UtcInstants.parseOrNull("2023-0x-15T08:00:00Z")).isNull();
        assertThat(UtcInstants.parse("2023-03-15T09:00:00.000000001Z"))
                .isEqualTo(Instant.parse("2023-03-15T09:00:00.000000001Z"));
    }

    @Test
    void shouldRefuseImpossibleDates() {
        assertThatThrownBy(() -> UtcInstants.parseOrNull("2023-02-30T08:00:00Z"))
                .isInstanceOf(java.time.DateTimeException.class);
    }

    @Test
    void shouldBeTheMappersWayOfReadingInstants() throws Exception {
        record Stamp(Instant at) {
        }
        Stamp read = Json.MAPPER.readValue("{\"at\":\"2024-07-01T00:00:00.25Z\"}", Stamp.class);

        assertThat(read.at()).isEqualTo(Instant.parse("2024-07-01T00:00:00.25Z"));
        assertThat(Json.MAPPER.writeValueAsString(read)).isEqualTo("{\"at\":\"2024-07-01T00:00:00.250Z\"}");
    }
}
