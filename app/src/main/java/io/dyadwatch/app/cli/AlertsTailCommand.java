package io.dyadwatch.app.cli;

import io.dyadwatch.app.wiring.AlertConsole;
import io.dyadwatch.app.wiring.AlertReader;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.alert.AlertStatus;
import io.dyadwatch.model.assessment.EvidenceItem;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;
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
        AlertReader reader;
        try {
            reader = new AlertReader(resolved.common(), resolved.kafkaOverrides(), AlertReader.From.BEGINNING);
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        try (reader) {
            AlertReader.Handler handler = new AlertReader.Handler() {
                @Override
                public void alert(Alert alert) {
                    if (status == null
                            || alert.status() == AlertStatus.valueOf(status.name().toUpperCase(java.util.Locale.ROOT))) {
                        out.println(render(alert));
                    }
                }

                @Override
                public void notAnAlert(String topic, int partition, long offset, RuntimeException reason) {
                    out.println(AlertConsole.notAnAlert(topic, partition, offset));
                }
            };
            while (follow || !reader.caughtUp()) {
                reader.poll(POLL, handler);
                out.flush();
            }
        }
        return 0;
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
}
