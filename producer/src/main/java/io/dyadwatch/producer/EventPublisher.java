package io.dyadwatch.producer;

import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventJson;
import io.dyadwatch.model.topic.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
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
 * Publishes validated events to the events topic: idempotent producer, acks=all, keyed by the dyad of all
 * the event's actors (so the topology needs no repartition for them). Thread-safe.
 */
public final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private KafkaClientMetrics metrics;

    /**
     * @param bootstrapServers the brokers
     * @param events           the events topic
     * @param overrides        extra client properties (security, for example)
     */
    public EventPublisher(String bootstrapServers, Topic<String, byte[]> events, Map<String, Object> overrides) {
        Properties props = new Properties();
        props.putAll(overrides);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
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

    /** Sends one event asynchronously; the future fails if the broker does not take it. */
    public Future<RecordMetadata> send(Event event) {
        return producer.send(new ProducerRecord<>(topic, event.dyad().key(), EventJson.toBytes(event)));
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
