package io.dyadwatch.model.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void shouldParseAndPrintEachUnitsLabel() {
        assertThat(Period.parse("2024-Q3")).isEqualTo(new Period(PeriodUnit.QUARTER, 2024 * 4 + 2));
        assertThat(Period.parse("2024-07").unit()).isEqualTo(PeriodUnit.MONTH);
        assertThat(Period.parse("2024").unit()).isEqualTo(PeriodUnit.YEAR);
        for (String label : List.of("2024-Q3", "2024-07", "2024", "0999-Q1", "2012-12")) {
            assertThat(Period.parse(label)).hasToString(label);
        }
    }

    @Test
    void shouldCompareInTimeOrderWhereTextWouldNot() {
        List<Period> periods = new ArrayList<>(List.of(Period.parse("2010-Q1"), Period.parse("0999-Q4"),
                Period.parse("2009-Q4"), Period.parse("2010-Q2")));
        Collections.shuffle(periods, new java.util.Random(3));
        Collections.sort(periods);

        assertThat(periods).extracting(Period::toString).containsExactly("0999-Q4", "2009-Q4", "2010-Q1", "2010-Q2");
        assertThat(Period.parse("2023-Q4").next()).hasToString("2024-Q1");
        assertThat(Period.parse("2024-01").previous()).hasToString("2023-12");
        assertThat(Period.parse("2022-Q1").until(Period.parse("2024-Q3"))).isEqualTo(10);
    }

    @Test
    void shouldPlaceAnInstantInItsPeriodAndKnowItsBounds() {
        Period q = Period.of(PeriodUnit.QUARTER, Instant.parse("2024-09-30T23:59:59Z"));

        assertThat(q).hasToString("2024-Q3");
        assertThat(q.start()).isEqualTo(Instant.parse("2024-07-01T00:00:00Z"));
        assertThat(q.end()).isEqualTo(Instant.parse("2024-10-01T00:00:00Z"));
        assertThat(q.contains(Instant.parse("2024-10-01T00:00:00Z"))).isFalse();
    }

    @Test
    void shouldRefuseBadLabelsAndMixedUnitsWithAReason() {
        assertThatThrownBy(() -> Period.parse("2024-Q5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("write 2024-Q3, 2024-07 or 2024");
        assertThatThrownBy(() -> Period.parse("2024-13")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Period.parse("2024-07", PeriodUnit.QUARTER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a quarter");
        assertThatThrownBy(() -> Period.parse("2024").compareTo(Period.parse("2024-Q1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot compare");
    }

    @Test
    void shouldTravelInJsonAsItsLabel() throws Exception {
        ObjectMapper json = new ObjectMapper();

        assertThat(json.writeValueAsString(Period.parse("2024-Q3"))).isEqualTo("\"2024-Q3\"");
        assertThat(json.readValue("\"2019-11\"", Period.class)).isEqualTo(Period.parse("2019-11"));
    }
}
