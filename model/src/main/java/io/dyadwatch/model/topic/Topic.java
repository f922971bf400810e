package io.dyadwatch.model.topic;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A typed topic descriptor: the name and the serdes together, so producers, the topology and the sinks
 * cannot disagree about a topic's format.
 *
 * @param name       full topic name, prefix included
 * @param keySerde   serde of keys
 * @param valueSerde serde of values
 * @param compacted  whether the topic is created with cleanup.policy=compact
 * @param <K>        key type
 * @param <V>        value type
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        if (!name.matches("[a-zA-Z0-9._-]{1,249}")) {
            throw new IllegalArgumentException("not a legal Kafka topic name: '" + name + "'");
        }
    }
}
