package io.dyadwatch.app.wiring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Kafka Streams application: starts it, binds its metrics, stops it cleanly. An uncaught exception
 * in a stream thread is logged with its cause and shuts this client down (the owning command then exits
 * non-zero) rather than retrying a deterministic failure forever.
 */
public final class StreamsService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsService.class);

    private final String name;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics metrics;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Throwable failure;

    public StreamsService(String name, Topology topology, Properties properties, MeterRegistry registry) {
        this.name = name;
        this.streams = new KafkaStreams(topology, properties);
        this.streams.setUncaughtExceptionHandler(e -> {
            failure = e;
            LOG.error("{} stopped on an unexpected error: {}", name, e.toString(), e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        this.streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                stopped.countDown();
            }
        });
        this.metrics = new KafkaStreamsMetrics(streams);
        this.metrics.bindTo(registry);
    }

    /** Starts processing. */
    public void start() {
        streams.start();
    }

    /** Waits until the application is running, or throws after the timeout. */
    public void awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (failure != null || streams.state() == KafkaStreams.State.ERROR
                    || streams.state() == KafkaStreams.State.NOT_RUNNING) {
                throw new IllegalStateException(name + " failed to start" + (failure == null ? "" : ": " + failure));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not reach RUNNING within " + timeout.toSeconds()
                        + " s (state " + streams.state() + ")");
            }
            stopped.await(50, TimeUnit.MILLISECONDS);
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
