package io.dyadwatch.producer.importing;

import io.dyadwatch.model.topic.Topic;
import io.dyadwatch.producer.CompactedTopicReader;
import io.dyadwatch.producer.ProducerProperties;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The content hashes of published events on the compacted {@code dyadwatch.events.hashes} topic (key = event id):
 * read whole when an import starts, one record written per event it publishes. Chosen over re-reading the events
 * topic because that topic is neither compacted nor kept forever (a hash must outlive the event record's retention,
 * or next year's SIPRI import would read every row as new), its records are fanned out per dyad, and the hashes
 * topic holds one short record per id.
 */
public final class PublishedHashes implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;

    private PublishedHashes(KafkaProducer<String, String> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /** Reads every hash published so far. */
    public static Map<String, String> read(String bootstrapServers, Map<String, Object> overrides,
            Topic<String, String> hashes) {
        return CompactedTopicReader.latest(bootstrapServers, overrides, hashes);
    }

    /** A writer of hashes (idempotent producer, acks=all). */
    public static PublishedHashes writer(String bootstrapServers, Map<String, Object> overrides,
            Topic<String, String> hashes) {
        return new PublishedHashes(new KafkaProducer<>(ProducerProperties.idempotent(bootstrapServers, overrides),
                new StringSerializer(), new StringSerializer()), hashes.name());
    }

    /** Records that the event with this id was published with this content hash. */
    public void record(String id, String hash) {
        producer.send(new ProducerRecord<>(topic, id, hash));
    }

    /** Waits until every hash recorded is on the broker. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
