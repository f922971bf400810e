package io.dyadwatch.app.cli;

import io.dyadwatch.app.wiring.AlertConsole;
import io.dyadwatch.app.wiring.KafkaUnreachableException;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.alert.AlertStatus;
import io.dyadwatch.model.assessment.EvidenceItem;
import io.dyadwatch.model.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dyadwatch alerts tail}: the alerts topic as a feed for a watch officer, from the beginning, committed
 * records only. Without {@code --follow} it stops at the end of the topic as it was when it started. It joins
 * no consumer group, so it commits nothing and disturbs no sink.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Print the alerts on the alerts topic, oldest first: time, status, severity, dyad, scenario,",
                "period it is about and revision of the assessment that raised it (2024-Q3 r17), summary, then",
                "the top evidence with its source and Admiralty grade."})
public final class AlertsTailCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final Duration POLL = Duration.ofMillis(300);
    private static final int TOP_EVIDENCE = 3;

    /** Which alerts to show. */
    enum StatusFilter { firing, resolved }

    @Spec
    CommandSpec spec;

    @Mixin
    SettingsOptions settings;

    @Option(names = "--follow", description = "Keep printing new alerts as they are published (until Ctrl-C).")
    boolean follow;

    @Option(names = "--status", paramLabel = "firing|resolved", description = "Only alerts with this status.")
    StatusFilter status;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Settings resolved = settings.resolve(Map.of());
        String topic = resolved.common().topics().alerts().name();
        try (KafkaConsumer<String, byte[]> consumer = consumer(resolved)) {
            List<TopicPartition> partitions = partitions(consumer, topic, resolved);
            if (partitions.isEmpty()) {
                spec.commandLine().getErr().println("no topic " + topic + " on " + resolved.common().bootstrapServers()
                        + ": has DyadWatch run against this broker (or is --set topic.prefix different)?");
                return 1;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (follow || partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    print(out, record);
                }
                out.flush();
            }
        }
        return 0;
    }

    private void print(PrintWriter out, ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        Alert alert;
        try {
            alert = Json.MAPPER.readValue(record.value(), Alert.class);
        } catch (IOException | IllegalArgumentException e) {
            out.printf("(record %s-%d@%d is not an alert: skipped)%n", record.topic(), record.partition(), record.offset());
            return;
        }
        if (status == null || alert.status() == AlertStatus.valueOf(status.name().toUpperCase(java.util.Locale.ROOT))) {
            out.println(render(alert));
        }
    }

    /**
     * One alert as a watch officer reads it: a headline (time it fired or resolved, status, severity, dyad,
     * scenario, the period it is about and the revision of the assessment that raised it, summary), then its top
     * evidence with source and grade. Untrusted text is made printable.
     */
    static String render(Alert alert) {
        Instant at = alert.status() == AlertStatus.RESOLVED ? alert.endsAt() : alert.startsAt();
        StringBuilder text = new StringBuilder(String.format("%s  %-8s %-8s %-11s %-13s %-12s %s", TIME.format(at),
                alert.status(), alert.severity(), alert.dyad(), alert.scenario() == null ? "-" : alert.scenario(),
                AlertConsole.assessmentOf(alert), AlertConsole.printable(alert.summary())));
        for (EvidenceItem item : alert.evidence().stream().limit(TOP_EVIDENCE).toList()) {
            text.append(String.format("%n    %s %-22s %s (%s, %s)", DAY.format(item.occurredAt()), item.type(),
                    AlertConsole.printable(abbreviate(item.summary())), AlertConsole.printable(item.sourceName()),
                    item.grade()));
        }
        return text.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 90 ? text : text.substring(0, 89) + "…";
    }

    private static KafkaConsumer<String, byte[]> consumer(Settings settings) {
        Properties props = new Properties();
        props.putAll(settings.kafkaOverrides());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.common().bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) settings.common().adminTimeout().toMillis());
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String topic, Settings settings) {
        try {
            return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        } catch (TimeoutException e) {
            throw new KafkaUnreachableException(settings.common().bootstrapServers(), settings.common().adminTimeout());
        }
    }
}
