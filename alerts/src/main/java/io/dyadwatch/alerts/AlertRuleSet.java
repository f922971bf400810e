package io.dyadwatch.alerts;

import io.dyadwatch.alerts.rules.RuleBook;
import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.model.json.JsonSerde;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** {@link StepRules} over a rule book: two stores, and an {@link AlertLifecycle} per task. */
final class AlertRuleSet implements StepRules {

    /** Each alert's lifecycle state, key fingerprint; written when an alert changes only. */
    static final String STATES = STATES_STORE;
    /** Each dyad's probabilities at its previous step (an alert's "before"), key dyad. */
    static final String PREVIOUS = PREVIOUS_STEP_STORE;

    private final RuleBook rules;
    private final Catalog catalog;
    private final AlertMeters meters;

    AlertRuleSet(RuleBook rules, Catalog catalog, MeterRegistry registry) {
        this.rules = rules;
        this.catalog = catalog;
        this.meters = new AlertMeters(registry, rules);
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return Set.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STATES), Serdes.String(),
                        new JsonSerde<>(AlertState.class)).withCachingEnabled(),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PREVIOUS), Serdes.String(),
                        new ProbabilitiesSerde()).withCachingEnabled());
    }

    @Override
    public ForTask open(ProcessorContext<?, ?> context, AlertOutlet outlet) {
        AlertLifecycle lifecycle = new AlertLifecycle(rules, catalog, meters, context.getStateStore(STATES),
                context.getStateStore(PREVIOUS), context::currentSystemTimeMs, outlet);
        context.schedule(Duration.ofSeconds(30), PunctuationType.WALL_CLOCK_TIME, lifecycle::firePendingWhoseTimeCame);
        return lifecycle;
    }
}
