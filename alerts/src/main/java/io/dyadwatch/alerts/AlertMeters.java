package io.dyadwatch.alerts;

import io.dyadwatch.alerts.rules.AlertRule;
import io.dyadwatch.alerts.rules.RuleBook;
import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.alert.AlertStatus;
import io.dyadwatch.model.alert.Severity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;

/** The alert rules' meters: alerts fired and resolved by rule and severity, and event-to-alert latency. */
final class AlertMeters {

    private final MeterRegistry registry;
    private final Timer latency;

    AlertMeters(MeterRegistry registry, RuleBook rules) {
        this.registry = registry;
        this.latency = Timer.builder("dyadwatch.event.to.alert.latency")
                .description("From the input record's timestamp to the alert's publication")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry);
        for (AlertRule rule : rules.rules()) {
            for (Severity severity : new LinkedHashSet<>(rule.severity().values())) {
                counter(AlertStatus.FIRING, rule.id(), severity);
                counter(AlertStatus.RESOLVED, rule.id(), severity);
            }
        }
    }

    /** Counts an alert published, and for a firing one the time since its input record's timestamp. */
    void published(Alert alert, long nowMs, long inputTimestamp) {
        counter(alert.status(), alert.rule(), alert.severity()).increment();
        if (alert.status() == AlertStatus.FIRING) {
            latency.record(Duration.ofMillis(Math.max(0, nowMs - inputTimestamp)));
        }
    }

    private Counter counter(AlertStatus status, String rule, Severity severity) {
        return Counter.builder(status == AlertStatus.FIRING ? "dyadwatch.alerts.fired" : "dyadwatch.alerts.resolved")
                .description(status == AlertStatus.FIRING ? "Alerts that started firing, by rule and severity"
                        : "Alerts that resolved, by rule and severity")
                .tag("rule", rule).tag("severity", severity.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }
}
