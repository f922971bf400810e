package io.dyadwatch.streams;

import io.dyadwatch.model.event.EventType;
import io.dyadwatch.model.event.RejectReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * The pipeline's own meters. Tag values are bounded: event types and reject reasons are enums.
 * At any time {@code received = accepted + dead_lettered}.
 */
final class PipelineMeters {

    static final String RECEIVED = "dyadwatch.events.received";
    static final String ACCEPTED = "dyadwatch.events.accepted";
    static final String DEAD_LETTERED = "dyadwatch.events.dead.lettered";
    static final String UNWATCHED = "dyadwatch.events.unwatched";
    static final String REKEYED = "dyadwatch.events.rekeyed";
    static final String DUPLICATES = "dyadwatch.events.duplicates";
    static final String CORROBORATED = "dyadwatch.events.corroborated";
    static final String REPEATED = "dyadwatch.events.repeated";

    private final Counter received;
    private final Counter unwatched;
    private final Counter rekeyed;
    private final Counter duplicates;
    private final Counter corroborated;
    private final Counter repeated;
    // registered once: looking a counter up in the registry on every event was a measurable cost per event
    private final Map<EventType, Counter> accepted = new EnumMap<>(EventType.class);
    private final Map<RejectReason, Counter> deadLettered = new EnumMap<>(RejectReason.class);

    PipelineMeters(MeterRegistry registry) {
        this.received = Counter.builder(RECEIVED).description("Records read from the events topic").register(registry);
        this.unwatched = Counter.builder(UNWATCHED).description("Valid events concerning no watched dyad")
                .register(registry);
        this.rekeyed = Counter.builder(REKEYED)
                .description("Valid events keyed by something other than a watched dyad they concern (foreign "
                        + "clients), re-keyed through the repartition topic").register(registry);
        // every bounded series exists from the start at zero, so rate() and increase() see the first event
        for (EventType type : EventType.values()) {
            accepted.put(type, Counter.builder(ACCEPTED).description("Records that passed the event contract")
                    .tag("type", type.name()).register(registry));
        }
        for (RejectReason reason : RejectReason.values()) {
            deadLettered.put(reason, Counter.builder(DEAD_LETTERED)
                    .description("Records refused by the event contract and dead-lettered")
                    .tag("reason", reason.name()).register(registry));
        }
        this.duplicates = Counter.builder(DUPLICATES).description("Events counted once already, by id")
                .register(registry);
        this.corroborated = Counter.builder(CORROBORATED)
                .description("Reports merged into an event already reported by another source").register(registry);
        this.repeated = Counter.builder(REPEATED)
                .description("Reports merged into an event the same source had already reported").register(registry);
    }

    void rekeyed() {
        rekeyed.increment();
    }

    void received() {
        received.increment();
    }

    void accepted(EventType type) {
        accepted.get(type).increment();
    }

    void deadLettered(RejectReason reason) {
        deadLettered.get(reason).increment();
    }

    void unwatched() {
        unwatched.increment();
    }

    void corroborated() {
        corroborated.increment();
    }

    void repeatedStory() {
        repeated.increment();
    }

    void duplicate() {
        duplicates.increment();
    }
}
