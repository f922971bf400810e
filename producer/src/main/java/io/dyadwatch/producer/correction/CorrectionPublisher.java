package io.dyadwatch.producer.correction;

import io.dyadwatch.model.correction.Correction;
import io.dyadwatch.model.topic.Topic;
import io.dyadwatch.producer.ProducerProperties;
import io.dyadwatch.producer.PublishException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes analysts' corrections to {@code dyadwatch.corrections}, keyed like the event they correct (its dyad), so
 * they land on the partition that holds the event: idempotent producer, acks=all, each send awaited. Thread-safe.
 */
public final class CorrectionPublisher implements AutoCloseable {

    private final KafkaProducer<String, Correction> producer;
    private final String topic;

    public CorrectionPublisher(String bootstrapServers, Topic<String, Correction> corrections,
            Map<String, Object> overrides) {
        this.producer = new KafkaProducer<>(ProducerProperties.idempotent(bootstrapServers, overrides),
                new StringSerializer(), corrections.valueSerde().serializer());
        this.topic = corrections.name();
    }

    /**
     * Publishes one correction and waits for the broker.
     *
     * @throws PublishException when the broker did not take it in time
     */
    public RecordMetadata publish(Correction correction, Duration timeout) throws PublishException {
        try {
            return producer.send(new ProducerRecord<>(topic, correction.dyad(), correction))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new PublishException("the broker did not accept the correction: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new PublishException("no acknowledgement from the broker within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while waiting for the broker", e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
