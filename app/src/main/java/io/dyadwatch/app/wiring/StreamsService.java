package io.dyadwatch.app.wiring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Kafka Streams application: starts it, binds its metrics, reports its state and restoration progress,
 * stops it cleanly. An uncaught exception in a stream thread is logged with its cause and shuts this client down
 * (the owning command then exits non-zero) rather than retrying a deterministic failure forever.
 */
public final class StreamsService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsService.class);
    private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final String name;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics metrics;
    private final RestorationProgress restoration = new RestorationProgress();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Throwable failure;
    private volatile long lastStateChangeNanos = System.nanoTime();

    public StreamsService(String name, Topology topology, Properties properties, MeterRegistry registry) {
        this.name = name;
        this.streams = new KafkaStreams(topology, properties);
        this.streams.setUncaughtExceptionHandler(e -> {
            failure = e;
            LOG.error("{} stopped on an unexpected error: {}", name, e.toString(), e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        this.streams.setStateListener((now, before) -> {
            lastStateChangeNanos = System.nanoTime();
            LOG.info("{}: {} -> {}", name, before, now);
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                stopped.countDown();
            }
        });
        this.streams.setGlobalStateRestoreListener(restoration);
        this.metrics = new KafkaStreamsMetrics(streams);
        this.metrics.bindTo(registry);
    }

    /** Starts processing. */
    public void start() {
        streams.start();
    }

    /**
     * Waits until the application is running, however long a rebalance and the restoration of its state take, as
     * long as they make progress: it gives up only when the application stopped, or when neither its state nor its
     * restoration moved for {@code stallLimit}. Logs the state and the restoration progress every 5 s meanwhile.
     */
    public void awaitRunning(Duration stallLimit) throws InterruptedException {
        long lastLog = System.nanoTime();
        long lastProgress = System.nanoTime();
        long restoredBefore = restoration.restored();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (failure != null || streams.state() == KafkaStreams.State.ERROR
                    || streams.state() == KafkaStreams.State.NOT_RUNNING) {
                throw new IllegalStateException(name + " failed to start" + (failure == null ? "" : ": " + failure));
            }
            long now = System.nanoTime();
            long restored = restoration.restored();
            if (restored != restoredBefore || lastStateChangeNanos > lastProgress) {
                restoredBefore = restored;
                lastProgress = now;
            }
            if (now - lastProgress > stallLimit.toNanos()) {
                throw new IllegalStateException(name + " made no progress toward RUNNING for "
                        + stallLimit.toSeconds() + " s (" + describe() + ")");
            }
            if (now - lastLog >= LOG_EVERY_NANOS) {
                LOG.info("{}: waiting for RUNNING: {}", name, describe());
                lastLog = now;
            }
            stopped.await(50, TimeUnit.MILLISECONDS);
        }
    }

    /** The state and, while stores restore, how far they got: {@code REBALANCING, restored 1,200 of 5,000 records}. */
    public String describe() {
        return streams.state() + ", " + restoration.describe();
    }

    /** The state as /health shows it. */
    public Health health() {
        KafkaStreams.State state = streams.state();
        return new Health(name, state.name(), state == KafkaStreams.State.RUNNING && failure == null,
                restoration.restored(), restoration.toRestore(), restoration.storesRestoring());
    }

    /**
     * One application's health.
     *
     * @param running          true once RUNNING (or back to it after a rebalance) without a failure
     * @param restoredRecords  changelog records restored since start
     * @param recordsToRestore changelog records the restorations started so far had to restore
     * @param storesRestoring  stores whose restoration has not ended
     */
    public record Health(String name, String state, boolean running, long restoredRecords, long recordsToRestore,
            int storesRestoring) {

        /** As JSON, for /health. */
        public String json() {
            return String.format(Locale.ROOT, "{\"name\":\"%s\",\"state\":\"%s\",\"restoredRecords\":%d,"
                    + "\"recordsToRestore\":%d,\"storesRestoring\":%d}", name, state, restoredRecords,
                    recordsToRestore, storesRestoring);
        }
    }

    /** Blocks until the application stops on its own (an error); returns false on timeout. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The failure that stopped it, or null. */
    public Throwable failure() {
        return failure;
    }

    /** The Kafka Streams client, for interactive queries. */
    public KafkaStreams streams() {
        return streams;
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        metrics.close();
        streams.close(Duration.ofSeconds(30));
    }
}
