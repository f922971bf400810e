package io.dyadwatch.streams;

import io.dyadwatch.model.assessment.Assessment;
import io.dyadwatch.model.assessment.PeriodResult;
import io.dyadwatch.model.json.JsonSerde;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The analyst's state stores, declared once (with their processor, through {@link DyadAnalyst#supplier}). The
 * first five hold what the judgement is computed from; the last two what it computed, for interactive queries
 * (written when an assessment is published, not per report). All are cached (the record cache writes a hot key
 * once per commit); all but the history are changelogged (the history is rebuilt from the ledgers).
 */
public final class AnalystStores {

    /** Reports already counted: {@link StateKey.OfReport} to first-seen time. */
    static final String REPORTS = "analyst-reports";
    /** Real-world events with their merged reports: {@link StateKey.OfEvent} to {@link ClusterState}. */
    static final String EVENTS = "analyst-events";
    /** Tallies: {@link StateKey.OfPeriod} to {@link PeriodTally}. */
    static final String PERIODS = "analyst-periods";
    /** Each dyad's {@link DyadState}, key dyad. */
    static final String DYADS = "analyst-dyads";
    /** Steps waiting to be published: {@link StateKey.OfStep} to {@link PendingStep}. */
    static final String STEPS = "analyst-steps";
    /** Per-period results ({@link PeriodResult}) by dyad and period: the history of every dyad. */
    public static final String HISTORY = "analyst-history";
    /** The latest published {@link Assessment} of each dyad, key dyad. */
    public static final String ASSESSMENTS = "analyst-assessments";

    private AnalystStores() {
    }

    static Set<StoreBuilder<?>> all() {
        return Set.of(
                store(REPORTS, StateKey.KeySerdes.REPORT, Serdes.Long()),
                store(EVENTS, StateKey.KeySerdes.EVENT, AnalystSerdes.EVENT),
                store(PERIODS, StateKey.KeySerdes.PERIOD, AnalystSerdes.TALLY),
                store(DYADS, Serdes.String(), AnalystSerdes.DYAD),
                store(STEPS, StateKey.KeySerdes.STEP, AnalystSerdes.STEP),
                // derived from the ledgers and rebuilt from them when the task starts: no changelog, so a restated
                // history (every later period, after a late report) costs local writes only
                store(HISTORY, StateKey.KeySerdes.PERIOD, AnalystSerdes.RESULT).withLoggingDisabled(),
                store(ASSESSMENTS, Serdes.String(), new JsonSerde<>(Assessment.class)));
    }

    private static <K, V> StoreBuilder<KeyValueStore<K, V>> store(String name, Serde<K> keys, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, values).withCachingEnabled();
    }
}
