package io.dyadwatch.streams;

import io.dyadwatch.alerts.StepRules;
import io.dyadwatch.alerts.rules.RuleBook;
import io.dyadwatch.catalog.model.ScenarioModel;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventSerde;
import io.dyadwatch.model.settings.CommonSettings;
import io.dyadwatch.model.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndFailExceptionHandler;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The DyadWatch topology, built by a pure function of its settings.
 *
 * <pre>
 * events ─► entrance (contract) ─┬─► events.dlq (original bytes + reason headers)
 *                                ├─► keyed by dyad already ───────────────┐
 *                                └─► foreign keys re-keyed (repartition) ──┴─► analyst ─┬─► indicators
 *                                    (de-duplication, corroboration, indicators by       ├─► alerts (each step)
 *                                     event time, late reports, scenario model, CUSUM,   └─► assessments
 *                                     alert rules on every step)                              (coalesced)
 * </pre>
 */
public final class DyadWatchTopology {

    private DyadWatchTopology() {
    }

    /**
     * Builds the topology, a pure function of its settings and the scenario model. The registry receives the
     * pipeline's meters.
     */
    public static Topology build(CommonSettings common, StreamsSettings settings, ScenarioModel model, RuleBook rules,
            MeterRegistry registry) {
        Topics topics = common.topics();
        AssessmentGauges gauges = new AssessmentGauges(registry,
                model.catalog().indicators().stream().map(io.dyadwatch.catalog.Indicator::id).toList());
        StreamsBuilder builder = new StreamsBuilder();

        Map<String, KStream<String, Routed>> routes = builder
                .stream(topics.events().name(), Consumed.with(topics.events().keySerde(), topics.events().valueSerde())
                        .withName("events"))
                .process(() -> new EntranceProcessor(common.contract(), common.dyads(), registry), Named.as("entrance"))
                .split(Named.as("route-"))
                .branch((key, routed) -> routed instanceof Routed.DeadLetter, Branched.as("dead-letter"))
                .branch((key, routed) -> ((Routed.ForDyad) routed).alreadyKeyed(), Branched.as("keyed"))
                .defaultBranch(Branched.as("rekey"));

        routes.get("route-dead-letter")
                .mapValues(routed -> ((Routed.DeadLetter) routed).original(), Named.as("original-bytes"))
                .to(topics.deadLetters().name(), Produced.with(topics.deadLetters().keySerde(),
                        topics.deadLetters().valueSerde()).withName("dead-letters"));

        Serde<Event> eventSerde = new EventSerde();
        KStream<String, Event> keyed = routes.get("route-keyed")
                .mapValues(routed -> ((Routed.ForDyad) routed).event(), Named.as("keyed-event"));
        KStream<String, Event> rekeyed = routes.get("route-rekey")
                .mapValues(routed -> ((Routed.ForDyad) routed).event(), Named.as("rekeyed-event"))
                .repartition(Repartitioned.with(Serdes.String(), eventSerde).withName("by-dyad"));

        Map<String, KStream<String, Output>> outputs = keyed.merge(rekeyed, Named.as("by-dyad-merged"))
                .process(DyadAnalyst.supplier(model, settings, StepRules.of(rules, model.catalog(), registry),
                        registry, gauges), Named.as("analyst"))
                .split(Named.as("output-"))
                .branch((key, out) -> out instanceof Output.IndicatorOut, Branched.as("indicator"))
                .branch((key, out) -> out instanceof Output.AlertOut, Branched.as("alert"))
                .defaultBranch(Branched.as("assessment"));

        outputs.get("output-indicator")
                .mapValues(out -> ((Output.IndicatorOut) out).value(), Named.as("indicator-value"))
                .to(topics.indicators().name(), Produced.with(topics.indicators().keySerde(),
                        topics.indicators().valueSerde()).withName("indicators"));
        outputs.get("output-alert")
                .mapValues(out -> ((Output.AlertOut) out).alert(), Named.as("alert-value"))
                .to(topics.alerts().name(), Produced.with(topics.alerts().keySerde(), topics.alerts().valueSerde())
                        .withName("alerts"));
        outputs.get("output-assessment")
                .mapValues(out -> ((Output.AssessmentOut) out).assessment(), Named.as("assessment-value"))
                .to(topics.assessments().name(), Produced.with(topics.assessments().keySerde(),
                        topics.assessments().valueSerde()).withName("assessments"));
        return builder.build();
    }

    /** Kafka Streams properties for the topology. */
    public static Properties properties(CommonSettings common, StreamsSettings settings, Map<String, Object> overrides) {
        Properties props = new Properties();
        props.putAll(overrides);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, common.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, settings.processingGuarantee());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.threads());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitIntervalMs());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndFailExceptionHandler.class);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return props;
    }
}
