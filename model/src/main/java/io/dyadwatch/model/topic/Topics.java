package io.dyadwatch.model.topic;

import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;

/**
 * DyadWatch's topics under one name prefix (default {@code dyadwatch.}). Values travel as JSON bytes: the
 * input is written by any client, and the outputs are read by other teams' consumers.
 *
 * @param prefix prepended to every topic name
 */
public record Topics(String prefix) {

    /** The default prefix. */
    public static final String DEFAULT_PREFIX = "dyadwatch.";

    public Topics {
        Objects.requireNonNull(prefix, "prefix");
    }

    /** Input: reported events in the event contract, keyed by dyad. */
    public Topic<String, byte[]> events() {
        return new Topic<>(prefix + "events", Serdes.String(), Serdes.ByteArray(), false);
    }

    /** Records the contract refused, with their original bytes and reason headers. */
    public Topic<String, byte[]> deadLetters() {
        return new Topic<>(prefix + "events.dlq", Serdes.String(), Serdes.ByteArray(), false);
    }

    /** Indicator values, key {@code dyad|indicator|period}; compacted. */
    public Topic<String, byte[]> indicators() {
        return new Topic<>(prefix + "indicators", Serdes.String(), Serdes.ByteArray(), true);
    }

    /** Scenario assessments, key = dyad; compacted. */
    public Topic<String, byte[]> assessments() {
        return new Topic<>(prefix + "assessments", Serdes.String(), Serdes.ByteArray(), true);
    }

    /** Alerts in the alert contract, keyed by fingerprint. */
    public Topic<String, byte[]> alerts() {
        return new Topic<>(prefix + "alerts", Serdes.String(), Serdes.ByteArray(), false);
    }

    /** Every topic DyadWatch creates at start-up. */
    public List<Topic<?, ?>> all() {
        return List.of(events(), deadLetters(), indicators(), assessments(), alerts());
    }
}
