package io.dyadwatch.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dyadwatch.catalog.baseline.BaselineDerivation;
import io.dyadwatch.catalog.baseline.BaselineInfo;
import io.dyadwatch.catalog.model.Quarter;
import io.dyadwatch.model.event.ContractResult;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventContract;
import io.dyadwatch.model.event.EventType;
import io.dyadwatch.model.event.Grade;
import io.dyadwatch.model.event.Source;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CHN-RUS baselines are derived when the catalog loads, from the record the jar carries, over the reference window
 * the catalog names (2016-Q1..2021-Q4, the seeds' "recent years"). This test recounts them its own way from the
 * repository's copy of the record, with no number of its own: the CHN-RUS events of the window graded A or B with
 * credibility 1 or 2 (the record has one report per event, none of them two-sourced), matched by the catalog's
 * matchers, (events + 1/2) / 24 a quarter; and checks what falls outside the window stays out.
 *
 * <p>The SIPRI register (the importer's output, one event per order and delivery year, dated 1 July, grade A2) is not
 * part of the calibrated stream: the test checks that no indicator counts its lines, and prints the rate they would give.
 */
class BaselineDerivationTest {

    /** Maven runs a module's tests from the module directory. */
    private static final Path SIPRI = Path.of("../producer/src/test/resources/fixtures/sipri/sipri_trade_register_China_from_Russia.csv");
    private static final Dyad CHN_RUS = Dyad.parse("CHN-RUS");
    static final LocalDate START = LocalDate.of(2012, 1, 1);
    static final LocalDate END = LocalDate.of(2024, 1, 1);

    private static Catalog catalog;
    private static BaselineInfo info;
    private static List<Event> pair;

    @BeforeAll
    static void readTheRecord() throws IOException {
        catalog = Catalog.loadDefault();
        info = catalog.dyad(CHN_RUS).baselineInfo();
        pair = BundledRecordFile.CHN_RUS.events().stream().filter(e -> CHN_RUS.isContainedIn(e.actors())).toList();
    }

    static Stream<BundledRecordFile> records() {
        return Stream.of(BundledRecordFile.values());
    }

    static LocalDate date(Event e) {
        return e.occurredAt().atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static boolean inWindow(Event e, BaselineInfo info) {
        Quarter q = Quarter.of(e.occurredAt());
        return q.compareTo(info.from()) >= 0 && q.compareTo(info.to()) <= 0;
    }

    private static boolean confirmedAlone(Grade g) {
        return (g.reliability() == 'A' || g.reliability() == 'B') && g.credibility() <= 2;
    }

    @ParameterizedTest
    @MethodSource("records")
    void shouldCarryOnTheClassPathTheOneCopyOfEachRecordInDataHistory(BundledRecordFile record) throws IOException {
        BaselineInfo derived = catalog.dyad(record.dyad()).baselineInfo();
        assertThat(derived.source()).isEqualTo(record.resource());
        // Maven copies data/history into the catalog jar (catalog/pom.xml): no second copy in the sources
        assertThat(Path.of("src/main/resources/history")).doesNotExist();
        try (InputStream in = Catalog.class.getResourceAsStream("/" + derived.source())) {
            assertThat(in).as("the record on the class path").isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(record.path(), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @MethodSource("records")
    void shouldDeriveEveryBaselineOfARecordedDyadFromTheConfirmedEventsOfItsWindow(BundledRecordFile record)
            throws IOException {
        Dyad dyad = record.dyad();
        BaselineInfo info = catalog.dyad(dyad).baselineInfo();
        List<Event> pair = record.events().stream().filter(e -> dyad.isContainedIn(e.actors())).toList();
        assertThat(info.basis()).isEqualTo(BaselineInfo.Basis.RECORD);
        assertThat(info.from()).isEqualTo(Quarter.parse("2016-Q1"));
        assertThat(info.to()).isEqualTo(Quarter.parse("2021-Q4"));
        assertThat(info.quarters()).isEqualTo(24);
        Map<String, List<String>> byIndicator = new LinkedHashMap<>();
        catalog.indicators().forEach(i -> byIndicator.put(i.id(), new ArrayList<>()));
        int counted = 0;
        int unconfirmed = 0;
        for (Event e : pair) {
            List<String> ids = catalog.indicatorsFor(e);
            if (!inWindow(e, info) || ids.isEmpty()) {
                continue;
            }
            if (!confirmedAlone(e.source().grade())) {
                unconfirmed++;
                continue;
            }
            counted++;
            ids.forEach(id -> byIndicator.get(id).add(e.id().replace("hist:", "")));
        }
        StringBuilder table = new StringBuilder("BaselineDerivationTest: " + dyad + " baselines, 2016-Q1..2021-Q4\n");
        byIndicator.forEach((id, events) -> {
            double rate = (events.size() + 0.5) / 24;
            table.append(String.format("| %s | %d | %.3f | %s |%n", id, events.size(), rate, events));
            assertThat(info.counts().get(id)).as(id).isEqualTo(events.size());
            Indicator indicator = catalog.indicator(id);
            double expected = indicator.signature() != null && events.isEmpty() ? indicator.signature().statusQuoRate() : rate;
            assertThat(catalog.dyad(dyad).baseline(id)).as(id).isCloseTo(expected, within(1e-12));
        });
        System.out.print(table);
        assertThat(info.eventsCounted()).isEqualTo(counted);
        assertThat(info.eventsUnconfirmed()).isEqualTo(unconfirmed).isPositive();
    }

    @Test
    void shouldJudgeEverythingAfterTheWindowOutOfSample() {
        // the patterns that began after 2021 have no events in the window: the half pseudo-event only, or, for a
        // signature (a patrol beyond Japan), its judged status-quo rate
        for (String id : List.of("lethal-aid-reported", "dual-use-export", "sanctions-on-suppliers")) {
            assertThat(info.counts().get(id)).as(id).isZero();
            assertThat(catalog.dyad(CHN_RUS).baseline(id)).as(id).isCloseTo(BaselineDerivation.PSEUDO_COUNT / 24, within(1e-12));
        }
        assertThat(info.counts().get("patrol-beyond-japan")).isZero();
        assertThat(catalog.dyad(CHN_RUS).baseline("patrol-beyond-japan"))
                .isEqualTo(catalog.indicator("patrol-beyond-japan").signature().statusQuoRate());
        assertThat(pair.stream().filter(e -> catalog.indicatorsFor(e).contains("patrol-beyond-japan")).count())
                .as("patrols beyond Japan in the record, all after the window").isPositive();
        assertThat(info.countedEvents()).allSatisfy(e -> assertThat(info.from().compareTo(e.quarter()) <= 0
                && e.quarter().compareTo(info.to()) <= 0).isTrue());
    }

    @Test
    void shouldMarkTheDyadsWithoutARecordAsJudgement() {
        List<Dyad> recorded = records().map(BundledRecordFile::dyad).toList();
        for (Dyad d : catalog.dyads().keySet()) {
            if (!recorded.contains(d)) {
                assertThat(catalog.dyad(d).baselineInfo().basis()).as(d.key()).isEqualTo(BaselineInfo.Basis.JUDGEMENT);
                assertThat(catalog.dyad(d).baselineInfo().source()).isEqualTo(BaselineInfo.JUDGEMENT_SOURCE);
                assertThat(catalog.dyad(d).dispersion("exercises")).isInfinite();
            }
        }
    }

    @Test
    void shouldEstimateADispersionForEveryFamilyWithinItsBounds() {
        assertThat(info.dispersion()).containsOnlyKeys(catalog.families().keySet());
        assertThat(info.dispersion().values()).allSatisfy(k -> assertThat(k)
                .isBetween(BaselineDerivation.MIN_SIZE, BaselineDerivation.MAX_SIZE));
        // campaigns of exercises: more variable than Poisson
        assertThat(info.dispersion("exercises")).isLessThan(10);
    }

    @Test
    void shouldRouteTheCoastGuardPatrolAwayFromTheMilitaryPatrolIndicators() {
        Event coastGuard = pair.stream().filter(e -> e.id().contains("coast-guard")).findFirst().orElseThrow();
        assertThat(catalog.indicatorsFor(coastGuard)).containsExactly("coast-guard-patrol");
    }

    @Test
    void shouldNotCountTheCaatsaSanctionOnChinaAsASanctionOnSuppliers() {
        Event caatsa = pair.stream().filter(e -> e.id().contains("caatsa")).findFirst().orElseThrow();
        assertThat(catalog.indicatorsFor(caatsa)).doesNotContain("sanctions-on-suppliers");
    }

    /**
     * The SIPRI importer's events for Russia to China, built here from the fixture the way the importer builds them
     * (docs/importers.md: one ARMS_TRANSFER per delivery year, 1 July, datePrecision year, grade A2, no {@code systems}).
     * No indicator counts them, so merging SIPRI into a replay does not read as a surge of arms transfers against a
     * baseline calibrated on the record; the rate they would give is printed for docs/catalog.md.
     */
    @Test
    void shouldLeaveSipriRegisterLinesOutOfTheCalibratedIndicators() throws IOException {
        List<String> rows = Files.readAllLines(SIPRI, StandardCharsets.UTF_8);
        List<Event> sipri = new ArrayList<>();
        Set<String> advanced = Set.of("S-400 Triumf", "Su-35S", "AL-31", "AL-41F-1S", "D-30");
        int advancedLines = 0;
        for (String row : rows.subList(1, rows.size())) {
            if (row.isBlank()) {
                continue;
            }
            String[] f = row.split(",", -1);
            assertThat(f).as(row).hasSize(16);
            for (String y : f[10].split(";")) {
                int year = Integer.parseInt(y.trim());
                Instant at = LocalDate.of(year, 7, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
                Map<String, Object> attributes = new TreeMap<>(Map.of("supplier", f[1], "recipient", f[0],
                        "designation", f[6], "description", f[7], "orderYear", f[2], "deliveryYear", year,
                        "status", f[11], "datePrecision", "year"));
                Event e = new Event("sipri:" + Math.abs(row.hashCode()) + ":" + year, EventType.ARMS_TRANSFER,
                        List.of("RUS", "CHN"), at, null,
                        new Source("SIPRI Arms Transfers Database", "https://www.sipri.org/databases/armstransfers",
                                new Grade('A', 2)), attributes, "");
                sipri.add(e);
                if (year >= 2012 && year <= 2023 && advanced.contains(f[6])) {
                    advancedLines++;
                }
            }
        }
        List<Event> inPeriod = sipri.stream().filter(e -> !date(e).isBefore(START) && date(e).isBefore(END)).toList();
        System.out.printf("BaselineDerivationTest: SIPRI Russia->China delivery-year lines 2012-2023: %d (%.2f/q), "
                + "of which S-400, Su-35S and engines (AL-31, AL-41F-1S, D-30): %d, ordinary: %d (%.2f/q)%n",
                inPeriod.size(), inPeriod.size() / 48.0, advancedLines, inPeriod.size() - advancedLines,
                (inPeriod.size() - advancedLines) / 48.0);
        assertThat(inPeriod).hasSize(SIPRI_LINES_2012_2023);
        for (Event e : sipri) {
            assertThat(catalog.indicatorsFor(e)).as(e.attributes().toString()).isEmpty();
        }
    }

    /** Documented in docs/catalog.md; the number a SIPRI-calibrated arms-transfer baseline would rest on. */
    static final int SIPRI_LINES_2012_2023 = 124;

}
