package io.dyadwatch.app.trackrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.model.event.Coverage;
import io.dyadwatch.model.event.Dyad;
import java.util.List;
import org.junit.jupiter.api.Test;

class BundledLineTest {

    private static final String SHARED = "{\"id\":\"hist:2019-12-27-belt\",\"occurredAt\":\"2019-12-27\"}";

    private static RecordedDyad record(String dyad, String name, String covers, String... lines) {
        return new RecordedDyad(Dyad.parse(dyad), name, String.join("\n", lines) + "\n", Coverage.parse(covers),
                QuarterSpan.parse("2016-Q1..2021-Q4"));
    }

    @Test
    void shouldSendASharedEventOnceCoveringOnlyTheDaysAllItsRecordsCover() {
        List<BundledLine> merged = BundledLine.merge(List.of(
                record("CHN-RUS", "a", "2012-01-01..2025-12-31", "{\"id\":\"hist:2012-04-22-a\",\"occurredAt\":\"2012-04-22\"}", SHARED),
                record("IRN-RUS", "b", "2016-01-01..2025-12-31", "{\"id\":\"hist:2016-02-16-b\",\"occurredAt\":\"2016-02-16\"}", SHARED)));

        assertThat(merged).extracting(BundledLine::line).containsExactly(
                "{\"id\":\"hist:2012-04-22-a\",\"occurredAt\":\"2012-04-22\"}",
                "{\"id\":\"hist:2016-02-16-b\",\"occurredAt\":\"2016-02-16\"}", SHARED);
        assertThat(merged.get(0).covers()).isEqualTo(Coverage.parse("2012-01-01..2025-12-31"));
        assertThat(merged.get(2).covers()).isEqualTo(Coverage.parse("2016-01-01..2025-12-31"));
    }

    @Test
    void shouldRefuseTwoDifferentEventsUnderOneId() {
        assertThatThrownBy(() -> BundledLine.merge(List.of(
                record("CHN-RUS", "a", "2012-01-01..2025-12-31", SHARED),
                record("IRN-RUS", "b", "2016-01-01..2025-12-31", SHARED.replace("2019-12-27\"}", "2019-12-28\"}")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hold different events under one id hist:2019-12-27-belt");
    }

    @Test
    void shouldMergeTheBundledRecordsIntoOneReplayOfEveryDistinctEvent() {
        List<RecordedDyad> records = RecordedDyad.of(Catalog.loadDefault());
        assertThat(records).extracting(r -> r.dyad().key()).containsExactly("CHN-RUS", "IRN-RUS", "PRK-RUS");
        // 154 + 65 + 61, less the six multilateral exercises the Iran-Russia record shares with the Russia-China one
        assertThat(BundledLine.merge(records)).hasSize(274);
    }
}
