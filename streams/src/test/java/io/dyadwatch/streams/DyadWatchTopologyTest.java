package io.dyadwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.alerts.rules.RuleBook;
import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.catalog.model.ScenarioModel;
import io.dyadwatch.catalog.sim.SimulationRequest;
import io.dyadwatch.catalog.sim.Simulator;
import io.dyadwatch.model.assessment.Assessment;
import io.dyadwatch.model.assessment.IndicatorValue;
import io.dyadwatch.model.assessment.PeriodResult;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventJson;
import io.dyadwatch.model.json.JsonSerde;
import io.dyadwatch.model.settings.CommonSettings;
import io.dyadwatch.model.topic.DeadLetterHeaders;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DyadWatchTopologyTest {

    /** One model for every test: threshold calibration takes a moment per dyad. */
    private static final ScenarioModel MODEL = new ScenarioModel(Catalog.loadDefault());

    private static final Duration ASSESSMENT_INTERVAL = Duration.ofMillis(100);
    private static final int MAX_PENDING = 50;

    @TempDir
    Path state;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> events;
    private TestOutputTopic<String, byte[]> deadLetters;
    private TestOutputTopic<String, IndicatorValue> indicators;
    private TestOutputTopic<String, Assessment> assessments;

    private void start(String clock, Instant wallClock) {
        CommonSettings common = new CommonSettings(Map.of());
        StreamsSettings settings = new StreamsSettings(Map.of(StreamsSettings.STATE_DIR, state.toString(),
                StreamsSettings.CLOCK, clock, StreamsSettings.CLOCK_INTERVAL_MS, "60000",
                StreamsSettings.ASSESSMENT_INTERVAL_MS, Long.toString(ASSESSMENT_INTERVAL.toMillis()),
                StreamsSettings.ASSESSMENT_MAX_PENDING, Integer.toString(MAX_PENDING)));
        Properties props = DyadWatchTopology.properties(common, settings, Map.of());
        driver = new TopologyTestDriver(DyadWatchTopology.build(common, settings, MODEL, RuleBook.loadDefault(MODEL.catalog()), registry), props, wallClock);
        events = driver.createInputTopic("dyadwatch.events", new StringSerializer(), new ByteArraySerializer());
        deadLetters = driver.createOutputTopic("dyadwatch.events.dlq", new StringDeserializer(), new ByteArrayDeserializer());
        indicators = driver.createOutputTopic("dyadwatch.indicators", new StringDeserializer(),
                new JsonSerde<>(IndicatorValue.class).deserializer());
        assessments = driver.createOutputTopic("dyadwatch.assessments", new StringDeserializer(),
                new JsonSerde<>(Assessment.class).deserializer());
    }

    private void start() {
        start("event", Instant.parse("2024-06-01T00:00:00Z"));
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    static String event(String id, String type, String actors, String date, String source, String grade,
            String attributes) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"actors\":" + actors + ",\"occurredAt\":\"" + date
                + "\",\"source\":{\"name\":\"" + source + "\",\"reliability\":\"" + grade.charAt(0)
                + "\",\"credibility\":" + grade.charAt(1) + "},\"attributes\":" + attributes
                + ",\"summary\":\"s " + id + "\"}";
    }

    static String patrol(String id, String date, String source, String grade) {
        return event(id, "COMBINED_PATROL", "[\"RUS\",\"CHN\"]", date, source, grade,
                "{\"name\":\"Bomber patrol\",\"domains\":[\"air\"],\"near\":[\"JPN\"]}");
    }

    /** The collection these tests feed covers 2010-2030: silence in it is evidence. */
    static final String COVERED = "2010-01-01..2030-12-31";

    /** Sends one record as a collection covering {@link #COVERED} does. */
    private void pipe(String key, byte[] value) {
        org.apache.kafka.common.header.internals.RecordHeaders headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add(io.dyadwatch.model.event.Coverage.HEADER, COVERED.getBytes(StandardCharsets.UTF_8));
        events.pipeInput(new TestRecord<>(key, value, headers, (Instant) null));
    }

    /** Sends one event and lets the assessment interval pass, so it is assessed on its own. */
    private void send(String key, String json) {
        pipe(key, json.getBytes(StandardCharsets.UTF_8));
        settle();
    }

    private void settle() {
        driver.advanceWallClockTime(ASSESSMENT_INTERVAL);
    }

    private Assessment lastAssessment(String dyad) {
        Assessment last = null;
        for (var kv : assessments.readKeyValuesToList()) {
            if (kv.key.equals(dyad)) {
                last = kv.value;
            }
        }
        return last;
    }

    @Test
    void shouldDeadLetterARecordWhoseCoverageIsNoCoverage() {
        start();
        org.apache.kafka.common.header.internals.RecordHeaders headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add(io.dyadwatch.model.event.Coverage.HEADER, "2024-07-01..2023-01-01".getBytes(StandardCharsets.UTF_8));
        events.pipeInput(new TestRecord<>("CHN-RUS", patrol("p", "2024-07-03", "Kyodo", "B2").getBytes(StandardCharsets.UTF_8),
                headers, (Instant) null));

        TestRecord<String, byte[]> dead = deadLetters.readRecord();

        assertThat(header(dead.headers(), DeadLetterHeaders.REASON)).isEqualTo("INVALID_COVERAGE");
        assertThat(header(dead.headers(), DeadLetterHeaders.MESSAGE)).contains("dyadwatch-covers").contains("before");
        assertThat(registry.get("dyadwatch.events.dead.lettered").tag("reason", "INVALID_COVERAGE").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void shouldDeadLetterAnInvalidRecordWithItsBytesAndReasonHeaders() {
        start();
        byte[] original = "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        pipe("k", original);

        TestRecord<String, byte[]> dead = deadLetters.readRecord();

        assertThat(dead.value()).isEqualTo(original);
        Headers headers = dead.headers();
        assertThat(header(headers, DeadLetterHeaders.REASON)).isEqualTo("MISSING_FIELD");
        assertThat(header(headers, DeadLetterHeaders.MESSAGE)).contains("type");
        assertThat(header(headers, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("dyadwatch.events");
        assertThat(header(headers, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(indicators.isEmpty()).isTrue();
        assertThat(registry.get("dyadwatch.events.dead.lettered").tag("reason", "MISSING_FIELD").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void shouldCountTheSameEventIdOnce() {
        start();
        send("CHN-RUS", patrol("e1", "2023-03-15", "Kyodo", "B2"));
        send("CHN-RUS", patrol("e1", "2023-03-15", "Kyodo", "B2"));

        List<IndicatorValue> values = indicators.readValuesToList();

        assertThat(values).extracting(IndicatorValue::indicator).containsOnly("combined-air-patrol");
        assertThat(values).extracting(IndicatorValue::count).containsExactly(1L);
        assertThat(registry.get("dyadwatch.events.duplicates").counter().count()).isEqualTo(1.0);
    }

    @Test
    void shouldConfirmAnEventWhenAnIndependentSourceCorroboratesButNotWhenOneSourceRepeatsItself() {
        start();
        send("CHN-RUS", patrol("kyodo-1", "2023-03-15", "Kyodo", "C3"));
        send("CHN-RUS", patrol("kyodo-2", "2023-03-16", "Kyodo", "C3"));
        send("CHN-RUS", patrol("jmod-1", "2023-03-15", "Japan Joint Staff", "C3"));

        List<IndicatorValue> values = indicators.readValuesToList();

        assertThat(values).extracting(IndicatorValue::count).as("one event, reported three times").containsOnly(1L);
        assertThat(values.get(0).weightedSum()).as("a C3 report alone confirms nothing").isZero();
        assertThat(values.get(1).weightedSum()).as("nor does the same source again").isZero();
        assertThat(values.get(2).weightedSum()).as("two independent sources confirm it: it counts once").isEqualTo(1.0);
        Assessment assessment = lastAssessment("CHN-RUS");
        assertThat(assessment.eventsInPeriod()).isEqualTo(1);
        assertThat(assessment.evidence().get(0).corroboration()).isEqualTo(2);
        assertThat(registry.get("dyadwatch.events.corroborated").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("dyadwatch.events.repeated").counter().count()).isEqualTo(1.0);
    }

    @Test
    void shouldRestateAnEarlierPeriodAndEveryAssessmentAfterItWhenAReportArrivesLate() {
        start();
        send("CHN-RUS", patrol("q1", "2023-02-15", "Kyodo", "B2"));
        send("CHN-RUS", patrol("q4", "2023-11-15", "Kyodo", "B2"));
        KeyValueStore<StateKey.OfPeriod, PeriodResult> history = driver.getKeyValueStore(AnalystStores.HISTORY);
        PeriodResult q2Before = history.get(periodKey("2023-Q2"));
        PeriodResult q3Before = history.get(periodKey("2023-Q3"));
        // two silent quarters (Q2, Q3) have moved the dyad toward WEAKENING
        assertThat(q3Before.changeStatistics().get(Scenario.WEAKENING))
                .isGreaterThan(q2Before.changeStatistics().get(Scenario.WEAKENING)).isPositive();
        Assessment before = lastAssessment("CHN-RUS");

        send("CHN-RUS", event("late", "JOINT_EXERCISE", "[\"RUS\",\"CHN\"]", "2023-05-10", "SIPRI", "A2",
                "{\"name\":\"Joint Sea\",\"domains\":[\"naval\"],\"themes\":[\"anti-submarine\"]}"));

        IndicatorValue restated = indicators.readValuesToList().stream()
                .filter(v -> v.period().equals("2023-Q2")).findFirst().orElseThrow();
        assertThat(restated.count()).isEqualTo(1);
        PeriodResult q2After = history.get(periodKey("2023-Q2"));
        assertThat(q2After.eventsInPeriod()).isEqualTo(q2Before.eventsInPeriod() + 1);
        assertThat(q2After.revision()).isGreaterThan(q2Before.revision());
        // Q2 was not silent after all: Q3's statistic, computed from Q2's, is restated too
        assertThat(history.get(periodKey("2023-Q3")).changeStatistics().get(Scenario.WEAKENING))
                .isLessThan(q3Before.changeStatistics().get(Scenario.WEAKENING));
        assertThat(history.get(periodKey("2023-Q3")).revision()).isGreaterThan(q3Before.revision());
        Assessment after = lastAssessment("CHN-RUS");
        assertThat(after.period()).isEqualTo("2023-Q4");
        assertThat(after.revision()).isGreaterThan(before.revision());
        assertThat(after.changeStatistics().get(Scenario.WEAKENING))
                .isLessThanOrEqualTo(before.changeStatistics().get(Scenario.WEAKENING));
    }

    @Test
    void shouldMoveASilentDyadTowardWeakeningAsTheWallClockAdvances() {
        // the reports these tests send declare 2010-2030 covered: silence counts up to 2030's end, enough quarters
        Instant start = Instant.parse("2018-01-05T00:00:00Z");
        start("wall", start);
        send("CHN-RUS", patrol("p1", "2018-01-03", "Kyodo", "B1"));
        Assessment first = lastAssessment("CHN-RUS");
        double threshold = first.thresholds().get(Scenario.WEAKENING);
        assertThat(first.changeStatistics().get(Scenario.WEAKENING)).isLessThan(threshold);

        List<Double> statistics = new java.util.ArrayList<>();
        Assessment later = first;
        // each silent quarter adds about 0.34 toward WEAKENING against a threshold near 11: some 32 quarters
        for (int quarter = 0; quarter < 80 && later.changeStatistics().get(Scenario.WEAKENING) <= threshold; quarter++) {
            driver.advanceWallClockTime(Duration.ofDays(92));
            later = lastAssessment("CHN-RUS");
            statistics.add(later.changeStatistics().get(Scenario.WEAKENING));
        }

        assertThat(statistics).as("silence accumulates quarter by quarter").isSorted().hasSizeGreaterThan(1);
        assertThat(later.changeStatistics().get(Scenario.WEAKENING)).isGreaterThan(threshold);
        assertThat(later.period()).isNotEqualTo(first.period());
        assertThat(later.triggers()).isEmpty();
        assertThat(later.explanations()).anyMatch(line -> line.startsWith("WEAKENING")
                && line.contains("expected activity did not happen"));
    }

    @Test
    void shouldNotReadUncollectedQuartersAsSilenceWhenABurstOfOldReportsArrives() {
        // a fresh live monitor in 2026-Q4 receives 41 reports of strengthening activity from July-August 2024,
        // declared as covering those two months: the eight quarters since were not collected, so they are no evidence
        start("wall", Instant.parse("2026-11-15T00:00:00Z"));
        org.apache.kafka.common.header.internals.RecordHeaders headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add(io.dyadwatch.model.event.Coverage.HEADER, "2024-07-01..2024-08-31".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 41; i++) {
            String day = LocalDate.parse("2024-07-01").plusDays(i * 61L / 41).toString();
            String json = switch (i % 4) {
                case 0 -> patrol("burst-" + i, day, "Japan Joint Staff", "A1");
                case 1 -> event("burst-" + i, "JOINT_EXERCISE", "[\"RUS\",\"CHN\"]", day, "Reuters", "B1",
                        "{\"name\":\"Exercise " + i + "\",\"domains\":[\"naval\"],\"framework\":\"bilateral\"}");
                case 2 -> event("burst-" + i, "LEADER_EXCHANGE", "[\"RUS\",\"CHN\"]", day, "TASS", "B2",
                        "{\"level\":\"defense-minister\",\"stance\":\"alignment\"}");
                default -> event("burst-" + i, "ARMS_TRANSFER", "[\"RUS\",\"CHN\"]", day, "SIPRI", "A1",
                        "{\"system\":\"S-400\"}");
            };
            events.pipeInput(new TestRecord<>("CHN-RUS", json.getBytes(StandardCharsets.UTF_8), headers, (Instant) null));
        }
        settle();
        driver.advanceWallClockTime(Duration.ofMinutes(2)); // clock ticks: the periods since close, uncovered

        Assessment last = lastAssessment("CHN-RUS");

        assertThat(last.period()).isEqualTo("2026-Q4");
        assertThat(last.periodElapsed()).as("nothing of 2026-Q4 was collected").isZero();
        assertThat(last.changeStatistics().get(Scenario.WEAKENING)).as("no move toward WEAKENING").isZero();
        assertThat(last.trailingProbabilities().get(Scenario.WEAKENING))
                .isLessThan(last.trailingProbabilities().get(Scenario.STATUS_QUO));
        assertThat(last.steps()).allMatch(s -> s.changeStatistics().get(Scenario.WEAKENING) == 0.0);
    }

    @Test
    void shouldRemoveADyadsGaugesWhenItsTaskLeavesTheInstance() {
        start();
        send("CHN-RUS", patrol("p1", "2023-03-15", "Kyodo", "B2"));
        assertThat(registry.find("dyadwatch.change.statistic").tag("dyad", "CHN-RUS").gauges()).isNotEmpty();

        driver.close(); // the task closes, as when a rebalance moves it to another instance
        driver = null;

        assertThat(registry.find("dyadwatch.change.statistic").tag("dyad", "CHN-RUS").gauges()).isEmpty();
        assertThat(registry.find("dyadwatch.scenario.probability").tag("dyad", "CHN-RUS").gauges()).isEmpty();
        assertThat(registry.find("dyadwatch.events.received").counter()).as("the pipeline's own counters stay")
                .isNotNull();
    }

    @Test
    void shouldCountAThreeActorExerciseForEveryWatchedDyadAndGroupItContains() {
        start();
        send("whatever", event("belt", "JOINT_EXERCISE", "[\"IRN\",\"RUS\",\"CHN\"]", "2023-03-15", "Reuters", "B1",
                "{\"name\":\"Maritime Security Belt\",\"domains\":[\"naval\"],\"participants\":[\"IRN\"]}"));

        List<String> dyads = indicators.readValuesToList().stream().map(IndicatorValue::dyad).distinct().toList();

        assertThat(dyads).containsExactlyInAnyOrder("CHN-RUS", "IRN-RUS", "CHN-IRN", "CHN-IRN-RUS");
    }

    @Test
    void shouldCountAnEventFannedOutByOurProducersOncePerDyadWithoutRekeying() {
        start();
        String belt = event("belt", "JOINT_EXERCISE", "[\"IRN\",\"RUS\",\"CHN\"]", "2023-03-15", "Reuters", "B1",
                "{\"name\":\"Maritime Security Belt\",\"domains\":[\"naval\"],\"participants\":[\"IRN\"]}");
        for (String dyad : List.of("CHN-RUS", "IRN-RUS", "CHN-IRN", "CHN-IRN-RUS")) {
            pipe(dyad, belt.getBytes(StandardCharsets.UTF_8));
        }
        settle();

        List<IndicatorValue> values = indicators.readValuesToList();

        assertThat(values.stream().map(IndicatorValue::dyad).distinct())
                .containsExactlyInAnyOrder("CHN-RUS", "IRN-RUS", "CHN-IRN", "CHN-IRN-RUS");
        assertThat(values).allMatch(v -> v.count() == 1);
        assertThat(registry.get("dyadwatch.events.rekeyed").counter().count()).isZero();
        assertThat(registry.get("dyadwatch.events.duplicates").counter().count()).isZero();
    }

    @Test
    void shouldCloseEachSilentPeriodWithAStepOfItsOwn() {
        start();
        send("CHN-RUS", patrol("q1", "2023-02-15", "Kyodo", "B2"));
        send("CHN-RUS", patrol("q4", "2023-11-15", "Kyodo", "B2"));

        Assessment last = lastAssessment("CHN-RUS");

        assertThat(last.steps()).extracting(s -> s.period()).containsExactly("2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4");
        assertThat(last.steps().get(1).triggers()).isEmpty();
        assertThat(last.steps().get(1).periodElapsed()).isEqualTo(1.0);
        assertThat(last.steps().get(3).triggers()).containsExactly("q4");
    }

    @Test
    void shouldFollowSimulatedDataTowardTheScenarioItWasDrawnFrom() {
        for (Scenario scenario : List.of(Scenario.STRENGTHENING, Scenario.WEAKENING)) {
            start();
            List<Event> simulated = new Simulator(MODEL).simulate(SimulationRequest.of(Dyad.parse("CHN-RUS"), scenario,
                    LocalDate.parse("2016-01-01"), LocalDate.parse("2022-01-01"), 11));
            simulated.forEach(e -> pipe("CHN-RUS", EventJson.toBytes(e)));
            settle();
            // one more event opens 2022-Q1, closing 2021-Q4 for the CUSUM
            send("CHN-RUS", event("tick", "PUBLIC_STATEMENT", "[\"RUS\",\"CHN\"]", "2022-01-02", "TASS", "B2", "{}"));

            Assessment last = lastAssessment("CHN-RUS");
            Map<Scenario, Double> ratio = new HashMap<>();
            last.changeStatistics().forEach((s, v) -> ratio.put(s, v / last.thresholds().get(s)));
            assertThat(ratio.get(scenario)).as("%s change statistic over threshold", scenario).isGreaterThan(1.0);
            assertThat(last.trailingProbabilities().get(scenario)).as("the trailing year moved toward %s", scenario)
                    .isGreaterThan(MODEL.catalog().dyad(Dyad.parse("CHN-RUS")).priors().get(scenario));
            driver.close();
            driver = null;
        }
    }

    @Test
    void shouldCiteTheEventsBehindTheAssessmentWithTheirGrades() {
        start();
        send("CHN-RUS", patrol("a", "2023-03-15", "Kyodo", "B2"));
        send("CHN-RUS", event("b", "LETHAL_AID", "[\"CHN\",\"RUS\"]", "2023-03-20", "Politico", "B2",
                "{\"items\":[\"rifles\"]}"));

        Assessment assessment = lastAssessment("CHN-RUS");

        assertThat(assessment.dyad()).isEqualTo("CHN-RUS");
        assertThat(assessment.eventsInPeriod()).isEqualTo(2);
        assertThat(assessment.evidence()).extracting(e -> e.id()).contains("a", "b");
        assertThat(assessment.evidence()).allMatch(e -> e.grade().equals("B2"));
        assertThat(assessment.triggers()).extracting(e -> e.id()).containsExactly("b");
        assertThat(assessment.probabilities()).containsKeys(Scenario.values());
    }

    @Test
    void shouldAssessEventsArrivingWithinOneIntervalOnceWithAllOfThemAsTriggers() {
        start();
        pipe("CHN-RUS", patrol("a", "2023-03-15", "Kyodo", "B2").getBytes(StandardCharsets.UTF_8));
        pipe("CHN-RUS", event("b", "LETHAL_AID", "[\"CHN\",\"RUS\"]", "2023-03-20", "Politico", "B2",
                "{\"items\":[\"rifles\"]}").getBytes(StandardCharsets.UTF_8));
        pipe("CHN-RUS", patrol("c", "2023-03-16", "Japan Joint Staff", "C3")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(assessments.isEmpty()).as("nothing published before the interval is up").isTrue();
        assertThat(indicators.isEmpty()).isTrue();

        settle();

        List<Assessment> published = assessments.readValuesToList();
        assertThat(published).hasSize(1);
        // c corroborates a: two reports, one event, triggered once
        assertThat(published.get(0).triggers()).extracting(e -> e.id()).containsExactly("a", "b");
        assertThat(published.get(0).triggers().get(0).corroboration()).isEqualTo(2);
        // but every report was a step of its own, in order, for the alert rules
        assertThat(published.get(0).steps()).extracting(s -> s.triggers())
                .containsExactly(List.of("a"), List.of("b"), List.of("a"));
        assertThat(published.get(0).steps()).extracting(s -> s.revision()).containsExactly(1L, 2L, 3L);
        // each step sees the period's indicators as they stood after it
        List<Assessment> views = published.get(0).atEachStep();
        assertThat(views.get(0).indicators()).containsOnlyKeys("combined-air-patrol");
        assertThat(views.get(1).indicators()).containsKeys("combined-air-patrol", "lethal-aid");
        assertThat(views.get(2).indicators()).isEqualTo(published.get(0).indicators());
        assertThat(published.get(0).eventsInPeriod()).isEqualTo(2);
        assertThat(indicators.readValuesToList()).extracting(IndicatorValue::indicator)
                .containsExactlyInAnyOrder("combined-air-patrol", "lethal-aid");
        settle();
        assertThat(assessments.isEmpty()).as("no new events, no new assessment").isTrue();
    }

    @Test
    void shouldAssessAtOnceWhenTooManyEventsAreWaiting() {
        start();
        for (int i = 0; i < MAX_PENDING; i++) {
            pipe("CHN-RUS", event("burst-" + i, "PUBLIC_STATEMENT", "[\"RUS\",\"CHN\"]",
                    "2023-10-01", "TASS", "B2", "{}").getBytes(StandardCharsets.UTF_8));
        }

        List<Assessment> published = assessments.readValuesToList();

        assertThat(published).as("assessed when the %dth event arrived, before the interval", MAX_PENDING).hasSize(1);
        assertThat(published.get(0).triggers()).hasSize(MAX_PENDING);
    }

    @Test
    void shouldReachTheSameHistoryWhateverOrderTheReportsArriveIn() {
        List<String> reports = new java.util.ArrayList<>();
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        LocalDate day = LocalDate.parse("2019-01-01");
        for (int i = 0; i < 120; i++) {
            day = day.plusDays(random.nextInt(1, 25));
            String type = random.nextInt(4) == 0 ? "JOINT_EXERCISE" : "PUBLIC_STATEMENT";
            reports.add(event("r" + i, type, "[\"RUS\",\"CHN\"]", day.toString(), "TASS", "B2",
                    "{\"name\":\"Item " + i + "\"}"));
        }
        Map<String, Map<Scenario, Double>> inOrder = replayHistory(reports, 1);
        List<String> shuffled = new java.util.ArrayList<>(reports);
        java.util.Collections.shuffle(shuffled, new java.util.Random(11));

        Map<String, Map<Scenario, Double>> outOfOrder = replayHistory(shuffled, 7);

        assertThat(outOfOrder.keySet()).isEqualTo(inOrder.keySet()).hasSizeGreaterThan(12);
        // the current period (2024-Q2) is provisional: its exposure follows the wall clock, which differs by run
        inOrder.remove("CHN-RUS|2024-Q2");
        inOrder.forEach((period, statistics) -> statistics.forEach((scenario, value) -> assertThat(
                outOfOrder.get(period).get(scenario)).as("%s %s", period, scenario)
                .isCloseTo(value, org.assertj.core.data.Offset.offset(1e-9))));
    }

    /** Replays reports on the wall clock, {@code perInterval} at a time, and returns each period's statistics. */
    private Map<String, Map<Scenario, Double>> replayHistory(List<String> reports, int perInterval) {
        start("wall", Instant.parse("2024-06-01T00:00:00Z"));
        for (int i = 0; i < reports.size(); i++) {
            pipe("CHN-RUS", reports.get(i).getBytes(StandardCharsets.UTF_8));
            if (i % perInterval == perInterval - 1) {
                settle();
            }
        }
        settle();
        Map<String, Map<Scenario, Double>> statistics = new java.util.TreeMap<>();
        KeyValueStore<StateKey.OfPeriod, PeriodResult> history = driver.getKeyValueStore(AnalystStores.HISTORY);
        try (var all = history.all()) {
            all.forEachRemaining(kv -> statistics.put(kv.key.dyad() + "|" + kv.key.period(), kv.value.changeStatistics()));
        }
        driver.close();
        driver = null;
        return statistics;
    }

    private static StateKey.OfPeriod periodKey(String period) {
        return new StateKey.OfPeriod("CHN-RUS", io.dyadwatch.model.assessment.Period.parse(period));
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
