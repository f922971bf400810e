package io.dyadwatch.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dyadwatch.app.wiring.Analysis;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.assessment.Assessment;
import io.dyadwatch.model.json.Json;
import io.dyadwatch.model.event.ContractResult;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.json.JsonSerde;
import io.dyadwatch.producer.EventPublisher;
import io.dyadwatch.producer.FileDeclaration;
import io.dyadwatch.streams.DyadWatchTopology;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The judgement is a function of the reports and their order: the bundled record, replayed in file order with
 * very different wall-clock patterns (so assessments are published in very different batches), and across a
 * restart from the stores, gives the same alerts, content and all: status, period, revision, evidence ids (the
 * triggers first for a signature alert), summary, description (with the drivers), probabilities and statistic.
 * Only the processing times ({@code startsAt}, {@code endsAt}) may differ.
 */
class AlertDeterminismTest {

    private static final Settings SETTINGS = Settings.resolve(null, Map.of(), Map.of("streams.clock", "event"));
    private static final Analysis ANALYSIS = Analysis.load(SETTINGS);
    private static final Duration INTERVAL = SETTINGS.streams().assessmentInterval();
    private static List<Event> record;

    @TempDir
    Path state;

    /** What the bundled record declares on its span line (nothing when it has none). */
    private static FileDeclaration declared;

