package io.dyadwatch.model.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PeriodUnitTest {

    @Test
    void shouldLabelQuartersByEventTime() {
        assertThat(PeriodUnit.QUARTER.labelOf(Instant.parse("2023-03-31T23:59:59Z"))).isEqualTo("2023-Q1");
        assertThat(PeriodUnit.QUARTER.labelOf(Instant.parse("2023-04-01T00:00:00Z"))).isEqualTo("2023-Q2");
        assertThat(PeriodUnit.MONTH.labelOf(Instant.parse("2023-11-05T00:00:00Z"))).isEqualTo("2023-11");
    }

    @Test
    void shouldStepAcrossYearBoundaries() {
        assertThat(PeriodUnit.QUARTER.next("2023-Q4")).isEqualTo("2024-Q1");
        assertThat(PeriodUnit.QUARTER.previous("2024-Q1")).isEqualTo("2023-Q4");
        assertThat(PeriodUnit.QUARTER.startOf("2023-Q3")).isEqualTo(Instant.parse("2023-07-01T00:00:00Z"));
        assertThat(PeriodUnit.QUARTER.endOf("2023-Q3")).isEqualTo(Instant.parse("2023-10-01T00:00:00Z"));
    }

    @Test
    void shouldSortLabelsInTimeOrderAsText() {
        assertThat("2023-Q4".compareTo("2024-Q1")).isNegative();
        assertThat("2019-Q3".compareTo("2019-Q2")).isPositive();
    }
}
