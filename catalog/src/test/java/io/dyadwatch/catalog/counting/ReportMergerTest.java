package io.dyadwatch.catalog.counting;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventType;
import io.dyadwatch.model.event.Grade;
import io.dyadwatch.model.event.Source;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportMergerTest {

    private static Event report(String id, EventType type, String day, Map<String, Object> attributes, String source) {
        return new Event(id, type, List.of("CHN", "RUS"), Instant.parse(day + "T00:00:00Z"), null,
                new Source(source, null, Grade.parse("C3")), attributes, "");
    }

    @Test
    void shouldMergeReportsOfOneNamedEventWithinThreeDays() {
        List<ReportMerger.MergedEvent> events = ReportMerger.merge(List.of(
                report("a", EventType.JOINT_EXERCISE, "2024-07-10", Map.of("name", "Joint Sea-2024"), "Xinhua"),
                report("b", EventType.JOINT_EXERCISE, "2024-07-13", Map.of("name", "joint sea 2024"), "TASS")));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).reports()).extracting(Event::id).containsExactly("a", "b");
        assertThat(events.get(0).confirmed()).as("two independent sources").isTrue();
    }

    @Test
    void shouldKeepReportsApartWhenTheyAreLaterDifferentlyNamedOfAnotherTypeOrUnnamedElsewhere() {
        List<ReportMerger.MergedEvent> events = ReportMerger.merge(List.of(
                report("a", EventType.JOINT_EXERCISE, "2024-07-10", Map.of("name", "Joint Sea-2024"), "Xinhua"),
                report("b", EventType.JOINT_EXERCISE, "2024-07-14", Map.of("name", "Joint Sea-2024"), "TASS"),
                report("c", EventType.JOINT_EXERCISE, "2024-07-10", Map.of("name", "Northern Interaction"), "TASS"),
                report("d", EventType.COMBINED_PATROL, "2024-07-10", Map.of("name", "Joint Sea-2024"), "TASS"),
                report("e", EventType.LEADER_EXCHANGE, "2024-07-10", Map.of("location", "Astana"), "TASS"),
                report("f", EventType.LEADER_EXCHANGE, "2024-07-11", Map.of("location", "Beijing"), "Xinhua"),
                report("g", EventType.LEADER_EXCHANGE, "2024-07-11", Map.of("location", "astana"), "Xinhua")));
        assertThat(events).extracting(e -> e.first().id()).containsExactly("a", "c", "d", "e", "f", "b");
        assertThat(events.stream().filter(e -> e.first().id().equals("e")).findFirst().orElseThrow().reports())
                .extracting(Event::id).containsExactly("e", "g");
    }
}
