package io.dyadwatch.app.wiring;

import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.settings.CommonSettings;
import io.dyadwatch.model.topic.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The one reader of the alerts topic for people: the console of {@code run} and {@code demo}, the watch floor's
 * feed and {@code alerts tail}. Reads committed records only (the alert rules write transactionally), every
 * partition, without a consumer group (nothing is committed: each reader sees the whole topic or its new end).
 * Records are decoded with the topic's own serde; one that is not an alert is handed to
 * {@link Handler#notAnAlert} with its coordinates, never thrown at the reader's loop. Not thread-safe: one
 * thread polls it. (The sinks have consumers of their own: they commit after delivery.)
 */
public final class AlertReader implements AutoCloseable {

    /** Where reading starts. */
    public enum From {
        /** Every alert ever published. */
        BEGINNING,
        /** Alerts published from now on. */
        END
    }

    /** What a poll found. */
    public interface Handler {
        /** An alert, in topic order per partition. */
        void alert(Alert alert);

        /** A record that could not be read as an alert. */
        default void notAnAlert(String topic, int partition, long offset, RuntimeException reason) {
        }
    }

    private final Topic<String, Alert> topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final Map<TopicPartition, Long> endAtStart;

    /**
     * Joins every partition of the alerts topic at {@code from}; returns once positioned, so no alert published
     * after it returns is missed.
     *
     * @throws KafkaUnreachableException when the brokers do not answer within the admin timeout
     * @throws IllegalStateException     when the alerts topic does not exist
     */
    public AlertReader(CommonSettings common, Map<String, Object> overrides, From from) {
        this.topic = common.topics().alerts();
        Properties props = new Properties();
        props.putAll(overrides);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, common.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) common.adminTimeout().toMillis());
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        try {
            // a topic created a moment ago may not be in this client's metadata yet: ask again until the timeout
            long deadline = System.nanoTime() + common.adminTimeout().toNanos();
            var infos = consumer.partitionsFor(topic.name());
            while ((infos == null || infos.isEmpty()) && System.nanoTime() < deadline) {
                pause(Duration.ofMillis(100)); // a retry's backoff, not a synchronisation
                infos = consumer.partitionsFor(topic.name());
            }
            if (infos == null || infos.isEmpty()) {
                consumer.close(CloseOptions.timeout(Duration.ZERO));
                throw new IllegalStateException("no topic " + topic.name() + " on " + common.bootstrapServers()
                        + ": has DyadWatch run against this broker (or is --set topic.prefix different)?");
            }
            this.partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            if (from == From.BEGINNING) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            partitions.forEach(consumer::position); // resolve the positions now, not at the first poll
            this.endAtStart = consumer.endOffsets(partitions);
        } catch (TimeoutException e) {
            consumer.close(CloseOptions.timeout(Duration.ZERO));
            throw new KafkaUnreachableException(common.bootstrapServers(), common.adminTimeout());
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Polls once, for at most {@code timeout}, handing every record to the handler. */
    public void poll(Duration timeout, Handler handler) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            if (record.value() == null) {
                continue;
            }
            Alert alert;
            try {
                alert = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
            } catch (RuntimeException e) {
                handler.notAnAlert(record.topic(), record.partition(), record.offset(), e);
                continue;
            }
            handler.alert(alert);
        }
    }

    /** True once everything published before this reader started has been read. */
    public boolean caughtUp() {
        return partitions.stream().allMatch(p -> consumer.position(p) >= endAtStart.get(p));
    }

    /** Interrupts a poll in progress from another thread (the poll then throws {@code WakeupException}). */
    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
}
