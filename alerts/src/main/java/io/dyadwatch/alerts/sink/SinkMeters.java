package io.dyadwatch.alerts.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One sink's meters, tagged {@code sink=<name>}: alerts delivered, failed delivery attempts, alerts given up
 * on (by reason: {@code unreadable} record, {@code rejected} by the receiver), the delivery lag from the
 * alert record's timestamp to its delivery, and the alerts waiting for the sink ({@code dyadwatch.sink.pending.alerts}:
 * records on the partitions this instance holds that it has not delivered yet).
 */
final class SinkMeters {

    private final Counter deliveries;
    private final Counter failures;
    private final Counter unreadable;
    private final Counter rejected;
    private final Timer lag;

    private final AtomicLong pending = new AtomicLong();

    SinkMeters(MeterRegistry registry, String sink) {
        Gauge.builder("dyadwatch.sink.pending.alerts", pending, AtomicLong::get).tag("sink", sink)
                .description("Alert records on the partitions this instance holds not yet delivered by the sink")
                .register(registry);
        deliveries = Counter.builder("dyadwatch.sink.deliveries").tag("sink", sink)
                .description("Alerts delivered by the sink").register(registry);
        failures = Counter.builder("dyadwatch.sink.failures").tag("sink", sink)
                .description("Failed delivery attempts (each is retried)").register(registry);
        unreadable = undeliverable(registry, sink, "unreadable");
        rejected = undeliverable(registry, sink, "rejected");
        lag = Timer.builder("dyadwatch.sink.delivery.lag").tag("sink", sink)
                .description("From the alert record's timestamp to its delivery").register(registry);
    }

    private static Counter undeliverable(MeterRegistry registry, String sink, String reason) {
        return Counter.builder("dyadwatch.sink.undeliverable").tag("sink", sink).tag("reason", reason)
                .description("Alert records given up on: unreadable, or refused by the receiver").register(registry);
    }

    void delivered(Duration lagOfOne) {
        deliveries.increment();
        lag.record(lagOfOne.isNegative() ? Duration.ZERO : lagOfOne);
    }

    /** Alert records waiting for the sink now. */
    void pending(long records) {
        pending.set(Math.max(0, records));
    }

    void failed() {
        failures.increment();
    }

    void unreadable() {
        unreadable.increment();
    }

    void rejected() {
        rejected.increment();
    }
}
