package io.dyadwatch.producer.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A feed's meters, tagged with its channel; the failure reason is one of a bounded set
 * ({@link io.dyadwatch.model.channel.CoverageGap#REASONS}).
 *
 * <ul>
 * <li>{@code dyadwatch.feed.slots.fetched}: slots read and published</li>
 * <li>{@code dyadwatch.feed.slots.failed} (tag {@code reason}): attempts that left a slot a gap</li>
 * <li>{@code dyadwatch.feed.rows.read}: export rows read</li>
 * <li>{@code dyadwatch.feed.events.published}: events published (before fan-out)</li>
 * <li>{@code dyadwatch.feed.mentions.failed} (tag {@code reason}): mentions files not read (the slot stays covered)</li>
 * <li>{@code dyadwatch.feed.gaps.open}: slots not covered and still retried</li>
 * <li>{@code dyadwatch.feed.newest.slot.age} (seconds): how old the newest slot read is</li>
 * </ul>
 */
final class FeedMetrics {

    private final MeterRegistry registry;
    private final String channel;
    private final Counter fetched;
    private final Counter rows;
    private final Counter events;
    private final AtomicInteger openGaps = new AtomicInteger();
    private final AtomicReference<Instant> newest = new AtomicReference<>();

    FeedMetrics(MeterRegistry registry, String channel, Clock clock) {
        this.registry = registry;
        this.channel = channel;
        this.fetched = Counter.builder("dyadwatch.feed.slots.fetched").description("Slots read and published")
                .tag("channel", channel).register(registry);
        this.rows = Counter.builder("dyadwatch.feed.rows.read").description("Export rows read")
                .tag("channel", channel).register(registry);
        this.events = Counter.builder("dyadwatch.feed.events.published").description("Events published")
                .tag("channel", channel).register(registry);
        Gauge.builder("dyadwatch.feed.gaps.open", openGaps, AtomicInteger::get)
                .description("Slots not covered and still retried").tag("channel", channel).register(registry);
        TimeGauge.builder("dyadwatch.feed.newest.slot.age", newest, TimeUnit.SECONDS, n -> n.get() == null ? Double.NaN
                        : Duration.between(n.get(), clock.instant()).toSeconds())
                .description("Age of the newest slot read (from its end)").tag("channel", channel).register(registry);
    }

    void slotRead(SlotContents slot) {
        fetched.increment();
        rows.increment(slot.report().rowsRead());
        events.increment(slot.events().size());
        newest.accumulateAndGet(slot.slot().end(), (a, b) -> a == null || b.isAfter(a) ? b : a);
    }

    void slotFailed(String reason) {
        Counter.builder("dyadwatch.feed.slots.failed").description("Attempts that left a slot a gap, by reason")
                .tag("channel", channel).tag("reason", reason).register(registry).increment();
    }

    void mentionsFailed(String reason) {
        Counter.builder("dyadwatch.feed.mentions.failed").description("Mentions files not read, by reason")
                .tag("channel", channel).tag("reason", reason).register(registry).increment();
    }

    void openGaps(int count) {
        openGaps.set(count);
    }
}
