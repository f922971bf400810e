package io.dyadwatch.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dyadwatch.model.event.ContractResult;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventContract;
import io.dyadwatch.model.event.EventType;
import io.dyadwatch.model.event.RecordSpan;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundled records (data/history, documented in docs/dataset.md) against the event contract, the rules of issues 8
 * and 21, and the shipped catalog: every line valid, sourced and graded, the span each file states, the series the
 * sources rest on present, and nearly every event of a record's dyad counting for some indicator. The checks that hold
 * for the Russia-China record hold for the Russia-North Korea and Iran-Russia records too ({@link BundledRecordFile}).
 */
class HistoricalDatasetTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BundledRecordFile CHN_RUS_RECORD = BundledRecordFile.CHN_RUS;

    private static List<String> lines;
    private static List<Event> events;

    @BeforeAll
    static void readTheFile() throws IOException {
        lines = CHN_RUS_RECORD.eventLines();
        events = CHN_RUS_RECORD.events();
    }

    static Stream<BundledRecordFile> records() {
        return Stream.of(BundledRecordFile.values());
    }

    @ParameterizedTest
    @MethodSource("records")
    void shouldAcceptEveryLineUnderTheEventContract(BundledRecordFile record) throws IOException {
        EventContract contract = EventContract.withDefaults();
        for (String line : record.eventLines()) {
            assertThat(contract.check(line)).as(line).isInstanceOf(ContractResult.Accepted.class);
        }
        assertThat(record.events()).hasSameSizeAs(record.eventLines());
    }

    @ParameterizedTest
    @MethodSource("records")
    void shouldStateItsSpanOnTheFirstLineAndKeepEveryEventInsideIt(BundledRecordFile record) throws IOException {
        RecordSpan span = record.span();
        assertThat(span.covers().toString()).isEqualTo(record.covers());
        assertThat(span.channel()).isEqualTo("curated");
        for (Event e : record.events()) {
            assertThat(year(e)).as(e.id()).isBetween(record.firstYear(), 2025);
        }
        assertThat(record.events()).anyMatch(e -> year(e) == record.firstYear()).anyMatch(e -> year(e) == 2025);
    }

    @ParameterizedTest
    @MethodSource("records")
    void shouldHoldEnoughEventsWithUniqueIds(BundledRecordFile record) throws IOException {
        assertThat(record.events()).hasSizeGreaterThanOrEqualTo(record.minimumEvents());
        assertThat(record.events()).extracting(Event::id).doesNotHaveDuplicates();
        assertThat(record.events()).allMatch(e -> e.id().startsWith("hist:" + date(e) + "-"));
    }

    @ParameterizedTest
    @MethodSource("records")
    void shouldNameASourceAndGiveAGradeOnEveryLine(BundledRecordFile record) throws IOException {
        for (String line : record.eventLines()) {
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

    @ParameterizedTest
    @MethodSource("records")
    void shouldCountNearlyEveryEventOfTheDyadForSomeIndicator(BundledRecordFile record) throws IOException {
        Catalog catalog = Catalog.loadDefault();
        Dyad dyad = record.dyad();
        List<Event> pair = record.events().stream().filter(e -> dyad.isContainedIn(e.actors())).toList();
        List<String> unmatched = pair.stream().filter(e -> catalog.indicatorsFor(e).isEmpty()).map(Event::id).toList();
        double share = 1.0 - (double) unmatched.size() / pair.size();
        System.out.printf("HistoricalDatasetTest: %d of %d %s events count for an indicator (%.1f%%); none: %s%n",
                pair.size() - unmatched.size(), pair.size(), dyad, 100 * share, unmatched);
        assertThat(pair).hasSameSizeAs(record.events());
        assertThat(share).as("share of %s events matching an indicator; unmatched: %s", dyad, unmatched)
                .isGreaterThanOrEqualTo(0.90);
    }

    @ParameterizedTest
    @MethodSource("records")
    void shouldCoverEveryYearOfTheReferenceWindowAndAfter(BundledRecordFile record) throws IOException {
        for (int year = Math.max(2016, record.firstYear()); year <= 2025; year++) {
            int y = year;
            assertThat(record.events()).as("events of %d in %s", year, record).anyMatch(e -> year(e) == y);
        }
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

    private static List<Event> of(EventType type, Predicate<Event> test) {
        return of(events, type, test);
    }

    static List<Event> of(List<Event> from, EventType type, Predicate<Event> test) {
        return from.stream().filter(e -> e.type() == type && test.test(e)).toList();
    }

    private static List<Event> named(EventType type, String name) {
        return of(type, e -> e.attribute("name") != null && e.attribute("name").contains(name));
    }

    static List<Object> list(Event e, String attribute) {
        Object value = e.attributes().get(attribute);
        return value instanceof List<?> l ? List.copyOf(l) : List.of();
    }

    static LocalDate date(Event e) {
        return e.occurredAt().atZone(ZoneOffset.UTC).toLocalDate();
    }

    static int year(Event e) {
        return date(e).getYear();
    }
}
