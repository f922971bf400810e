package io.dyadwatch.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dyadwatch.model.event.ContractResult;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventContract;
import io.dyadwatch.model.event.EventType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled historical record (data/history, documented in docs/dataset.md) against the event contract, the rules of
 * issue 8, and the shipped catalog: every line valid, sourced and graded, the series the seeds rest on present, and
 * nearly every Russia-China event counting for some indicator.
 */
class HistoricalDatasetTest {

    /** Maven runs a module's tests from the module directory. */
    private static final Path DATASET = Path.of("../data/history/russia-china-2012-2025.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Dyad CHN_RUS = Dyad.parse("CHN-RUS");

    private static List<String> lines;
    private static List<Event> events;

    @BeforeAll
    static void readTheFile() throws IOException {
        lines = Files.readAllLines(DATASET, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        EventContract contract = EventContract.withDefaults();
        events = new ArrayList<>();
        for (String line : lines) {
            if (contract.check(line) instanceof ContractResult.Accepted accepted) {
                events.add(accepted.event());
            }
        }
    }

    @Test
    void shouldAcceptEveryLineUnderTheEventContract() {
        EventContract contract = EventContract.withDefaults();
        for (String line : lines) {
            assertThat(contract.check(line)).as(line).isInstanceOf(ContractResult.Accepted.class);
        }
        assertThat(events).hasSameSizeAs(lines);
    }

    @Test
    void shouldHoldAtLeast150EventsWithUniqueIds() {
        assertThat(events).hasSizeGreaterThanOrEqualTo(150);
        assertThat(events).extracting(Event::id).doesNotHaveDuplicates();
    }

    @Test
    void shouldNameASourceAndGiveAGradeOnEveryLine() throws IOException {
        for (String line : lines) {
            JsonNode source = JSON.readTree(line).path("source");
            String id = JSON.readTree(line).path("id").asText();
            assertThat(source.path("name").asText("")).as("source name of %s", id).isNotBlank();
            // given explicitly, not filled in by the contract's defaults
            assertThat(source.path("reliability").asText("")).as("reliability of %s", id).matches("[A-F]");
            assertThat(source.path("credibility").isInt()).as("credibility of %s", id).isTrue();
            assertThat(source.path("credibility").asInt()).as("credibility of %s", id).isBetween(1, 6);
            if (source.has("url")) {
                assertThat(source.path("url").asText()).as("url of %s", id).startsWith("https://");
            }
        }
    }

    @Test
    void shouldCoverTheYears2012Through2025Only() {
        for (Event e : events) {
            int year = e.occurredAt().atZone(ZoneOffset.UTC).getYear();
            assertThat(year).as(e.id()).isBetween(2012, 2025);
        }
        assertThat(events).anyMatch(e -> year(e) == 2012).anyMatch(e -> year(e) == 2025);
    }

    @Test
    void shouldContainTheExerciseSeriesTheSeedsRestOn() {
        assertThat(named(EventType.JOINT_EXERCISE, "Joint Sea")).hasSizeGreaterThanOrEqualTo(10);
        for (String name : List.of("Vostok-2018", "Tsentr-2019", "Kavkaz-2020", "Vostok-2022", "Zapad/Interaction-2021")) {
            assertThat(named(EventType.JOINT_EXERCISE, name)).as(name).hasSize(1);
        }
        assertThat(named(EventType.JOINT_EXERCISE, "Security Belt"))
                .anyMatch(e -> year(e) == 2023 && list(e, "participants").contains("IRN"));
        assertThat(named(EventType.JOINT_EXERCISE, "Mosi II"))
                .singleElement().satisfies(e -> {
                    assertThat(year(e)).isEqualTo(2023);
                    assertThat(list(e, "participants")).contains("ZAF");
                });
    }

    @Test
    void shouldContainTheCombinedPatrolsSinceTheyBegan() {
        List<Event> air = of(EventType.COMBINED_PATROL, e -> list(e, "domains").contains("air"));
        List<Event> naval = of(EventType.COMBINED_PATROL, e -> list(e, "domains").contains("naval"));
        // bomber patrols since July 2019, naval patrols since October 2021 (issue 8)
        assertThat(air).extracting(HistoricalDatasetTest::date).contains(LocalDate.of(2019, 7, 23));
        assertThat(air).allMatch(e -> !date(e).isBefore(LocalDate.of(2019, 7, 1)));
        assertThat(air.stream().map(HistoricalDatasetTest::year).distinct()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(naval).extracting(HistoricalDatasetTest::date).contains(LocalDate.of(2021, 10, 17));
        assertThat(naval).allMatch(e -> !date(e).isBefore(LocalDate.of(2021, 10, 1)));
        assertThat(naval.stream().map(HistoricalDatasetTest::year).distinct()).hasSizeGreaterThanOrEqualTo(4);
        // after the seeds were written: patrols near Alaska in 2024 and 2025
        assertThat(of(EventType.COMBINED_PATROL, e -> year(e) >= 2024 && list(e, "near").contains("USA")))
                .isNotEmpty();
    }

    @Test
    void shouldContainTheSu35AndS400ContractsAndDeliveries() {
        for (String system : List.of("Su-35", "S-400")) {
            List<Event> transfers = of(EventType.ARMS_TRANSFER, e -> list(e, "systems").contains(system));
            assertThat(transfers).as(system).anyMatch(e -> "contract".equals(e.attribute("stage")));
            assertThat(transfers).as(system).anyMatch(e -> "delivery".equals(e.attribute("stage")));
        }
        assertThat(of(EventType.DEFENSE_INDUSTRIAL_COOPERATION, e -> list(e, "systems").contains("AHL"))).isNotEmpty();
        assertThat(of(EventType.ARMS_TRANSFER, e -> list(e, "systems").contains("aircraft-engines"))).isNotEmpty();
    }

    @Test
    void shouldContainTheSummitsWarSupportAndSanctions() {
        List<Event> summits = of(EventType.LEADER_EXCHANGE, e -> "head-of-state".equals(e.attribute("level")));
        assertThat(summits).anyMatch(e -> date(e).equals(LocalDate.of(2022, 2, 4)));
        assertThat(summits).anyMatch(e -> date(e).equals(LocalDate.of(2023, 3, 20)));
        assertThat(of(EventType.LEADER_EXCHANGE, e -> "defense-minister".equals(e.attribute("level")))).isNotEmpty();
        assertThat(of(EventType.DUAL_USE_EXPORT, e -> year(e) == 2023))
                .anyMatch(e -> list(e, "items").containsAll(List.of("rifles", "drone parts", "body armor")));
        assertThat(of(EventType.SANCTIONS_ACTION, e -> "CHN".equals(e.attribute("target")))).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void shouldNameTheWatchedPairAsActorsOfEveryArmsSaleToARival() {
        List<Event> sales = of(EventType.ARMS_SALE_TO_RIVAL, e -> true);
        assertThat(sales).isNotEmpty();
        for (Event e : sales) {
            assertThat(e.actors()).as(e.id()).containsExactly("RUS", "CHN");
            assertThat(e.attribute("rival")).as(e.id()).isIn("IND", "VNM");
        }
    }

    @Test
    void shouldCountNearlyEveryRussiaChinaEventForSomeIndicator() {
        Catalog catalog = Catalog.loadDefault();
        List<Event> pair = events.stream().filter(e -> CHN_RUS.isContainedIn(e.actors())).toList();
        List<String> unmatched = pair.stream().filter(e -> catalog.indicatorsFor(e).isEmpty()).map(Event::id).toList();
        double share = 1.0 - (double) unmatched.size() / pair.size();
        System.out.printf("HistoricalDatasetTest: %d of %d CHN-RUS events count for an indicator (%.1f%%); none: %s%n",
                pair.size() - unmatched.size(), pair.size(), 100 * share, unmatched);
        assertThat(pair).hasSizeGreaterThanOrEqualTo(150);
        assertThat(share).as("share of CHN-RUS events matching an indicator; unmatched: %s", unmatched)
                .isGreaterThanOrEqualTo(0.90);
    }

    private static List<Event> of(EventType type, Predicate<Event> test) {
        return events.stream().filter(e -> e.type() == type && test.test(e)).toList();
    }

    private static List<Event> named(EventType type, String name) {
        return of(type, e -> e.attribute("name") != null && e.attribute("name").contains(name));
    }

    private static List<Object> list(Event e, String attribute) {
        Object value = e.attributes().get(attribute);
        return value instanceof List<?> l ? List.copyOf(l) : List.of();
    }

    private static LocalDate date(Event e) {
        return e.occurredAt().atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static int year(Event e) {
        return date(e).getYear();
    }
}
