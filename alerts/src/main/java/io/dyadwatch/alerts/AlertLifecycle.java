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
import io.dyadwatch.model.assessment.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The alert lifecycle of one task, in plain Java over two stores: evaluates every rule on each step of a dyad's
 * assessment, in order; an alert fires once when its condition holds (after its for-duration), is not repeated
 * while it fires, and resolves when the condition clears. Its content (evidence, drivers, description, revision)
 * is the step's. Its state lives in a store with a changelog, written in the analyst's transaction, so a restart
 * neither loses nor repeats an alert.
 */
final class AlertLifecycle implements StepRules.ForTask {

    private final RuleBook rules;
    private final Catalog catalog;
    private final AlertMeters meters;
    private final KeyValueStore<String, AlertState> states;
    private final KeyValueStore<String, Map<Scenario, Double>> previous;
    private final LongSupplier clock;
    private final AlertOutlet outlet;
    /**
     * The alerts that have a state (firing or pending), deserialized: read on every step, written through to the
     * store on every change, rebuilt from the store when the task opens (after a restore too), never trusted across.
     */
    private final Map<String, AlertState> current = new HashMap<>();
    /** Fingerprints by rule, dyad and subject: computed once each. */
    private final Map<String, String> fingerprints = new HashMap<>();

    AlertLifecycle(RuleBook rules, Catalog catalog, AlertMeters meters, KeyValueStore<String, AlertState> states,
            KeyValueStore<String, Map<Scenario, Double>> previous, LongSupplier clock, AlertOutlet outlet) {
        this.rules = rules;
        this.catalog = catalog;
        this.meters = meters;
        this.states = states;
        this.previous = previous;
        this.clock = clock;
        this.outlet = outlet;
        try (KeyValueIterator<String, AlertState> all = states.all()) {
            all.forEachRemaining(kv -> current.put(kv.key, kv.value));
        }
    }

    @Override
    public void onStep(String dyad, AssessedStep step, long timestamp) {
        Assessment figures = step.figures();
        long now = clock.getAsLong();
        Map<Scenario, Double> before = null;
        boolean beforeRead = false;
        for (AlertRule rule : rules.rules()) {
            List<Condition> full = null;
            for (Condition condition : RuleEvaluator.evaluate(rule, figures,
                    subject -> stateOf(fingerprint(rule, dyad, subject)), catalog::indicatorsOf)) {
                String fingerprint = fingerprint(rule, dyad, condition.subject());
                AlertState state = stateOf(fingerprint);
                if (condition.holds()) {
                    if (state == null) {
                        // an alert starts: its content is taken now, at the step
                        if (full == null) {
                            full = RuleEvaluator.evaluate(rule, step.withContent(),
                                    subject -> stateOf(fingerprint(rule, dyad, subject)), catalog::indicatorsOf);
                        }
                        if (!beforeRead) {
                            before = previous.get(dyad);
                            beforeRead = true;
                        }
                        Alert alert = alert(fingerprint, rule, step.withContent(), before,
                                sameSubject(full, condition), now);
                        if (forDuration(rule).isZero()) {
                            fire(new AlertState(alert, true, now, condition.period()), timestamp);
                        } else {
                            put(fingerprint, new AlertState(alert, false, now, condition.period()));
                        }
                    } else if (!state.firing() && now - state.pendingSince() >= forDuration(rule).toMillis()) {
                        fire(new AlertState(state.alert(), true, state.pendingSince(), state.period()), timestamp);
                    }
                } else if (state != null) {
                    states.delete(fingerprint);
                    current.remove(fingerprint);
                    if (state.firing()) {
                        publish(state.alert().resolved(Instant.ofEpochMilli(now), "the condition cleared: "
                                + condition.summary()), timestamp);
                    }
                }
            }
        }
        previous.put(dyad, figures.probabilities());
    }

    /** The condition of the same subject among those evaluated with the step's content. */
    private static Condition sameSubject(List<Condition> full, Condition condition) {
        for (Condition c : full) {
            if (c.subject().equals(condition.subject())) {
                return c;
            }
        }
        throw new IllegalStateException("the rule held for " + condition.subject()
                + " on the step's figures but not on its content");
    }

    private String fingerprint(AlertRule rule, String dyad, String subject) {
        return fingerprints.computeIfAbsent(rule.id() + '|' + dyad + '|' + subject,
                k -> Fingerprint.of(rule.id(), dyad, subject));
    }

    private AlertState stateOf(String fingerprint) {
        return current.get(fingerprint);
    }

    private void put(String fingerprint, AlertState state) {
        states.put(fingerprint, state);
        current.put(fingerprint, state);
    }

    private static Duration forDuration(AlertRule rule) {
        return rule instanceof AlertRule.ProbabilityLevel p ? p.forDuration() : Duration.ZERO;
    }

    private void fire(AlertState state, long timestamp) {
        Alert firing = state.alert().firingSince(Instant.ofEpochMilli(clock.getAsLong()));
        put(firing.fingerprint(), new AlertState(firing, true, state.pendingSince(), state.period()));
        publish(firing, timestamp);
    }

    private void publish(Alert alert, long inputTimestamp) {
        meters.published(alert, clock.getAsLong(), inputTimestamp);
        outlet.publish(alert, inputTimestamp);
    }

    private Alert alert(String fingerprint, AlertRule rule, Assessment assessment, Map<Scenario, Double> before,
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
                description.toString(), before == null ? Map.of() : before, assessment.probabilities(),
                condition.changeStatistic(), condition.evidence(), rationale(rule, condition), condition.subject(),
                condition.period(), assessment.revision());
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

    /** Fires the pending alerts whose for-duration has passed (wall-clock punctuation). */
    void firePendingWhoseTimeCame(long now) {
        List<KeyValue<String, AlertState>> pending = new ArrayList<>();
        current.forEach((fingerprint, state) -> {
            if (!state.firing()) {
                pending.add(KeyValue.pair(fingerprint, state));
            }
        });
        for (KeyValue<String, AlertState> kv : pending) {
            AlertRule rule = rules.rules().stream().filter(r -> r.id().equals(kv.value.alert().rule())).findFirst()
                    .orElse(null);
            if (rule != null && now - kv.value.pendingSince() >= forDuration(rule).toMillis()) {
                fire(kv.value, now);
            }
        }
    }
}
