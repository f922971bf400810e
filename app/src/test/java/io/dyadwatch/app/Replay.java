package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadwatch.alerts.Fingerprint;
import io.dyadwatch.alerts.rules.AlertRule;
import io.dyadwatch.app.wiring.Analysis;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.alert.AlertStatus;
import io.dyadwatch.model.assessment.IndicatorValue;
import io.dyadwatch.model.event.ContractResult;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Future;
import io.dyadwatch.producer.EventPublisher;
import io.dyadwatch.producer.PublishException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A hand-made replay for the fault tests, and the audit of what the pipeline made of it: the indicator counts
 * an exactly-once pipeline must end with, and the alerts it must have published once each.
 *
 * <p>Events are dated in the last 40 days, so they fall in the current or the previous period and no
 * signature alert resolves while a test runs; they carry no name or location, so no two are merged as reports
 * of one real-world event. Each watched pair gets one confirmed mutual-defence treaty (a signature event).
 */
final class Replay {

    static final List<String> PAIRS = List.of("RUS:CHN", "RUS:IRN", "CHN:IRN", "RUS:PRK");
    private static final List<String> TYPES = List.of("JOINT_EXERCISE", "LEADER_EXCHANGE", "ARMS_TRANSFER",
            "COMBINED_PATROL", "PUBLIC_STATEMENT", "DEFENSE_INDUSTRIAL_COOPERATION", "ENERGY_LIFELINE");

    private final Settings settings;
    private final Analysis analysis;

    Replay(Settings settings) {
        this.settings = settings;
        this.analysis = Analysis.load(settings);
    }

