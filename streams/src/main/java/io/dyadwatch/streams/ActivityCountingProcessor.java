package io.dyadwatch.streams;

import io.dyadwatch.model.assessment.Assessment;
import io.dyadwatch.model.assessment.EvidenceItem;
import io.dyadwatch.model.assessment.IndicatorValue;
import io.dyadwatch.model.assessment.PeriodUnit;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventType;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Walking-skeleton counting stage, keyed by dyad: counts each event id once (within the retention), counts
 * events per dyad, event type and period by event time (a late report updates the period it belongs to, with
 * a new revision), and publishes the indicator value and the dyad's assessment after each change.
 */
final class ActivityCountingProcessor implements Processor<String, Event, String, Output> {

    static final String DEDUP_STORE = "dedup";
    static final String INDICATOR_STORE = "indicators";
    static final String DYAD_STORE = "dyads";

    private final PeriodUnit unit;
    private final Duration retention;
    private final int evidenceSize;
    private final PipelineMeters meters;
    private ProcessorContext<String, Output> context;
    private KeyValueStore<String, Long> dedup;
    private KeyValueStore<String, IndicatorValue> indicators;
    private KeyValueStore<String, DyadState> dyads;

    ActivityCountingProcessor(StreamsSettings settings, MeterRegistry registry) {
        this.unit = settings.period();
        this.retention = settings.dedupRetention();
        this.evidenceSize = settings.evidenceSize();
        this.meters = new PipelineMeters(registry);
    }

    @Override
    public void init(ProcessorContext<String, Output> context) {
        this.context = context;
        this.dedup = context.getStateStore(DEDUP_STORE);
        this.indicators = context.getStateStore(INDICATOR_STORE);
        this.dyads = context.getStateStore(DYAD_STORE);
        context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, this::forgetOldIds);
    }

    @Override
    public void process(Record<String, Event> record) {
        String dyad = record.key();
        Event event = record.value();
        String seenKey = dyad + "|" + event.id();
        if (dedup.get(seenKey) != null) {
            meters.duplicate();
            return;
        }
        long now = context.currentSystemTimeMs();
        dedup.put(seenKey, now);

        String period = unit.labelOf(event.occurredAt());
        String indicatorKey = IndicatorValue.key(dyad, event.type().name(), period);
        IndicatorValue previous = indicators.get(indicatorKey);
        IndicatorValue value = new IndicatorValue(dyad, event.type().name(), period,
                previous == null ? 1 : previous.count() + 1,
                (previous == null ? 0 : previous.weightedSum()) + 1.0,
                previous == null ? 1 : previous.revision() + 1, Instant.ofEpochMilli(now));
        indicators.put(indicatorKey, value);
        context.forward(new Record<String, Output>(indicatorKey, new Output.IndicatorOut(value), record.timestamp()));

        DyadState state = dyads.get(dyad);
        String current = state == null || period.compareTo(state.period()) > 0 ? period : state.period();
        DyadState next = new DyadState(current, state == null ? 1 : state.revision() + 1,
                state == null ? List.of() : state.evidence()).withEvidence(EvidenceItem.of(event), evidenceSize);
        dyads.put(dyad, next);
        context.forward(new Record<String, Output>(dyad, new Output.AssessmentOut(assess(dyad, next, now)),
                record.timestamp()));
    }

    private Assessment assess(String dyad, DyadState state, long now) {
        Map<String, Double> counts = new LinkedHashMap<>();
        long total = 0;
        for (EventType type : EventType.values()) {
            IndicatorValue value = indicators.get(IndicatorValue.key(dyad, type.name(), state.period()));
            if (value != null) {
                counts.put(type.name(), value.weightedSum());
                total += value.count();
            }
        }
        return new Assessment(dyad, state.period(), state.revision(), Instant.ofEpochMilli(now), total, counts,
                Map.of(), Map.of(), Map.of(),
                List.of(total + " events in " + state.period() + " (walking skeleton: counts by type only)"),
                state.evidence());
    }

    private void forgetOldIds(long now) {
        long cutoff = now - retention.toMillis();
        try (KeyValueIterator<String, Long> all = dedup.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> entry = all.next();
                if (entry.value < cutoff) {
                    dedup.delete(entry.key);
                }
            }
        }
    }
}
