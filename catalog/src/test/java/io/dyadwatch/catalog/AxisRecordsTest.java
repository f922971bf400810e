package io.dyadwatch.catalog;

import static io.dyadwatch.catalog.HistoricalDatasetTest.date;
import static io.dyadwatch.catalog.HistoricalDatasetTest.list;
import static io.dyadwatch.catalog.HistoricalDatasetTest.of;
import static io.dyadwatch.catalog.HistoricalDatasetTest.year;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventType;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Russia-North Korea and Iran-Russia records (issue 21): every event with a URL and the reason for its grade, the
 * events a reader would expect present, and the quiet years recorded as carefully as the loud ones.
 */
class AxisRecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<BundledRecordFile> axisRecords() {
        return Stream.of(BundledRecordFile.PRK_RUS, BundledRecordFile.IRN_RUS);
    }

    @ParameterizedTest
    @MethodSource("axisRecords")
    void shouldGiveEveryOwnEventAnHttpsUrlAndTheReasonForItsGrade(BundledRecordFile record) throws IOException {
        // lines copied verbatim from the Russia-China record (the multilateral exercises, same ids) keep its conventions
        List<String> shared = BundledRecordFile.CHN_RUS.eventLines();
        for (String line : record.eventLines()) {
            if (shared.contains(line)) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            String id = node.path("id").asText();
            assertThat(node.path("source").path("url").asText("")).as("url of %s", id).startsWith("https://");
            assertThat(node.path("attributes").path("gradeReason").asText(""))
                    .as("grade reason of %s", id)
                    .startsWith(node.path("source").path("reliability").asText() + node.path("source").path("credibility").asText() + ":");
            assertThat(node.path("attributes").path("datePrecision").asText()).as(id).isIn("day", "month");
        }
    }

    @Test
    void shouldCopyTheSharedMultilateralExercisesVerbatimFromTheRussiaChinaRecord() throws IOException {
        Map<String, String> chnRus = byId(BundledRecordFile.CHN_RUS.eventLines());
        for (Map.Entry<String, String> line : byId(BundledRecordFile.IRN_RUS.eventLines()).entrySet()) {
            if (chnRus.containsKey(line.getKey())) {
                assertThat(line.getValue()).as(line.getKey()).isEqualTo(chnRus.get(line.getKey()));
            }
        }
    }

    @Test
    void shouldNeverGiveTwoDifferentEventsOneIdAcrossTheRecords() throws IOException {
        Map<String, String> seen = new java.util.HashMap<>();
        for (BundledRecordFile record : BundledRecordFile.values()) {
            for (Map.Entry<String, String> line : byId(record.eventLines()).entrySet()) {
                String before = seen.putIfAbsent(line.getKey(), line.getValue());
                assertThat(before == null || before.equals(line.getValue()))
                        .as("%s in %s: another record holds a different event under this id", line.getKey(), record)
                        .isTrue();
            }
        }
    }

    @Test
    void shouldHoldTheRussiaNorthKoreaSeriesTheIssueNames() throws IOException {
        List<Event> events = BundledRecordFile.PRK_RUS.events();
        List<Event> summits = of(events, EventType.LEADER_EXCHANGE, e -> "head-of-state".equals(e.attribute("level")));
        assertThat(summits).extracting(HistoricalDatasetTest::date)
                .contains(LocalDate.of(2019, 4, 25), LocalDate.of(2023, 9, 13), LocalDate.of(2024, 6, 19));
        assertThat(of(events, EventType.LEADER_EXCHANGE, e -> "defense-minister".equals(e.attribute("level"))))
                .anyMatch(e -> date(e).equals(LocalDate.of(2023, 7, 26)));
        assertThat(of(events, EventType.DEFENSE_AGREEMENT, e -> "mutual-defense".equals(e.attribute("kind"))))
                .singleElement().satisfies(e -> assertThat(date(e)).isEqualTo(LocalDate.of(2024, 6, 19)));
        List<Event> aid = of(events, EventType.LETHAL_AID, e -> true);
        assertThat(aid).anyMatch(e -> list(e, "items").contains("artillery shells"));
        assertThat(aid).anyMatch(e -> list(e, "items").contains("ballistic missiles"));
        assertThat(aid).anyMatch(e -> list(e, "items").contains("troops") && year(e) == 2024);
        assertThat(of(events, EventType.PUBLIC_STATEMENT, e -> String.valueOf(e.attribute("topic")).contains("Panel of Experts")))
                .singleElement().satisfies(e -> assertThat(date(e)).isEqualTo(LocalDate.of(2024, 3, 28)));
        assertThat(of(events, EventType.SANCTIONS_ACTION, e -> list(e, "targets").contains("suppliers")))
                .hasSizeGreaterThanOrEqualTo(4);
        // the quiet years: Russia voted for every UN sanctions resolution of 2016-2017
        assertThat(of(events, EventType.PUBLIC_STATEMENT, e -> "in-favour".equals(e.attribute("vote"))))
                .extracting(e -> e.attribute("topic"))
                .containsExactly("UNSC resolution 2270", "UNSC resolution 2321", "UNSC resolution 2356",
                        "UNSC resolution 2371", "UNSC resolution 2375", "UNSC resolution 2397");
    }

    @Test
    void shouldHoldTheIranRussiaSeriesTheIssueNames() throws IOException {
        List<Event> events = BundledRecordFile.IRN_RUS.events();
        List<Event> aid = of(events, EventType.LETHAL_AID, e -> true);
        assertThat(aid).anyMatch(e -> list(e, "systems").contains("Shahed-136") && year(e) == 2022);
        assertThat(aid).anyMatch(e -> list(e, "items").contains("ballistic missiles") && "delivery".equals(e.attribute("stage")));
        assertThat(of(events, EventType.DEFENSE_INDUSTRIAL_COOPERATION,
                e -> String.valueOf(e.attribute("location")).contains("Alabuga"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(of(events, EventType.JOINT_EXERCISE, e -> String.valueOf(e.attribute("name")).contains("Security Belt")))
                .extracting(HistoricalDatasetTest::year).contains(2019, 2021, 2022, 2023, 2024, 2025);
        assertThat(of(events, EventType.ARMS_TRANSFER, e -> list(e, "systems").contains("Su-35"))).isNotEmpty();
        assertThat(of(events, EventType.DEFENSE_AGREEMENT, e -> year(e) == 2025))
                .singleElement().satisfies(e -> assertThat(e.attribute("kind")).isEqualTo("strategic-partnership"));
        assertThat(of(events, EventType.SANCTIONS_ACTION, e -> list(e, "targets").contains("suppliers")))
                .hasSizeGreaterThanOrEqualTo(5);
        assertThat(of(events, EventType.BASING_ACCESS, e -> year(e) == 2016)).hasSize(1);
    }

    private static Map<String, String> byId(List<String> lines) throws IOException {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String line : lines) {
            out.put(JSON.readTree(line).path("id").asText(), line);
        }
        return out;
    }

}
