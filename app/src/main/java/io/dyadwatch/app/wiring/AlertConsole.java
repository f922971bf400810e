package io.dyadwatch.app.wiring;

import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.assessment.EvidenceItem;
import io.dyadwatch.model.json.JsonSerde;
import io.dyadwatch.model.settings.CommonSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints alerts from the alerts topic as they are published, in a form a watch officer reads at a glance.
 * Reads committed records only (the rules write transactionally). Text that came from events is made
 * printable: control characters are shown escaped, so a hostile summary cannot drive the terminal.
 */
public final class AlertConsole implements AutoCloseable {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final CommonSettings common;
    private final Map<String, Object> overrides;
    private AlertReader reader;
    private final PrintWriter out;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong firing = new AtomicLong();
    private final AtomicLong resolved = new AtomicLong();

    public AlertConsole(CommonSettings common, Map<String, Object> overrides, PrintWriter out) {
        this.common = common;
        this.overrides = Map.copyOf(overrides);
        this.out = out;
        this.thread = new Thread(this::loop, "dyadwatch-alert-console");
        this.thread.setDaemon(true);
    }

    /** Starts printing; returns once the console has joined its partitions, so no alert published after is missed. */
    public AlertConsole start() {
        reader = new AlertReader(common, overrides, AlertReader.From.END);
        thread.start();
        return this;
    }

    public long firingCount() {
        return firing.get();
    }

    public long resolvedCount() {
        return resolved.get();
    }

    private void loop() {
        try {
            while (running.get()) {
                reader.poll(Duration.ofMillis(200), new AlertReader.Handler() {
                    @Override
                    public void alert(Alert alert) {
                        (alert.status() == io.dyadwatch.model.alert.AlertStatus.FIRING ? firing : resolved).incrementAndGet();
                        out.println(render(alert));
                        out.flush();
                    }

                    @Override
                    public void notAnAlert(String topic, int partition, long offset, RuntimeException reason) {
                        out.println(AlertConsole.notAnAlert(topic, partition, offset));
                        out.flush();
                    }
                });
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            reader.close();
        }
    }

    /**
     * The alert in a few lines: status, severity, dyad, scenario, the period it is about and the revision of the
     * assessment that raised it, summary, then its top evidence.
     */
    public static String render(Alert alert) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("[%s] %-8s %-12s %-13s %-12s %s%n", alert.status(), alert.severity(), alert.dyad(),
                alert.scenario() == null ? "-" : alert.scenario(), assessmentOf(alert), printable(alert.summary())));
        for (EvidenceItem item : alert.evidence().stream().limit(3).toList()) {
            text.append(String.format("    %s %-22s %s (%s, %s)%n", DAY.format(item.occurredAt()), item.type(),
                    printable(abbreviate(item.summary(), 90)), printable(item.sourceName()), item.grade()));
        }
        return text.toString().stripTrailing();
    }

    /**
     * The period (event time) the alert is about and the revision of the assessment that raised it, like
     * {@code 2024-Q3 r17}; {@code -} for an alert written before alerts carried them.
     */
    public static String assessmentOf(Alert alert) {
        if (alert.period() == null) {
            return "-";
        }
        return alert.assessmentRevision() == null ? alert.period() : alert.period() + " r" + alert.assessmentRevision();
    }

    /** The line printed for a record of the alerts topic that is not an alert. */
    public static String notAnAlert(String topic, int partition, long offset) {
        return "(record " + topic + "-" + partition + "@" + offset + " is not an alert: skipped)";
    }

    /** Replaces control characters with visible escapes. */
    public static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    @Override
    public void close() {
        running.set(false);
        if (reader != null) {
            reader.wakeup();
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