    @BeforeAll
    static void loadRecord() throws IOException {
        record = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                AlertDeterminismTest.class.getResourceAsStream(EventInput.BUNDLED_RECORD), StandardCharsets.UTF_8))) {
            String line;
            boolean first = true;
            while ((line = in.readLine()) != null) {
                if (first) { // the record's span line, when it has one, declares its coverage
                    first = false;
                    declared = FileDeclaration.read(EventInput.BUNDLED_RECORD, line.getBytes(StandardCharsets.UTF_8),
                            null, SETTINGS.common().contract());
                    if (declared.hasSpanLine()) {
                        continue;
                    }
                }
                if (!line.isBlank()) {
                    record.add(((ContractResult.Accepted) declared.check(line.getBytes(StandardCharsets.UTF_8))).event());
                }
            }
        }
    }

    /** When the wall clock moves on (and so when waiting steps are published). */
    private interface Pattern {
        boolean advanceAfter(int index);
    }

    @Test
    void shouldRaiseAlertsOfTheSameContentHoweverTheAssessmentsAreBatched() {
        Map<String, List<String>> afterEveryRecord = byDyad(replay(i -> true, -1));
        Map<String, List<String>> onceAtTheEnd = byDyad(replay(i -> false, -1));
        SplittableRandom random = new SplittableRandom(20261201);
        Map<String, List<String>> randomBatches = byDyad(replay(i -> random.nextInt(30) == 0, -1));

        assertThat(afterEveryRecord).as("the record raises alerts").isNotEmpty();
        assertThat(afterEveryRecord.values().stream().flatMap(List::stream))
                .as("alerts with evidence, a revision and drivers in the description")
                .anyMatch(a -> a.contains("\"evidence\":[{") && a.contains("\"assessmentRevision\":")
                        && a.contains("Why: "));
        assertThat(onceAtTheEnd).isEqualTo(afterEveryRecord);
        assertThat(randomBatches).isEqualTo(afterEveryRecord);
    }

    @Test
    void shouldRaiseAlertsOfTheSameContentAfterARestartFromTheStores() {
        Map<String, List<String>> uninterrupted = byDyad(replay(i -> i % 7 == 0, -1));

        Map<String, List<String>> restarted = byDyad(replay(i -> i % 7 == 0, record.size() / 2));

        assertThat(restarted).isEqualTo(uninterrupted);
    }

    /**
     * The alerts of each dyad, in order. Dyads are keys of their own (their own partitions): the order between
     * two dyads' alerts is not part of the judgement, the order within a dyad is.
     */
    private static Map<String, List<String>> byDyad(List<String> alerts) {
        return alerts.stream().collect(Collectors.groupingBy(a -> a.substring(0, a.indexOf(' ')),
                java.util.TreeMap::new, Collectors.toList()));
    }

    /**
     * Replays the record as our producers send it (one record per watched dyad) and returns every alert as
     * {@code dyad alert-json}, its processing times left out. With {@code restartAt} >= 0, the drivers are replaced by new
     * ones holding a copy of their stores (what a restart restores from the changelogs) before that record.
     */
    private List<String> replay(Pattern pattern, int restartAt) {
        Drivers drivers = new Drivers(state.resolve("run-" + System.nanoTime()));
        List<String> alerts = new ArrayList<>();
        try {
            for (int i = 0; i < record.size(); i++) {
                if (i == restartAt) {
                    Drivers next = new Drivers(state.resolve("restart-" + System.nanoTime()));
                    next.restoreFrom(drivers);
                    drivers.close();
                    drivers = next;
                }
                Event event = record.get(i);
                org.apache.kafka.common.header.internals.RecordHeaders headers =
                        new org.apache.kafka.common.header.internals.RecordHeaders();
                if (declared.coverage() != null) {
                    headers.add(io.dyadwatch.model.event.Coverage.HEADER,
                            declared.coverage().toString().getBytes(StandardCharsets.UTF_8));
                }
                for (String key : EventPublisher.keysOf(event, SETTINGS.common().dyads())) { // as the demo sends it
                    drivers.events.pipeInput(new TestRecord<>(key, io.dyadwatch.model.event.EventJson.toBytes(event),
                            headers, Instant.ofEpochMilli(Math.max(0, event.occurredAt().toEpochMilli()))));
                }
                if (pattern.advanceAfter(i)) {
                    drivers.streams.advanceWallClockTime(INTERVAL);
                }
                drivers.collect(alerts);
            }
            drivers.streams.advanceWallClockTime(INTERVAL);
            drivers.collect(alerts);
            return alerts;
        } finally {
            drivers.close();
        }
    }

    private static final class Drivers implements AutoCloseable {
        final TopologyTestDriver streams;
        final TestInputTopic<String, byte[]> events;
        final TestOutputTopic<String, Assessment> assessments;
        final TestOutputTopic<String, Alert> alertsOut;

        Drivers(Path dir) {
            var topics = SETTINGS.common().topics();
            Properties streamsProps = DyadWatchTopology.properties(SETTINGS.common(), SETTINGS.streams(), Map.of());
            streamsProps.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("streams").toString());
            streams = new TopologyTestDriver(DyadWatchTopology.build(SETTINGS.common(), SETTINGS.streams(),
                    ANALYSIS.model(), ANALYSIS.rules(), new SimpleMeterRegistry()), streamsProps,
                    Instant.parse("2026-01-01T00:00:00Z"));
            events = streams.createInputTopic(topics.events().name(), new StringSerializer(), new ByteArraySerializer());
            assessments = streams.createOutputTopic(topics.assessments().name(), new StringDeserializer(),
                    new JsonSerde<>(Assessment.class).deserializer());
            alertsOut = streams.createOutputTopic(topics.alerts().name(), new StringDeserializer(),
                    new JsonSerde<>(Alert.class).deserializer());
        }

        /** The alerts so far, without their processing times; assessments drained (no alert depends on them). */
        void collect(List<String> alerts) {
            assessments.readRecordsToList();
            for (Alert alert : alertsOut.readValuesToList()) {
                ObjectNode json = Json.MAPPER.valueToTree(alert);
                json.remove(List.of("startsAt", "endsAt"));
                alerts.add(alert.dyad() + " " + json);
            }
        }

        /** Copies every store of the other driver into this one (as a restore from the changelogs would). */
        @SuppressWarnings("unchecked")
        void restoreFrom(Drivers other) {
            for (Map.Entry<String, StateStore> entry : other.streams.getAllStateStores().entrySet()) {
                KeyValueStore<Object, Object> source = (KeyValueStore<Object, Object>) entry.getValue();
                KeyValueStore<Object, Object> target = streams.getKeyValueStore(entry.getKey());
                try (var all = source.all()) {
                    all.forEachRemaining(kv -> target.put(kv.key, kv.value));
                }
            }
        }

        @Override
        public void close() {
            streams.close();
        }
    }
}
