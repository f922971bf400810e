package io.dyadwatch.catalog.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyadwatch.model.event.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordResourceTest {

    private static final String EVENT = "{\"id\":\"hist:2016-01-06-x\",\"type\":\"PUBLIC_STATEMENT\",\"actors\":[\"RUS\",\"PRK\"],"
            + "\"occurredAt\":\"2016-01-06\",\"source\":{\"name\":\"TASS\",\"reliability\":\"B\",\"credibility\":1}}";

    @Test
    void shouldReadTheSpanLineAsTheRecordsSpanAndNotAsAnEvent() {
        String text = "{\"covers\":\"2016-01-01..2025-12-31\",\"channel\":\"curated\"}\n" + EVENT + "\n";

        List<Event> events = RecordResource.parse(text, "r.jsonl");

        assertThat(events).extracting(Event::id).containsExactly("hist:2016-01-06-x");
        assertThat(RecordResource.span(text)).hasValueSatisfying(span ->
                assertThat(span.covers().toString()).isEqualTo("2016-01-01..2025-12-31"));
        assertThat(RecordResource.span(EVENT + "\n")).isEmpty();
    }

    @Test
    void shouldNameTheFirstLineOfAMalformedSpan() {
        assertThatThrownBy(() -> RecordResource.parse("{\"covers\":\"2016-01-01..2025-12-31\",\"by\":\"me\"}\n" + EVENT, "r.jsonl"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("r.jsonl line 1: the record's span line has an unknown key 'by'");
    }

    @Test
    void shouldReadEveryBundledRecordWithItsSpan() {
        for (String record : List.of("history/russia-china-2012-2025.jsonl", "history/russia-north-korea-2016-2025.jsonl",
                "history/iran-russia-2016-2025.jsonl")) {
            assertThat(RecordResource.span(RecordResource.text(record))).as(record).isPresent();
            assertThat(RecordResource.read(record)).as(record).hasSizeGreaterThanOrEqualTo(60);
        }
    }
}
