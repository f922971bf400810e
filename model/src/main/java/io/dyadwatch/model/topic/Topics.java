package io.dyadwatch.model.topic;

import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.assessment.Assessment;
import io.dyadwatch.model.assessment.IndicatorValue;
import io.dyadwatch.model.channel.ChannelVolume;
import io.dyadwatch.model.channel.CoverageGap;
import io.dyadwatch.model.channel.FeedCheckpoint;
import io.dyadwatch.model.correction.Correction;
import io.dyadwatch.model.json.JsonSerde;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;

/**
 * DyadWatch's topics under one name prefix (default {@code dyadwatch.}), each declared once with its serdes.
 * Values travel as JSON: the input is written by any client (so it is read as bytes and checked by the event
 * contract), and the outputs are read by other teams' consumers (JSON Schemas in {@code docs/schemas}).
 *
 * @param prefix prepended to every topic name
 */
public record Topics(String prefix) {

    /** The default prefix. */
    public static final String DEFAULT_PREFIX = "dyadwatch.";

    // stateless and thread-safe (one shared ObjectMapper), so one instance each serves every topic descriptor
    private static final JsonSerde<IndicatorValue> INDICATOR_VALUES = new JsonSerde<>(IndicatorValue.class);
    private static final JsonSerde<Assessment> ASSESSMENTS = new JsonSerde<>(Assessment.class);
    private static final JsonSerde<Alert> ALERTS = new JsonSerde<>(Alert.class);
    private static final JsonSerde<ChannelVolume> VOLUMES = new JsonSerde<>(ChannelVolume.class);
    private static final JsonSerde<CoverageGap> GAPS = new JsonSerde<>(CoverageGap.class);
    private static final JsonSerde<FeedCheckpoint> CHECKPOINTS = new JsonSerde<>(FeedCheckpoint.class);
    private static final JsonSerde<Correction> CORRECTIONS = new JsonSerde<>(Correction.class);

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
    public Topic<String, IndicatorValue> indicators() {
        return new Topic<>(prefix + "indicators", Serdes.String(), INDICATOR_VALUES, true);
    }

    /** Scenario assessments, key = dyad; compacted. */
    public Topic<String, Assessment> assessments() {
        return new Topic<>(prefix + "assessments", Serdes.String(), ASSESSMENTS, true);
    }

    /** Alerts in the alert contract, keyed by fingerprint. */
    public Topic<String, Alert> alerts() {
        return new Topic<>(prefix + "alerts", Serdes.String(), ALERTS, false);
    }

    /**
     * What each collection slot of a channel covered, per watched dyad (key = dyad): the slot's span and volume
     * ({@code channel-volume-v1.schema.json}).
     */
    public Topic<String, ChannelVolume> coverage() {
        return new Topic<>(prefix + "coverage", Serdes.String(), VOLUMES, false);
    }

    /** Slots a channel could not read, key {@code channel|slotStart}; compacted ({@code coverage-gap-v1.schema.json}). */
    public Topic<String, CoverageGap> coverageGaps() {
        return new Topic<>(prefix + "coverage.gaps", Serdes.String(), GAPS, true);
    }

    /** Where each feed stands, key = feed name; compacted, written in the transaction of each slot. */
    public Topic<String, FeedCheckpoint> feedCheckpoints() {
        return new Topic<>(prefix + "feed.checkpoints", Serdes.String(), CHECKPOINTS, true);
    }

    /**
     * The content hash last published for each event id (key = id, value = hex SHA-256 of the event's JSON);
     * compacted. What an importer reads to tell a new, an unchanged and a revised row apart.
     */
    public Topic<String, String> eventHashes() {
        return new Topic<>(prefix + "events.hashes", Serdes.String(), Serdes.String(), true);
    }

    /** Analysts' corrections, keyed like the event they correct ({@code correction-v1.schema.json}). */
    public Topic<String, Correction> corrections() {
        return new Topic<>(prefix + "corrections", Serdes.String(), CORRECTIONS, false);
    }

    /** Every topic DyadWatch creates at start-up. */
    public List<Topic<?, ?>> all() {
        return List.of(events(), deadLetters(), indicators(), assessments(), alerts(), coverage(), coverageGaps(),
                feedCheckpoints(), eventHashes(), corrections());
    }
}
