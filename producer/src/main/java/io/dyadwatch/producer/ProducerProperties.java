package io.dyadwatch.producer;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The properties every DyadWatch producer starts from. */
public final class ProducerProperties {

    private ProducerProperties() {
    }

    /**
     * The overrides (security and any {@code kafka.*} setting), then the brokers, {@code acks=all}, idempotence, and
     * timeouts that fail a send within about 30 s rather than block a caller for minutes.
     */
    public static Properties idempotent(String bootstrapServers, Map<String, Object> overrides) {
        Properties props = new Properties();
        props.putAll(overrides);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return props;
    }
}
