package io.dyadwatch.app.backtest;

import io.dyadwatch.app.wiring.Analysis;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.alert.AlertStatus;
import io.dyadwatch.model.assessment.Assessment;
import io.dyadwatch.model.assessment.PeriodResult;
import io.dyadwatch.model.assessment.PeriodUnit;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.ContractResult;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventContract;
import io.dyadwatch.model.event.EventJson;
import io.dyadwatch.model.json.JsonSerde;
import io.dyadwatch.model.topic.Topics;
import io.dyadwatch.producer.EventPublisher;
import io.dyadwatch.producer.FileDeclaration;
import io.dyadwatch.producer.PublishReport.RefusedLine;
import io.dyadwatch.catalog.model.CusumThresholds;
import io.dyadwatch.streams.DyadWatchTopology;
import io.dyadwatch.streams.AnalystStores;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Replays events through the production topologies, by event time, without a broker: the streams topology
 * ({@link DyadWatchTopology}) and then the alert rules ({@link AlertsTopology}), each in a Kafka Streams
 * {@link TopologyTestDriver}, with the same catalog, model and rules as the services. Events are checked by the
 * event contract line by line, sorted by occurredAt (stably: same-day events keep their input order) and fed one
 * at a time; every assessment the streams topology publishes is fed to the alert rules at once, with the alert
 * driver's clock at the event's time, so alerts carry the event time at which they would have fired.
 *
 * <p>The streams driver's wall clock moves on by one assessment interval after each event, so each event is
 * assessed on its own; with {@code streams.clock=event} periods close on event time, and de-duplication forgets
 * nothing during the replay (as in the demo, which replays in minutes).
 */
public final class Backtest {

    /** Told after each replayed event. */
    @FunctionalInterface
    public interface Progress {
        /** Does nothing. */
        Progress NONE = (done, total) -> {
        };

        void replayed(long done, long total);
    }

    /** Longest line kept in memory: the largest event.max.bytes the settings allow. */
    static final int MAX_LINE_BYTES = 16 << 20;

    private final Settings settings;
    private final Analysis analysis;
    private final Dyad dyad;