    /** {@code count} ordinary events with ids {@code prefix-N}, between the watched pairs, in the last 40 days. */
    static List<String> events(String prefix, int count, long seed) {
        Random random = new Random(seed);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] pair = PAIRS.get(random.nextInt(PAIRS.size())).split(":");
            String date = today.minusDays(1 + random.nextInt(40)).toString();
            lines.add(TestEvents.event(prefix + "-" + i, TYPES.get(random.nextInt(TYPES.size())), date, pair[0], pair[1]));
        }
        return lines;
    }

    /** Publishes the lines (all valid) as DyadWatch's producers do: keyed by dyad, acknowledged by the broker. */
    static void publish(Settings settings, List<String> lines) throws PublishException {
        try (EventPublisher publisher = new EventPublisher(settings.common().bootstrapServers(),
                settings.common().topics().events(), settings.common().dyads(), settings.kafkaOverrides())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (String line : lines) {
                ContractResult result = settings.common().contract().check(line);
                sent.add(publisher.send(((ContractResult.Accepted) result).event()));
            }
            for (Future<RecordMetadata> future : sent) {
                EventPublisher.await(future, Duration.ofSeconds(60));
            }
        }
    }

    /** A confirmed mutual-defence treaty between the pair: fires {@code signature-event} at once. */
    static String treaty(String id, String pair) {
        String[] actors = pair.split(":");
        String date = LocalDate.now(ZoneOffset.UTC).minusDays(2).toString();
        return "{\"id\":\"" + id + "\",\"type\":\"DEFENSE_AGREEMENT\",\"actors\":[\"" + actors[0] + "\",\"" + actors[1]
                + "\"],\"occurredAt\":\"" + date + "\",\"source\":{\"name\":\"Test wire\",\"url\":\"https://example.org/"
                + id + "\",\"reliability\":\"A\",\"credibility\":1},\"attributes\":{\"kind\":\"mutual-defense\"},"
                + "\"summary\":\"treaty " + id + "\"}";
    }

    /**
     * What the indicators topic must finally hold: for each {@code dyad|indicator|period}, the number of distinct
     * events (by dyad and id) that count for it.
     */
    Map<String, Long> expectedIndicatorCounts(List<String> sent) {
        Map<String, Long> expected = new TreeMap<>();
        for (Map.Entry<String, Event> e : distinct(sent).entrySet()) {
            String dyad = e.getKey().substring(0, e.getKey().indexOf('|'));
            Event event = e.getValue();
            String period = settings.streams().period().labelOf(event.occurredAt());
            for (String indicator : analysis.catalog().indicatorsFor(event)) {
                expected.merge(IndicatorValue.key(dyad, indicator, period), 1L, Long::sum);
            }
        }
        return expected;
    }

    /** The fingerprints of the signature alerts the events must fire (once each: none resolves in 40 days). */
    Set<String> expectedSignatureFingerprints(List<String> sent) {
        AlertRule.Signature rule = analysis.rules().rules().stream()
                .filter(r -> r instanceof AlertRule.Signature).map(r -> (AlertRule.Signature) r)
                .findFirst().orElseThrow();
        Set<String> fingerprints = new TreeSet<>();
        for (Map.Entry<String, Event> e : distinct(sent).entrySet()) {
            String dyad = e.getKey().substring(0, e.getKey().indexOf('|'));
            Event event = e.getValue();
            if (event.source().grade().credibility() > rule.maxCredibility()) {
                continue;
            }
            for (String indicator : analysis.catalog().indicatorsFor(event)) {
                if (rule.indicators().contains(indicator)) {
                    fingerprints.add(Fingerprint.of(rule.id(), dyad, indicator));
                }
            }
        }
        return fingerprints;
    }

    /** Each event once per watched dyad it concerns, keyed {@code dyad|id} (the pipeline's de-duplication key). */
    private Map<String, Event> distinct(List<String> sent) {
        Map<String, Event> events = new LinkedHashMap<>();
        for (String line : sent) {
            ContractResult result = settings.common().contract().check(line);
            if (result instanceof ContractResult.Accepted accepted) {
                Event event = accepted.event();
                for (Dyad dyad : settings.common().dyads()) {
                    if (dyad.isContainedIn(event.actors())) {
                        events.putIfAbsent(dyad.key() + "|" + event.id(), event);
                    }
                }
            }
        }
        return events;
    }

    /** The final count of each indicator, from the compacted topic's latest values. */
    static Map<String, Long> indicatorCounts(Map<String, byte[]> latest) {
        Map<String, Long> counts = new TreeMap<>();
        latest.forEach((key, value) -> {
            if (value != null) {
                counts.put(key, read(value, IndicatorValue.class).count());
            }
        });
        return counts;
    }

    /**
     * Every alert was published exactly once: each fingerprint's records alternate FIRING, RESOLVED, FIRING... (a
     * replayed publication would repeat a status), and each expected signature alert fired exactly once.
     */
    static void assertAlertsPublishedExactlyOnce(List<ConsumerRecord<String, byte[]>> records, Set<String> signatures) {
        Map<String, List<AlertStatus>> lifecycles = new TreeMap<>();
        Map<String, Alert> firstOf = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Alert alert = read(record.value(), Alert.class);
            assertThat(record.key()).isEqualTo(alert.fingerprint());
            lifecycles.computeIfAbsent(alert.fingerprint(), k -> new ArrayList<>()).add(alert.status());
            firstOf.putIfAbsent(alert.fingerprint(), alert);
        }
        lifecycles.forEach((fingerprint, statuses) -> {
            for (int i = 0; i < statuses.size(); i++) {
                assertThat(statuses.get(i)).as("alert %s (%s %s) record %d of %s", fingerprint,
                        firstOf.get(fingerprint).rule(), firstOf.get(fingerprint).dyad(), i, statuses)
                        .isEqualTo(i % 2 == 0 ? AlertStatus.FIRING : AlertStatus.RESOLVED);
            }
        });
        Map<String, Long> signatureFirings = new TreeMap<>();
        lifecycles.forEach((fingerprint, statuses) -> {
            if (firstOf.get(fingerprint).rule().equals("signature-event")) {
                signatureFirings.put(fingerprint, statuses.stream().filter(s -> s == AlertStatus.FIRING).count());
            }
        });
        Map<String, Long> once = new TreeMap<>();
        signatures.forEach(f -> once.put(f, 1L));
        assertThat(signatureFirings).as("FIRING records per signature-event fingerprint").isEqualTo(once);
    }

    /** The signature fingerprints seen so far. */
    static Set<String> signatureFingerprints(List<ConsumerRecord<String, byte[]>> records) {
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Alert alert = read(record.value(), Alert.class);
            if (alert.rule().equals("signature-event")) {
                seen.add(alert.fingerprint());
            }
        }
        return seen;
    }

    private static <T> T read(byte[] bytes, Class<T> type) {
        try {
            return Json.MAPPER.readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The latest value of every key of a topic, as JSON without its processing times. */
    static Map<String, JsonNode> latestWithoutTimes(String bootstrapServers, String topic) {
        Map<String, JsonNode> values = new TreeMap<>();
        try (CommittedReader reader = new CommittedReader(bootstrapServers, Map.of(), topic)) {
            reader.readToEnd();
            reader.latest().forEach((k, v) -> values.put(k, v == null ? null : withoutTimes(v)));
        }
        return values;
    }

    /** Each fingerprint's alerts on a topic, in order, as JSON without their processing times. */
    static Map<String, List<JsonNode>> alertContents(String bootstrapServers, String topic) {
        Map<String, List<JsonNode>> alerts = new TreeMap<>();
        try (CommittedReader reader = new CommittedReader(bootstrapServers, Map.of(), topic)) {
            for (ConsumerRecord<String, byte[]> record : reader.readToEnd()) {
                alerts.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(withoutTimes(record.value()));
            }
        }
        return alerts;
    }

    /**
     * A record's JSON without the times processing decides ({@code startsAt}, {@code endsAt}, {@code updatedAt}); a
     * tree, so that two JVMs' orders of a map's keys compare equal.
     */
    static JsonNode withoutTimes(byte[] json) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode node =
                    (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(json);
            node.remove(List.of("startsAt", "endsAt", "updatedAt"));
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
