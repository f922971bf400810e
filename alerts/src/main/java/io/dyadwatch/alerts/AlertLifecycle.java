package io.dyadwatch.alerts;

import io.dyadwatch.alerts.rules.AlertRule;
import io.dyadwatch.alerts.rules.RuleBook;
import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.catalog.Indicator;
import io.dyadwatch.catalog.ScenarioDefinition;
import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.alert.AlertStatus;
import io.dyadwatch.model.alert.Severity;
import io.dyadwatch.model.assessment.Assessment;
import io.dyadwatch.model.assessment.Citation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The alert lifecycle, keyed by dyad: evaluates every rule on each step of each assessment
 * ({@link Assessment#atEachStep()}), in order; an alert fires once when its
 * condition holds (after its for-duration), is not repeated while it fires, and resolves when the condition
 * clears. Its state lives in a store with a changelog, so a restart neither loses nor repeats an alert.
 */
final class AlertLifecycle implements Processor<String, Assessment, String, Alert> {

    static final String STATES = "alert-states";
    static final String LAST = "alert-last-assessment";

    private final RuleBook rules;
    private final Catalog catalog;
    private final MeterRegistry registry;
    private final Timer latency;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, AlertState> states;
    private final Set<String> known = new java.util.HashSet<>();
    private KeyValueStore<String, Assessment> last;

    AlertLifecycle(RuleBook rules, Catalog catalog, MeterRegistry registry) {
        this.rules = rules;
        this.catalog = catalog;
        this.registry = registry;
        this.latency = Timer.builder("dyadwatch.event.to.alert.latency")
                .description("From the input record's timestamp to the alert's publication")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry);
        for (AlertRule rule : rules.rules()) {
            for (io.dyadwatch.model.alert.Severity severity : new java.util.LinkedHashSet<>(rule.severity().values())) {
                counter(AlertStatus.FIRING, rule.id(), severity);
                counter(AlertStatus.RESOLVED, rule.id(), severity);
            }
        }
    }

    private Counter counter(AlertStatus status, String rule, io.dyadwatch.model.alert.Severity severity) {
        return Counter.builder(status == AlertStatus.FIRING ? "dyadwatch.alerts.fired" : "dyadwatch.alerts.resolved")
                .description(status == AlertStatus.FIRING ? "Alerts that started firing, by rule and severity"
                        : "Alerts that resolved, by rule and severity")
                .tag("rule", rule).tag("severity", severity.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry);
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.states = context.getStateStore(STATES);
        // which alerts have a state: rebuilt from the store on every init (after a restore too), so that the rules
        // ask the store only for those, not for every subject of every rule on every step
        known.clear();
        try (KeyValueIterator<String, AlertState> all = states.all()) {
            all.forEachRemaining(kv -> known.add(kv.key));
        }
        this.last = context.getStateStore(LAST);
        context.schedule(Duration.ofSeconds(30), PunctuationType.WALL_CLOCK_TIME, this::firePendingWhoseTimeCame);
    }

    @Override
    public void process(Record<String, Assessment> record) {
        Assessment published = record.value();
        if (published == null) {
            return;
        }
        String dyad = published.dyad();
        Assessment previous = last.get(dyad);
        // every step since the previous publication, in order: batching decides when a crossing is seen, not whether
        for (Assessment assessment : published.atEachStep()) {
            evaluate(dyad, assessment, previous, record.timestamp());
            previous = assessment;
        }
        last.put(dyad, previous);
    }

    private void evaluate(String dyad, Assessment assessment, Assessment previous, long timestamp) {
        long now = context.currentSystemTimeMs();
        for (AlertRule rule : rules.rules()) {
            for (Condition condition : RuleEvaluator.evaluate(rule, assessment,
                    subject -> stateOf(Fingerprint.of(rule.id(), dyad, subject)), catalog::indicatorsOf)) {
                String fingerprint = Fingerprint.of(rule.id(), dyad, condition.subject());
                AlertState state = stateOf(fingerprint);
                if (condition.holds()) {
                    if (state == null) {
                        Alert alert = alert(fingerprint, rule, assessment, previous, condition, now);
                        Duration wait = rule instanceof AlertRule.ProbabilityLevel p ? p.forDuration() : Duration.ZERO;
                        if (wait.isZero()) {
                            fire(new AlertState(alert, true, now, condition.period()), timestamp);
                        } else {
                            put(fingerprint, new AlertState(alert, false, now, condition.period()));
                        }
                    } else if (!state.firing() && now - state.pendingSince() >= forDuration(rule).toMillis()) {
                        fire(new AlertState(state.alert(), true, state.pendingSince(), state.period()), timestamp);
                    }
                } else if (state != null) {
                    states.delete(fingerprint);
                    known.remove(fingerprint);
                    if (state.firing()) {
                        emit(state.alert().resolved(Instant.ofEpochMilli(now), "the condition cleared: "
                                + condition.summary()), timestamp);
                    }
                }
            }
        }
    }

    private AlertState stateOf(String fingerprint) {
        return known.contains(fingerprint) ? states.get(fingerprint) : null;
    }

    private void put(String fingerprint, AlertState state) {
        states.put(fingerprint, state);
        known.add(fingerprint);
    }

    private static Duration forDuration(AlertRule rule) {
        return rule instanceof AlertRule.ProbabilityLevel p ? p.forDuration() : Duration.ZERO;
    }

    private void fire(AlertState state, long timestamp) {
        Alert a = state.alert();
        Alert firing = a.firingSince(Instant.ofEpochMilli(context.currentSystemTimeMs()));
        put(a.fingerprint(), new AlertState(firing, true, state.pendingSince(), state.period()));
        emit(firing, timestamp);
    }

    private void emit(Alert alert, long inputTimestamp) {
        counter(alert.status(), alert.rule(), alert.severity()).increment();
        if (alert.status() == AlertStatus.FIRING) {
            latency.record(Duration.ofMillis(Math.max(0, context.currentSystemTimeMs() - inputTimestamp)));
        }
        context.forward(new Record<>(alert.fingerprint(), alert, inputTimestamp));
        // alerts are rare and urgent: commit (and so publish, under exactly-once) now, not at the next interval
        context.commit();
    }

    private Alert alert(String fingerprint, AlertRule rule, Assessment assessment, Assessment previous,
            Condition condition, long now) {
        Severity severity = condition.scenario() == null
                ? rule.severity().values().stream().findFirst().orElse(Severity.INFO)
                : rule.severity().getOrDefault(condition.scenario(), Severity.INFO);
        StringBuilder description = new StringBuilder(rule.description());
        if (!assessment.explanations().isEmpty()) {
            description.append(" Why: ").append(String.join("; ", assessment.explanations().stream()
                    .filter(e -> condition.scenario() == null || e.startsWith(condition.scenario().name())).toList()));
        }
        return new Alert(Alert.VERSION, fingerprint, AlertStatus.FIRING, rule.id(), assessment.dyad(),
                condition.scenario(), severity, Instant.ofEpochMilli(now), null, condition.summary(),
                description.toString(), previous == null ? Map.of() : previous.probabilities(),
                assessment.probabilities(), condition.changeStatistic(), condition.evidence(),
                rationale(rule, condition), condition.subject(), condition.period(), assessment.revision());
    }

    private List<Citation> rationale(AlertRule rule, Condition condition) {
        Set<Citation> citations = new LinkedHashSet<>();
        citations.add(rule.citation());
        if (condition.scenario() != null) {
            ScenarioDefinition definition = catalog.scenarios().get(condition.scenario());
            if (definition != null) {
                definition.citations().forEach(c -> citations.add(new Citation(c.seed(), c.quote())));
            }
        }
        for (String id : condition.indicators()) {
            for (Indicator indicator : catalog.indicators()) {
                if (indicator.id().equals(id)) {
                    citations.add(new Citation(indicator.citation().seed(), indicator.citation().quote()));
                }
            }
        }
        return new ArrayList<>(citations);
    }

    private void firePendingWhoseTimeCame(long now) {
        List<KeyValue<String, AlertState>> pending = new ArrayList<>();
        try (KeyValueIterator<String, AlertState> all = states.all()) {
            all.forEachRemaining(kv -> {
                if (!kv.value.firing()) {
                    pending.add(kv);
                }
            });
        }
        for (KeyValue<String, AlertState> kv : pending) {
            AlertRule rule = rules.rules().stream().filter(r -> r.id().equals(kv.value.alert().rule())).findFirst()
                    .orElse(null);
            if (rule != null && now - kv.value.pendingSince() >= forDuration(rule).toMillis()) {
                fire(kv.value, now);
            }
        }
    }
}
