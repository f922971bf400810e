package io.dyadwatch.producer;

import io.dyadwatch.model.event.Coverage;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventJson;
import io.dyadwatch.model.topic.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes validated events to the events topic: idempotent producer, acks=all. An event is fanned out to every
 * watched dyad or group its actors contain, one record per dyad, keyed by it, with the same event id: each
 * dyad's partition then sees the reports in the order they were sent, and the topology needs no repartition
 * (a multi-actor exercise reaches CHN-RUS in its place in the file, not after a commit). An event that concerns
 * no watched dyad is sent once, keyed by all its actors (the topology counts it as unwatched). Thread-safe.
 */
public final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final List<Dyad> watched;
    private KafkaClientMetrics metrics;

    /**
     * @param bootstrapServers the brokers
     * @param events           the events topic
     * @param watched          the watched dyads and groups, one record each an event concerns
     * @param overrides        extra client properties (security, for example)
     */
    public EventPublisher(String bootstrapServers, Topic<String, byte[]> events, List<Dyad> watched,
            Map<String, Object> overrides) {
        this.watched = List.copyOf(watched);
        Properties props = ProducerProperties.idempotent(bootstrapServers, overrides);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.topic = events.name();
    }

    /**
     * Binds the producer's Kafka client metrics (Micrometer's {@link KafkaClientMetrics}, tag {@code client.id}) to
     * the registry, until the publisher is closed.
     */
    public synchronized EventPublisher bindMetrics(MeterRegistry registry) {
        if (metrics == null) {
            metrics = new KafkaClientMetrics(producer);
            metrics.bindTo(registry);
        }
        return this;
    }

    /**
     * Sends one event asynchronously, one record per watched dyad it concerns; the future completes when the
     * broker took all of them (with the last one's metadata) and fails if it refused any.
     */
    public Future<RecordMetadata> send(Event event) {
        return send(event, null);
    }

    /**
     * As {@link #send(Event)}, declaring the days the event's batch covers ({@link Coverage#HEADER}), or null for
     * none (the monitor then assumes the event's channel covered from the moment it first received from it).
     */
    public Future<RecordMetadata> send(Event event, Coverage coverage) {
        return send(event, coverage, Map.of());
    }

    /**
     * As {@link #send(Event, Coverage)}, with extra record headers (a revision's, for example).
     */
    public Future<RecordMetadata> send(Event event, Coverage coverage, Map<String, byte[]> headers) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(2);
        for (ProducerRecord<String, byte[]> record : records(topic, event, coverage, headers, watched)) {
            sent.add(producer.send(record));
        }
        return sent.size() == 1 ? sent.get(0) : new AllSent(sent);
    }

    /**
     * The records an event fans out to: one per watched dyad it concerns ({@link #keysOf}), each with the coverage
     * header when there is one and the extra headers. What every producer of events sends, transactional or not.
     */
    public static List<ProducerRecord<String, byte[]>> records(String topic, Event event, Coverage coverage,
            Map<String, byte[]> headers, List<Dyad> watched) {
        byte[] bytes = EventJson.toBytes(event);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(2);
        for (String key : keysOf(event, watched)) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, bytes);
            if (coverage != null) {
                record.headers().add(Coverage.HEADER, coverage.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            headers.forEach((name, value) -> record.headers().add(name, value));
            records.add(record);
        }
        return records;
    }

    /** The record keys an event is sent under: each watched dyad it concerns, else all its actors. */
    public static List<String> keysOf(Event event, List<Dyad> watched) {
        List<String> keys = new ArrayList<>(1);
        for (Dyad dyad : watched) {
            if (dyad.isContainedIn(event.actors())) {
                keys.add(dyad.key());
            }
        }
        return keys.isEmpty() ? List.of(event.dyad().key()) : keys;
    }

    /** Several sends as one future. */
    private record AllSent(List<Future<RecordMetadata>> sends) implements Future<RecordMetadata> {
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return sends.stream().allMatch(Future::isDone);
        }

        @Override
        public RecordMetadata get() throws InterruptedException, ExecutionException {
            RecordMetadata last = null;
            for (Future<RecordMetadata> f : sends) {
                last = f.get();
            }
            return last;
        }

        @Override
        public RecordMetadata get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException,
                TimeoutException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            RecordMetadata last = null;
            for (Future<RecordMetadata> f : sends) {
                last = f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            return last;
        }
    }

    /** Sends one event and waits for the broker's acknowledgement. */
    public RecordMetadata sendAndWait(Event event, Duration timeout) throws PublishException {
        return await(send(event), timeout);
    }

    /** Waits for a send's acknowledgement, turning failures into a readable {@link PublishException}. */
    public static RecordMetadata await(Future<RecordMetadata> pending, Duration timeout) throws PublishException {
        try {
            return pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new PublishException("the broker did not accept the event: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishException("no acknowledgement from the broker within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while waiting for the broker", e);
        }
    }

    /** Sends everything buffered. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
        synchronized (this) {
            if (metrics != null) {
                metrics.close();
            }
        }
    }
}
