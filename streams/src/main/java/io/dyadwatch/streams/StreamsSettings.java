package io.dyadwatch.streams;

import io.dyadwatch.model.assessment.PeriodUnit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;

/** Settings of the streams topology, with documented defaults. */
public final class StreamsSettings extends AbstractConfig {

    public static final String APPLICATION_ID = "streams.application.id";
    public static final String STATE_DIR = "streams.state.dir";
    public static final String PROCESSING_GUARANTEE = "streams.processing.guarantee";
    public static final String THREADS = "streams.threads";
    public static final String COMMIT_INTERVAL_MS = "streams.commit.interval.ms";
    public static final String DEDUP_RETENTION_DAYS = "streams.dedup.retention.days";
    public static final String PERIOD = "streams.period";
    public static final String EVIDENCE_SIZE = "streams.evidence.size";
    public static final String CLOCK = "streams.clock";
    public static final String CLOCK_INTERVAL_MS = "streams.clock.interval.ms";
    public static final String ASSESSMENT_INTERVAL_MS = "streams.assessment.interval.ms";
    public static final String ASSESSMENT_MAX_PENDING = "streams.assessment.max.pending";
    public static final String HORIZON_PERIODS = "streams.horizon.periods";
    public static final String CORROBORATION_WINDOW_DAYS = "streams.corroboration.window.days";
    public static final String STATIC_MEMBERSHIP = "streams.static.membership";

    /** The definitions, with their documented defaults. */
    public static final ConfigDef DEF = new ConfigDef()
            .define(APPLICATION_ID, Type.STRING, "dyadwatch-v3", Importance.HIGH,
                    "Kafka Streams application id: consumer group and prefix of internal topics. The default's -v3 "
                            + "is the state format: a new format comes with a new id, so an upgraded instance rebuilds "
                            + "its state by replaying the events topic instead of starting from the old one's offsets "
                            + "with empty stores (docs/operations.md).")
            .define(STATE_DIR, Type.STRING, Path.of(System.getProperty("java.io.tmpdir"), "dyadwatch-state").toString(),
                    Importance.MEDIUM, "Directory of the topology's local state stores.")
            .define(PROCESSING_GUARANTEE, Type.STRING, "exactly_once_v2",
                    ValidString.in("exactly_once_v2", "at_least_once"), Importance.MEDIUM,
                    "exactly_once_v2 (default) or at_least_once.")
            .define(THREADS, Type.INT, 1, Range.between(1, 64), Importance.LOW, "Stream threads.")
            .define(COMMIT_INTERVAL_MS, Type.LONG, 100L, Range.atLeast(1), Importance.LOW,
                    "How often state and offsets are committed, in milliseconds.")
            .define(DEDUP_RETENTION_DAYS, Type.INT, 400, Range.atLeast(1), Importance.MEDIUM,
                    "How long an event id is remembered for de-duplication, in days.")
            .define(PERIOD, Type.STRING, "QUARTER", ValidString.in("MONTH", "QUARTER", "YEAR"), Importance.MEDIUM,
                    "Calendar period indicators are counted in, by event time.")
            .define(EVIDENCE_SIZE, Type.INT, 5, Range.between(1, 100), Importance.LOW,
                    "How many events an assessment cites as evidence.")
            .define(CLOCK, Type.STRING, "wall", ValidString.in("wall", "event"), Importance.HIGH,
                    "What closes periods: 'wall' (live: the wall clock, checked every streams.clock.interval.ms) or "
                            + "'event' (replays: the latest occurredAt seen).")
            .define(CLOCK_INTERVAL_MS, Type.LONG, 60_000L, Range.atLeast(10), Importance.LOW,
                    "With the wall clock, how often silent dyads are re-assessed, in milliseconds.")
            .define(ASSESSMENT_INTERVAL_MS, Type.LONG, 100L, Range.atLeast(1), Importance.MEDIUM,
                    "A dyad that received events is re-assessed at most this often, in milliseconds (wall clock): "
                            + "the events in between are tallied at once and their indicators and assessment published "
                            + "together, every one of them carried as a trigger.")
            .define(ASSESSMENT_MAX_PENDING, Type.INT, 200, Range.between(1, 10_000), Importance.LOW,
                    "A dyad is re-assessed at once, before its interval is up, when this many events are waiting: "
                            + "bounds the size of an assessment's triggers under a burst.")
            .define(HORIZON_PERIODS, Type.INT, 4, Range.between(1, 40), Importance.MEDIUM,
                    "Periods in the trailing horizon of the assessment, the current one included.")
            .define(CORROBORATION_WINDOW_DAYS, Type.INT, 3, Range.between(0, 30), Importance.MEDIUM,
                    "Reports of the same type and dyad within this many days, with the same name or location, are one event.")
            .define(STATIC_MEMBERSHIP, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Join the consumer group as a static member (group.instance.id), with an identity kept in the "
                            + "state directory: an instance restarted on the same state directory takes its tasks back at "
                            + "once instead of after the dead member's session timeout (docs/operations.md).");

    public StreamsSettings(Map<String, ?> values) {
        super(DEF, values, false);
    }

    /** Whether the instance joins its group as a static member, its identity kept in its state directory. */
    public boolean staticMembership() {
        return getBoolean(STATIC_MEMBERSHIP);
    }

    public String applicationId() {
        return getString(APPLICATION_ID);
    }

    public String stateDir() {
        return getString(STATE_DIR);
    }

    public String processingGuarantee() {
        return getString(PROCESSING_GUARANTEE);
    }

    public int threads() {
        return getInt(THREADS);
    }

    public long commitIntervalMs() {
        return getLong(COMMIT_INTERVAL_MS);
    }

    public Duration dedupRetention() {
        return Duration.ofDays(getInt(DEDUP_RETENTION_DAYS));
    }

    public PeriodUnit period() {
        return PeriodUnit.valueOf(getString(PERIOD).toUpperCase(Locale.ROOT));
    }

    /** True when periods close on the latest event time (replays) rather than the wall clock. */
    public boolean eventClock() {
        return "event".equals(getString(CLOCK));
    }

    public Duration clockInterval() {
        return Duration.ofMillis(getLong(CLOCK_INTERVAL_MS));
    }

    /** How often a dyad with new events is re-assessed. */
    public Duration assessmentInterval() {
        return Duration.ofMillis(getLong(ASSESSMENT_INTERVAL_MS));
    }

    /** Events waiting that make a dyad's re-assessment immediate. */
    public int assessmentMaxPending() {
        return getInt(ASSESSMENT_MAX_PENDING);
    }

    public int horizonPeriods() {
        return getInt(HORIZON_PERIODS);
    }

    public Duration corroborationWindow() {
        return Duration.ofDays(getInt(CORROBORATION_WINDOW_DAYS));
    }

    public int evidenceSize() {
        return getInt(EVIDENCE_SIZE);
    }
}
