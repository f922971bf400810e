package io.dyadwatch.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.model.event.ContractResult;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventContract;
import io.dyadwatch.model.event.EventType;
import io.dyadwatch.model.event.Grade;
import io.dyadwatch.model.event.Source;
import java.io.IOException;
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
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CHN-RUS baselines of the shipped catalog are derived from the bundled historical record, reproducibly: for each
 * indicator, the CHN-RUS events of its window (2012Q1-2023Q4, or from the quarter a pattern began) that the catalog's
 * own matcher counts for it ({@code catalog.indicatorsFor(event)}), divided by the quarters in the window. The catalog
 * must state that rate rounded to two decimals (tolerance 0.005); an indicator with no event, or with a rate below the
 * floor, must state the floor of 0.02 a quarter (a Poisson rate of zero would make one sighting infinitely surprising).
 * The derivation table is printed and documented in docs/catalog.md ("CHN-RUS baselines").
 *
 * <p>The SIPRI register (the importer's output, one event per order and delivery year, dated 1 July, grade A2) is not
 * part of the calibrated stream: the test checks that no indicator counts its lines, and prints the rate they would give.
 */
class BaselineDerivationTest {

    /** Maven runs a module's tests from the module directory. */
    private static final Path DATASET = Path.of("../data/history/russia-china-2012-2025.jsonl");
    private static final Path SIPRI = Path.of("../producer/src/test/resources/fixtures/sipri/sipri_trade_register_China_from_Russia.csv");
    private static final Dyad CHN_RUS = Dyad.parse("CHN-RUS");

    /** The derivation period ends with 2023Q4: the seeds were written in 2023; 2024-2025 is out-of-sample. */
    static final LocalDate END = LocalDate.of(2024, 1, 1);
    static final LocalDate START = LocalDate.of(2012, 1, 1);
    /** Documented minimum baseline (events per quarter) for indicators with no event, or a rate below it. */
    static final double FLOOR = 0.02;
    /** Baselines are stated to two decimals. */
    static final double ROUNDING = 0.005;

    /**
     * Indicators whose pattern began after 2012Q1: the window starts with the quarter of the pattern's first event (the
     * status quo is the current pattern, not the average over years before it existed). Everything else: 2012Q1.
     */
    static final Map<String, LocalDate> PATTERN_START = Map.of(
            // combined patrols: the first combined bomber patrol, 2019-07-23
            "combined-air-patrol", LocalDate.of(2019, 7, 1),
            "patrol-beyond-japan", LocalDate.of(2019, 7, 1),
            "patrol-unannounced", LocalDate.of(2019, 7, 1),
            "patrols-suspended", LocalDate.of(2019, 7, 1),
            // the first combined naval patrol, 2021-10-17
            "combined-naval-patrol", LocalDate.of(2021, 10, 1),
            // war support: Russia's full-scale invasion of Ukraine, 2022-02-24
            "lethal-aid", LocalDate.of(2022, 1, 1),
            "lethal-aid-reported", LocalDate.of(2022, 1, 1),
            "dual-use-export", LocalDate.of(2022, 1, 1),
            "sanctions-on-suppliers", LocalDate.of(2022, 1, 1));

    private static Catalog catalog;
    private static List<Event> pair;

    @BeforeAll
    static void readTheRecord() throws IOException {
        catalog = Catalog.loadDefault();
        EventContract contract = EventContract.withDefaults();
        pair = new ArrayList<>();
        for (String line : Files.readAllLines(DATASET, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            ContractResult result = contract.check(line);
            assertThat(result).as(line).isInstanceOf(ContractResult.Accepted.class);
            Event e = ((ContractResult.Accepted) result).event();
            if (CHN_RUS.isContainedIn(e.actors())) {
                pair.add(e);
            }
        }
    }

    /** One row of the derivation table. */
    record Derivation(String indicator, LocalDate from, int quarters, List<String> events, double rate, double expected,
                      double stated) {
        int count() {
            return events.size();
        }
    }

    static int quartersBetween(LocalDate from, LocalDate to) {
        return (to.getYear() - from.getYear()) * 4 + (to.getMonthValue() - from.getMonthValue()) / 3;
    }

    static LocalDate date(Event e) {
        return e.occurredAt().atZone(ZoneOffset.UTC).toLocalDate();
    }

    static Map<String, Derivation> derive(Catalog catalog, List<Event> events) {
        Map<String, List<String>> matched = new LinkedHashMap<>();
        Map<String, Double> weights = new LinkedHashMap<>();
        catalog.indicators().forEach(i -> matched.put(i.id(), new ArrayList<>()));
        for (Event e : events) {
            LocalDate d = date(e);
            for (String id : catalog.indicatorsFor(e)) {
                LocalDate from = PATTERN_START.getOrDefault(id, START);
                if (!d.isBefore(from) && d.isBefore(END)) {
                    matched.get(id).add(e.id().replace("hist:", ""));
                    // observations are weighted by source grade in the topology: baselines in the same units
                    weights.merge(id, catalog.sourceWeighting().weight(e), Double::sum);
                }
            }
        }
        Map<String, Derivation> table = new LinkedHashMap<>();
        matched.forEach((id, ids) -> {
            LocalDate from = PATTERN_START.getOrDefault(id, START);
            int q = quartersBetween(from, END);
            double rate = weights.getOrDefault(id, 0.0) / q;
            double expected = Math.max(FLOOR, rate);
            table.put(id, new Derivation(id, from, q, List.copyOf(ids), rate, expected,
                    catalog.dyad(CHN_RUS).baseline(id)));
        });
        return table;
    }

    @Test
    void shouldStateEveryChnRusBaselineAsTheRateOfItsMatchedEventsInTheRecord() {
        Map<String, Derivation> table = derive(catalog, pair);
        print(table);
        assertThat(quartersBetween(START, END)).isEqualTo(48);
        assertThat(table.keySet()).containsExactlyElementsOf(catalog.indicators().stream().map(Indicator::id).toList());
        assertThat(PATTERN_START.keySet()).isSubsetOf(table.keySet());
        List<String> wrong = new ArrayList<>();
        for (Derivation d : table.values()) {
            boolean ok = d.count() == 0
                    ? d.stated() == FLOOR
                    : Math.abs(d.stated() - d.expected()) <= ROUNDING + 1e-9;
            if (!ok) {
                wrong.add(String.format("%s: stated %.3f, record gives %d events / %d q = %.4f (expected %.3f)",
                        d.indicator(), d.stated(), d.count(), d.quarters(), d.rate(), d.expected()));
            }
        }
        assertThat(wrong).as("CHN-RUS baselines that do not match the record").isEmpty();
    }

    @Test
    void shouldCountTheExercisesTheReviewNamed() {
        Map<String, Derivation> t = derive(catalog, pair);
        // every bilateral exercise is routine; the high-end ones also count as high-end (14 in 48 quarters)
        assertThat(t.get("exercise-routine").events()).contains("2021-08-09-zapad-interaction-2021", "2012-04-22-joint-sea-2012");
        assertThat(t.get("exercise-high-end").count()).isEqualTo(14);
        assertThat(t.get("exercise-routine").events()).containsAll(t.get("exercise-high-end").events());
        // watered-down means the pair alone, small: not Security Belt (Iran, multilateral) nor Zapad/Interaction-2021 (10,000 troops)
        assertThat(t.get("exercise-watered-down").events()).isEmpty();
        assertThat(t.get("exercise-distant").count()).isEqualTo(7);
        assertThat(t.get("exercise-multi-service").count()).isEqualTo(3);
        // patrols near the United States count beyond Japan only, and the naval patrols are not air patrols
        assertThat(t.get("combined-naval-patrol").events()).containsExactly("2021-10-17-naval-patrol");
        assertThat(t.get("patrol-beyond-japan").events()).containsExactly("2022-09-01-naval-patrol", "2023-07-28-naval-patrol-alaska");
        assertThat(t.get("combined-air-patrol").events()).allMatch(id -> id.contains("bomber"));
        // the 2018 CAATSA sanction punished China for buying Russian arms: not a sanction on suppliers of Russia
        assertThat(t.get("sanctions-on-suppliers").events()).doesNotContain("2018-09-20-caatsa-edd").hasSize(4);
        // requested or considered is not supplied
        assertThat(t.get("lethal-aid").events()).isEmpty();
        assertThat(t.get("lethal-aid-reported").events()).containsExactly("2022-03-13-aid-request-report", "2023-03-03-nbc-lethal-aid-intel");
    }

    @Test
    void shouldRouteTheCoastGuardPatrolAwayFromTheMilitaryPatrolIndicators() {
        Event coastGuard = pair.stream().filter(e -> e.id().contains("coast-guard")).findFirst().orElseThrow();
        assertThat(catalog.indicatorsFor(coastGuard)).containsExactly("coast-guard-patrol");
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

    private static void print(Map<String, Derivation> table) {
        StringBuilder out = new StringBuilder("BaselineDerivationTest: CHN-RUS baselines from the record\n");
        out.append("| indicator | window | quarters | events | per quarter | stated |\n|---|---|---:|---:|---:|---:|\n");
        for (Derivation d : table.values()) {
            out.append(String.format("| %s | %s-2023Q4 | %d | %d | %.3f | %.2f |%n", d.indicator(),
                    d.from().getYear() + "Q" + ((d.from().getMonthValue() - 1) / 3 + 1), d.quarters(), d.count(),
                    d.rate(), d.stated()));
        }
        for (Derivation d : table.values()) {
            out.append("  ").append(d.indicator()).append(": ").append(d.events()).append('\n');
        }
        System.out.print(out);
    }
}
