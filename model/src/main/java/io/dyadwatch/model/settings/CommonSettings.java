package io.dyadwatch.model.settings;

import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.EventContract;
import io.dyadwatch.model.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/** Settings every DyadWatch service shares: where Kafka is, the topics, the watched dyads, the contract's limits. */
public final class CommonSettings extends AbstractConfig {

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String TOPIC_PREFIX = "topic.prefix";
    public static final String TOPIC_PARTITIONS = "topic.partitions";
    public static final String TOPIC_REPLICATION_FACTOR = "topic.replication.factor";
    public static final String DYADS = "dyads";
    public static final String EVENT_MAX_BYTES = "event.max.bytes";
    public static final String EVENT_FUTURE_TOLERANCE_MS = "event.future.tolerance.ms";
    public static final String ADMIN_TIMEOUT_MS = "admin.timeout.ms";
    public static final String CATALOG_FILE = "catalog.file";

    /** The definitions, with their documented defaults. */
    public static final ConfigDef DEF = new ConfigDef()
            .define(BOOTSTRAP_SERVERS, Type.LIST, "127.0.0.1:9092", Importance.HIGH,
                    "Kafka brokers to connect to, host:port[,host:port]. Environment: DYADWATCH_BOOTSTRAP_SERVERS.")
            .define(TOPIC_PREFIX, Type.STRING, Topics.DEFAULT_PREFIX, Importance.MEDIUM,
                    "Prefix of every DyadWatch topic name.")
            .define(TOPIC_PARTITIONS, Type.INT, 3, Range.between(1, 1000), Importance.MEDIUM,
                    "Partitions of topics created at start-up when missing.")
            .define(TOPIC_REPLICATION_FACTOR, Type.SHORT, (short) 1, Importance.MEDIUM,
                    "Replication factor of topics created at start-up (1 for a single broker).")
            .define(DYADS, Type.LIST, "CHN-RUS,IRN-RUS,CHN-IRN,PRK-RUS,CHN-IRN-RUS", Importance.HIGH,
                    "Watched dyads and groups: ISO 3166 alpha-3 codes joined by '-', comma-separated.")
            .define(EVENT_MAX_BYTES, Type.INT, EventContract.DEFAULT_MAX_RECORD_BYTES, Range.between(256, 16 << 20),
                    Importance.LOW, "Largest accepted event record in bytes; larger records are dead-lettered.")
            .define(EVENT_FUTURE_TOLERANCE_MS, Type.LONG, EventContract.DEFAULT_FUTURE_TOLERANCE.toMillis(),
                    Range.atLeast(0), Importance.LOW,
                    "How far in the future an event's occurredAt may lie before it is refused (clock skew, time zones).")
            .define(ADMIN_TIMEOUT_MS, Type.INT, 15_000, Range.between(100, 600_000), Importance.LOW,
                    "How long to wait for Kafka at start-up before reporting it unreachable, in milliseconds.")
            .define(CATALOG_FILE, Type.STRING, "", Importance.MEDIUM,
                    "Scenario and indicator catalog (YAML); empty for the catalog shipped in the jar.");

    private final List<Dyad> dyads;

    public CommonSettings(Map<String, ?> values) {
        super(DEF, values, false);
        try {
            dyads = getList(DYADS).stream().map(Dyad::parse).distinct().toList();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(DYADS, getList(DYADS), e.getMessage());
        }
        if (dyads.isEmpty()) {
            throw new ConfigException(DYADS, "", "at least one dyad must be watched");
        }
    }

    public String bootstrapServers() {
        return String.join(",", getList(BOOTSTRAP_SERVERS));
    }

    public java.time.Duration adminTimeout() {
        return Duration.ofMillis(getInt(ADMIN_TIMEOUT_MS));
    }

    /** The catalog file to use instead of the bundled one, or null. */
    public java.nio.file.Path catalogFile() {
        String file = getString(CATALOG_FILE);
        return file == null || file.isBlank() ? null : java.nio.file.Path.of(file);
    }

    public Topics topics() {
        return new Topics(getString(TOPIC_PREFIX));
    }

    public int partitions() {
        return getInt(TOPIC_PARTITIONS);
    }

    public short replicationFactor() {
        return getShort(TOPIC_REPLICATION_FACTOR);
    }

    public List<Dyad> dyads() {
        return dyads;
    }

    /** The event contract with these limits and the system clock. */
    public EventContract contract() {
        return new EventContract(getInt(EVENT_MAX_BYTES), Duration.ofMillis(getLong(EVENT_FUTURE_TOLERANCE_MS)),
                Clock.systemUTC());
    }
}
