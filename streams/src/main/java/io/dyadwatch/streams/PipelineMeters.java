package io.dyadwatch.streams;

import io.dyadwatch.model.event.EventType;
import io.dyadwatch.model.event.RejectReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The pipeline's own meters. Tag values are bounded: event types and reject reasons are enums.
 * At any time {@code received = accepted + dead_lettered}.
 */
final class PipelineMeters {

    static final String RECEIVED = "dyadwatch.events.received";
    static final String ACCEPTED = "dyadwatch.events.accepted";
    static final String DEAD_LETTERED = "dyadwatch.events.dead.lettered";
    static final String UNWATCHED = "dyadwatch.events.unwatched";
    static final String DUPLICATES = "dyadwatch.events.duplicates";
    static final String CORROBORATED = "dyadwatch.events.corroborated";
    static final String REPEATED = "dyadwatch.events.repeated";

    private final MeterRegistry registry;
    private final Counter received;
    private final Counter unwatched;

    PipelineMeters(MeterRegistry registry) {
        this.registry = registry;
        this.received = Counter.builder(RECEIVED).description("Records read from the events topic").register(registry);
        this.unwatched = Counter.builder(UNWATCHED).description("Valid events concerning no watched dyad")
                .register(registry);
        // every bounded series exists from the start at zero, so rate() and increase() see the first event
        for (EventType type : EventType.values()) {
            accepted(type, 0);
        }
        for (RejectReason reason : RejectReason.values()) {
            deadLettered(reason, 0);
        }
        Counter.builder(DUPLICATES).description("Events counted once already, by id").register(registry);
        Counter.builder(CORROBORATED).description("Reports merged into an event already reported by another source")
                .register(registry);
        Counter.builder(REPEATED).description("Reports merged into an event the same source had already reported")
                .register(registry);
    }

    private void accepted(EventType type, double amount) {
        Counter.builder(ACCEPTED).description("Records that passed the event contract").tag("type", type.name())
                .register(registry).increment(amount);
    }

    private void deadLettered(RejectReason reason, double amount) {
        Counter.builder(DEAD_LETTERED).description("Records refused by the event contract and dead-lettered")
                .tag("reason", reason.name()).register(registry).increment(amount);
    }

    void received() {
        received.increment();
    }

    void accepted(EventType type) {
        accepted(type, 1);
    }

    void deadLettered(RejectReason reason) {
        deadLettered(reason, 1);
    }

    void unwatched() {
        unwatched.increment();
    }

    void corroborated() {
        Counter.builder(CORROBORATED).description("Reports merged into an event already reported by another source")
                .register(registry).increment();
    }

    void repeatedStory() {
        Counter.builder(REPEATED).description("Reports merged into an event the same source had already reported")
                .register(registry).increment();
    }

    void duplicate() {
        Counter.builder(DUPLICATES).description("Events counted once already, by id").register(registry).increment();
    }
}