    /**
     * A backtest of one dyad.
     *
     * @throws IllegalArgumentException when the settings do not replay by event time or do not watch the dyad
     */
    public Backtest(Settings settings, Analysis analysis, Dyad dyad) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.dyad = Objects.requireNonNull(dyad, "dyad");
        if (!settings.streams().eventClock()) {
            throw new IllegalArgumentException("a backtest replays by event time: it needs streams.clock=event");
        }
        if (!settings.common().dyads().contains(dyad)) {
            throw new IllegalArgumentException("dyad " + dyad + " is not watched (dyads=" + settings.common().dyads() + ")");
        }
    }

    /**
     * Reads, checks, sorts and replays the inputs, and reports the periods and alerts in the window.
     *
     * @throws IOException when an input cannot be opened or read
     */
    public BacktestResult run(List<EventInput> inputs, BacktestWindow window, Progress progress) throws IOException {
        PeriodUnit unit = settings.streams().period();
        window.checkedFor(unit);
        Loaded loaded = load(inputs, settings.common().contract());
        List<Event> replay = new ArrayList<>();
        long afterWindow = 0;
        long forDyad = 0;
        for (Event event : loaded.events) {
            if (window.isAfter(unit.labelOf(event.occurredAt()))) {
                afterWindow++;
                continue;
            }
            replay.add(event);
            if (dyad.isContainedIn(event.actors())) {
                forDyad++;
            }
        }
        replay.sort(Comparator.comparing(Event::occurredAt)); // List.sort is stable
        Path state = Files.createTempDirectory("dyadwatch-backtest-");
        try {
            Replay result = replay(replay, loaded.coverage(), state, progress);
            CusumThresholds thresholds = analysis.model().thresholds(dyad);
            Map<Scenario, Double> limits = new EnumMap<>(Scenario.class);
            limits.put(Scenario.WEAKENING, thresholds.threshold(Scenario.WEAKENING));
            limits.put(Scenario.STRENGTHENING, thresholds.threshold(Scenario.STRENGTHENING));
            List<PeriodRow> periods = result.history.stream().filter(r -> window.contains(r.period())).toList();
            List<BacktestAlert> alerts = result.alerts.stream().filter(a -> window.contains(a.period())).toList();
            return new BacktestResult(dyad.key(), unit, window, loaded.inputs(),
                    loaded.lines, loaded.events.size(), loaded.refused, forDyad, afterWindow, limits, periods, alerts,
                    referenceWindow());
        } finally {
            deleteQuietly(state);
        }
    }

    /** The dyad's reference window in this unit's labels, or null when its baselines are judgement (or not quarters). */
    private BacktestWindow referenceWindow() {
        io.dyadwatch.catalog.baseline.BaselineInfo info = analysis.model().baselineInfo(dyad);
        if (info.from() == null || info.to() == null || settings.streams().period() != PeriodUnit.QUARTER) {
            return null;
        }
        return new BacktestWindow(info.from().toString(), info.to().toString());
    }

    /**
     * @param inputs   each input's name with what it declared ({@code sq.jsonl: covers 2016-01-01..2025-12-30 (its
     *                 span line)})
     * @param coverage the declared coverage of each event, by identity; an event of an input that declared none is
     *                 absent
     */
    private record Loaded(List<Event> events, List<RefusedLine> refused, long lines, List<String> inputs,
            java.util.IdentityHashMap<Event, io.dyadwatch.model.event.Coverage> coverage) {
    }

    private static Loaded load(List<EventInput> inputs, EventContract contract) throws IOException {
        List<Event> events = new ArrayList<>();
        List<RefusedLine> refused = new ArrayList<>();
        List<String> names = new ArrayList<>();
        java.util.IdentityHashMap<Event, io.dyadwatch.model.event.Coverage> coverage = new java.util.IdentityHashMap<>();
        long lines = 0;
        for (EventInput input : inputs) {
            FileDeclaration declared = FileDeclaration.read(input.name(), null, input.coverage(), contract);
            try (InputStream in = new BufferedInputStream(input.opener().open())) {
                long number = 0;
                byte[] line;
                while ((line = readLine(in)) != null) {
                    number++;
                    if (number == 1) { // the same reading as publish and the demo: a file declares the same either way
                        declared = FileDeclaration.read(input.name(), line, input.coverage(), contract);
                        if (declared.hasSpanLine()) {
                            continue;
                        }
                    }
                    if (isBlank(line)) {
                        continue;
                    }
                    lines++;
                    ContractResult checked = declared.check(line);
                    if (checked instanceof ContractResult.Rejected) {
                        refused.add(new RefusedLine(input.name(), number, ((ContractResult.Rejected) checked).rejection()));
                    } else {
                        Event event = ((ContractResult.Accepted) checked).event();
                        events.add(event);
                        if (declared.coverage() != null) {
                            coverage.put(event, declared.coverage());
                        }
                    }
                }
            } catch (IOException e) {
                throw new IOException("cannot read " + input.name() + ": " + e.getMessage(), e);
            }
            names.add(input.name() + ": " + declared.describe());
        }
        return new Loaded(events, refused, lines, names, coverage);
    }

    /**
     * The next line's bytes without its {@code \n} (and a {@code \r} before it), or null at the end. A line
     * longer than {@link #MAX_LINE_BYTES} keeps only its first bytes (enough for the contract to refuse it as
     * oversized) so one bad line cannot exhaust memory.
     */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        int b;
        boolean any = false;
        while ((b = in.read()) != -1) {
            any = true;
            if (b == '\n') {
                break;
            }
            if (line.size() <= MAX_LINE_BYTES) {
                line.write(b);
            }
        }
        if (!any) {
            return null;
        }
        byte[] bytes = line.toByteArray();
        return bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? Arrays.copyOf(bytes, bytes.length - 1) : bytes;
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private record Replay(List<PeriodRow> history, List<BacktestAlert> alerts) {
    }

    private Replay replay(List<Event> events, Map<Event, io.dyadwatch.model.event.Coverage> coverage, Path state,
            Progress progress) {
        Topics topics = settings.common().topics();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Properties streamsProps = DyadWatchTopology.properties(settings.common(), settings.streams(), Map.of());
        streamsProps.put(StreamsConfig.STATE_DIR_CONFIG, state.resolve("streams").toString());
        long start = events.isEmpty() ? 0 : timestampOf(events.get(0));
        try (TopologyTestDriver streams = new TopologyTestDriver(DyadWatchTopology.build(settings.common(),
                        settings.streams(), analysis.model(), analysis.rules(), registry), streamsProps, Instant.now())) {
            TestInputTopic<String, byte[]> in = streams.createInputTopic(topics.events().name(),
                    new StringSerializer(), new ByteArraySerializer());
            TestOutputTopic<String, Assessment> assessments = streams.createOutputTopic(topics.assessments().name(),
                    topics.assessments().keySerde().deserializer(), topics.assessments().valueSerde().deserializer());
            TestOutputTopic<String, byte[]> indicators = streams.createOutputTopic(topics.indicators().name(),
                    new StringDeserializer(), new ByteArrayDeserializer());
            TestOutputTopic<String, byte[]> deadLetters = streams.createOutputTopic(topics.deadLetters().name(),
                    new StringDeserializer(), new ByteArrayDeserializer());
            TestOutputTopic<String, Alert> alertsOut = streams.createOutputTopic(topics.alerts().name(),
                    topics.alerts().keySerde().deserializer(), topics.alerts().valueSerde().deserializer());

            List<BacktestAlert> alerts = new ArrayList<>();
            Map<String, Integer> firing = new HashMap<>();
            long rulesClock = start;
            long done = 0;
            for (Event event : events) {
                long timestamp = timestampOf(event);
                byte[] bytes = EventJson.toBytes(event);
                org.apache.kafka.common.header.internals.RecordHeaders headers =
                        new org.apache.kafka.common.header.internals.RecordHeaders();
                io.dyadwatch.model.event.Coverage covers = coverage.get(event);
                if (covers != null) {
                    headers.add(io.dyadwatch.model.event.Coverage.HEADER,
                            covers.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                for (String key : EventPublisher.keysOf(event, settings.common().dyads())) { // as our producers send it
                    in.pipeInput(new TestRecord<>(key, bytes, headers, Instant.ofEpochMilli(timestamp)));
                }
                streams.advanceWallClockTime(settings.streams().assessmentInterval()); // each event assessed alone
                indicators.readRecordsToList(); // not needed here; drained so the driver keeps no backlog
                if (!deadLetters.isEmpty()) {
                    throw new IllegalStateException("the topology refused an event the contract accepted: "
                            + event.id() + " (" + deadLetters.readRecord().headers() + ")");
                }
                // the event's alerts were decided at its steps; its assessment was published right after: the
                // period a backtest row shows is the assessment's
                List<TestRecord<String, Assessment>> published = assessments.readRecordsToList();
                rulesClock = Math.max(rulesClock, timestamp);
                for (TestRecord<String, Alert> alert : alertsOut.readRecordsToList()) {
                    String period = published.isEmpty() ? alert.value().period()
                            : published.get(published.size() - 1).value().period();
                    collect(alert.value(), period, Instant.ofEpochMilli(rulesClock), alerts, firing);
                }
                progress.replayed(++done, events.size());
            }
            return new Replay(history(streams), alerts);
        }
    }

    private static void collect(Alert alert, String period, Instant at, List<BacktestAlert> alerts,
            Map<String, Integer> firing) {
        if (alert.status() == AlertStatus.FIRING) {
            firing.put(alert.fingerprint(), alerts.size());
            alerts.add(new BacktestAlert(alert, period, at, null, null, null));
        } else {
            Integer index = firing.remove(alert.fingerprint());
            if (index != null) {
                BacktestAlert fired = alerts.get(index);
                String why = alert.description().startsWith(fired.alert().description())
                        ? alert.description().substring(fired.alert().description().length()).strip()
                        : alert.description();
                alerts.set(index, fired.resolved(period, at, why.startsWith("Resolved: ") ? why.substring(10) : why));
            }
        }
    }

    private List<PeriodRow> history(TopologyTestDriver streams) {
        KeyValueStore<Object, PeriodResult> store = streams.getKeyValueStore(AnalystStores.HISTORY);
        List<PeriodRow> rows = new ArrayList<>();
        try (KeyValueIterator<Object, PeriodResult> all = store.all()) {
            while (all.hasNext()) {
                PeriodResult result = all.next().value;
                if (result.dyad().equals(dyad.key())) {
                    rows.add(PeriodRow.of(result));
                }
            }
        }
        rows.sort(Comparator.comparing(PeriodRow::period));
        return rows;
    }

    /** Record time of an event: its occurredAt (Kafka timestamps cannot be negative, so pre-1970 events sit at 0). */
    private static long timestampOf(Event event) {
        return Math.max(0, event.occurredAt().toEpochMilli());
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
