package io.dyadwatch.alerts;

import io.dyadwatch.alerts.rules.RuleBook;
import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.model.assessment.Assessment;
import io.dyadwatch.model.json.JsonSerde;
import io.dyadwatch.model.settings.CommonSettings;
import io.dyadwatch.model.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The alert rules as a topology of their own (its own application id, so {@code ./dyadwatch alerts} can run
 * apart from the streams service): assessments in, alerts out, keyed by fingerprint, written exactly once.
 */
public final class AlertsTopology {

    private AlertsTopology() {
    }

    /** Builds the topology; a pure function of the settings, rules and catalog. */
    public static Topology build(CommonSettings common, RuleBook rules, Catalog catalog, MeterRegistry registry) {
        Topics topics = common.topics();
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AlertLifecycle.STATES),
                Serdes.String(), new JsonSerde<>(AlertState.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AlertLifecycle.LAST),
                Serdes.String(), new JsonSerde<>(Assessment.class)));
        builder.stream(topics.assessments().name(),
                        Consumed.with(topics.assessments().keySerde(), topics.assessments().valueSerde())
                                .withName("assessments"))
                .process(() -> new AlertLifecycle(rules, catalog, registry), Named.as("alert-rules"),
                        AlertLifecycle.STATES, AlertLifecycle.LAST)
                .to(topics.alerts().name(), Produced.with(topics.alerts().keySerde(), topics.alerts().valueSerde())
                        .withName("alerts"));
        return builder.build();
    }

    /** Kafka Streams properties for the alert rules. */
    public static Properties properties(CommonSettings common, AlertsSettings settings, Map<String, Object> overrides) {
        Properties props = new Properties();
        props.putAll(overrides);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, common.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, settings.processingGuarantee());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100L);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return props;
    }
}
