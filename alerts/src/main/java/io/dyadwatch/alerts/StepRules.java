package io.dyadwatch.alerts;

import io.dyadwatch.alerts.rules.RuleBook;
import io.dyadwatch.catalog.Catalog;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The alert rules as the analyst calls them: evaluated on each step of a dyad's assessment, inside the task that
 * took the step (same partition, same transaction), with their state in stores declared beside the analyst's.
 */
public interface StepRules {

    /** The store of each alert's lifecycle state, key fingerprint (its changelog: {@code <application id>-alert-states-changelog}). */
    String STATES_STORE = "alert-states";
    /** The store of each dyad's probabilities at its previous step, key dyad. */
    String PREVIOUS_STEP_STORE = "alert-previous-step";

    /** The stores the rules keep (alert lifecycle states, each dyad's previous step), for the analyst's supplier. */
    Set<StoreBuilder<?>> stores();

    /**
     * Binds the rules to one task's stores; called from the analyst's {@code init}, so the rules' in-memory view is
     * rebuilt from the stores after every restore.
     */
    ForTask open(ProcessorContext<?, ?> context, AlertOutlet outlet);

    /** The rules bound to one task. */
    interface ForTask {

        /**
         * Evaluates every rule on a step of a dyad's assessment, in step order; alerts that fire or resolve go to
         * the outlet at once.
         *
         * @param timestamp the timestamp of the input record that caused the step
         */
        void onStep(String dyad, AssessedStep step, long timestamp);
    }

    /** The rules of a rule book, validated against the catalog. */
    static StepRules of(RuleBook rules, Catalog catalog, MeterRegistry registry) {
        return new AlertRuleSet(rules, catalog, registry);
    }
}
