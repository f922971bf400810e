package io.dyadwatch.alerts;

import io.dyadwatch.alerts.rules.RuleBook;
import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.assessment.Assessment;
import io.dyadwatch.model.settings.CommonSettings;
import io.dyadwatch.model.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * A test bench for the rules alone: hand-written assessments in, each step ({@link Assessment#atEachStep()})
 * given to {@link StepRules} as the analyst gives its own, alerts out. The stores are the rules' own, declared
 * through {@link StepRules#stores()} as in the analyst's task.
 */
final class AssessmentReplayTopology {

    private AssessmentReplayTopology() {
    }

    static Topology build(CommonSettings common, RuleBook rules, Catalog catalog, MeterRegistry registry) {
        Topics topics = common.topics();
        StepRules stepRules = StepRules.of(rules, catalog, registry);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topics.assessments().name(),
                        Consumed.with(topics.assessments().keySerde(), topics.assessments().valueSerde()))
                .process(new ProcessorSupplier<String, Assessment, String, Alert>() {
                    @Override
                    public Processor<String, Assessment, String, Alert> get() {
                        return new Replayer(stepRules);
                    }

                    @Override
                    public Set<StoreBuilder<?>> stores() {
                        return stepRules.stores();
                    }
                })
                .to(topics.alerts().name(), Produced.with(topics.alerts().keySerde(), topics.alerts().valueSerde()));
        return builder.build();
    }

    static Properties properties(CommonSettings common, AlertsSettings settings, Map<String, Object> overrides) {
        Properties props = new Properties();
        props.putAll(overrides);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, common.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir());
        return props;
    }

    private static final class Replayer implements Processor<String, Assessment, String, Alert> {
        private final StepRules rules;
        private StepRules.ForTask onTask;

        Replayer(StepRules rules) {
            this.rules = rules;
        }

        @Override
        public void init(ProcessorContext<String, Alert> context) {
            onTask = rules.open(context, (alert, timestamp) ->
                    context.forward(new Record<>(alert.fingerprint(), alert, timestamp)));
        }

        @Override
        public void process(Record<String, Assessment> record) {
            if (record.value() != null) {
                for (Assessment step : record.value().atEachStep()) {
                    onTask.onStep(record.value().dyad(), AssessedStep.of(step), record.timestamp());
                }
            }
        }
    }
}
