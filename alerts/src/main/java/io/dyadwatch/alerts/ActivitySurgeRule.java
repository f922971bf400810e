package io.dyadwatch.alerts;

import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.alert.AlertStatus;
import io.dyadwatch.model.alert.Severity;
import io.dyadwatch.model.assessment.Assessment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Walking-skeleton rule, keyed by dyad: fires once when a dyad's events in one period reach the threshold,
 * and resolves that alert when a later period begins. The firing alert lives in a state store, so a restart
 * neither loses nor repeats it.
 */
final class ActivitySurgeRule implements Processor<String, Assessment, String, Alert> {

    static final String RULE = "activity-surge";
    static final String STORE = "surge-alerts";

    private final int threshold;
    private final MeterRegistry registry;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, FiringSurge> firing;

    ActivitySurgeRule(int threshold, MeterRegistry registry) {
        this.threshold = threshold;
        this.registry = registry;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.firing = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, Assessment> record) {
        Assessment assessment = record.value();
        if (assessment == null) {
            return;
        }
        String dyad = assessment.dyad();
        FiringSurge current = firing.get(dyad);
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        if (current != null && assessment.period().compareTo(current.period()) > 0) {
            Alert resolved = current.alert().resolved(now, "a new period, " + assessment.period() + ", began");
            firing.delete(dyad);
            emit(resolved, record.timestamp());
            current = null;
        }
        if (current == null && assessment.eventsInPeriod() >= threshold && !alreadyFired(dyad, assessment.period())) {
            Alert alert = new Alert(Alert.VERSION, Fingerprint.of(RULE, dyad, assessment.period()), AlertStatus.FIRING,
                    RULE, dyad, null, Severity.INFO, now, null,
                    dyad + ": " + assessment.eventsInPeriod() + " events in " + assessment.period()
                            + " (threshold " + threshold + ")",
                    "Reported activity between " + dyad + " reached " + assessment.eventsInPeriod()
                            + " events in " + assessment.period() + ".",
                    null, assessment.probabilities(), null, assessment.evidence(), List.of());
            FiringSurge surge = new FiringSurge(assessment.period(), alert);
            firing.put(dyad, surge);
            firing.put(firedKey(dyad, assessment.period()), surge);
            emit(alert, record.timestamp());
        }
    }

    private boolean alreadyFired(String dyad, String period) {
        return firing.get(firedKey(dyad, period)) != null;
    }

    private static String firedKey(String dyad, String period) {
        return dyad + "|" + period;
    }

    private void emit(Alert alert, long timestamp) {
        Counter.builder(alert.status() == AlertStatus.FIRING ? "dyadwatch.alerts.fired" : "dyadwatch.alerts.resolved")
                .description("Alerts published, by rule and severity")
                .tag("rule", alert.rule()).tag("severity", alert.severity().name())
                .register(registry).increment();
        context.forward(new Record<>(alert.fingerprint(), alert, timestamp));
    }

    /** The alert firing for a dyad, and the period it concerns. */
    record FiringSurge(String period, Alert alert) {
    }
}
