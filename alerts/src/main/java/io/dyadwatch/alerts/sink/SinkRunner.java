package io.dyadwatch.alerts.sink;

import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.topic.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds one {@link AlertSink} from the alerts topic on a thread of its own, so a slow or failing sink never
 * blocks the topology or another sink.
 *
 * <ul>
 *   <li>Its own consumer group ({@link SinkSettings#groupId}), read_committed (only alerts the rules committed),
 *       no auto-commit: offsets are committed only after the sink delivered, so an outage delays alerts and
 *       never loses one. A new group starts at the beginning of the topic.</li>
 *   <li>While delivery fails, the batch is retried with exponential backoff and jitter ({@link Backoff}), or after
 *       the receiver's {@code Retry-After} on 429 and 503 when that is longer; meanwhile the
 *       partitions are paused and the consumer keeps polling, so it stays in its group however long the outage.</li>
 *   <li>A record that cannot be read as an alert, or an alert the receiver refuses (HTTP 400), is logged with
 *       topic, partition and offset, counted as undeliverable, and skipped: it would never succeed and must
 *       not hold back the alerts behind it.</li>
 *   <li>A {@link ResendingSink} first replays the topic from the beginning to rebuild its firing alerts, then
 *       gets regular {@link ResendingSink#resendIfDue} calls.</li>
 * </ul>
 * Delivery is at least once: after a failure, restart or rebalance an alert may be delivered again. The consumer's
 * Kafka client metrics are bound to the registry (Micrometer's {@link KafkaClientMetrics}).
 */
public final class SinkRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SinkRunner.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final AlertSink sink;
    private final String topic;
    /** Reads an alert as the topic's descriptor declares it. */
    private final org.apache.kafka.common.serialization.Deserializer<Alert> alerts;
    private final Properties consumerProperties;
    private final Backoff backoff;
    private final SinkMeters meters;
    private final Clock clock;
    private final Thread thread;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaClientMetrics consumerMetrics;
    private final String clientId;

    private Batch pending;
    private int failures;
    private Instant nextAttempt = Instant.MIN;
    private int resendFailures;
    private Instant nextResend = Instant.MIN;
    private boolean rewindOnAssign;

    /**
     * @param sink             where to deliver; closed with the runner
     * @param bootstrapServers Kafka
     * @param topic            the alerts topic
     * @param groupId          the sink's own consumer group
     * @param kafkaOverrides   extra consumer properties (security settings)
     * @param backoff          waits between retries
     * @param registry         where the sink's meters go
     * @param clock            for lag, backoff and re-sends
     */
    public SinkRunner(AlertSink sink, String bootstrapServers, Topic<String, Alert> topic, String groupId,
            Map<String, Object> kafkaOverrides, Backoff backoff, MeterRegistry registry, Clock clock) {
        this.sink = sink;
        this.topic = topic.name();
        this.alerts = topic.valueSerde().deserializer();
        this.backoff = backoff;
        this.meters = new SinkMeters(registry, sink.name());
        this.clock = clock;
        this.consumerProperties = new Properties();
        consumerProperties.putAll(kafkaOverrides);
        consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerProperties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProperties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        Properties grouped = new Properties();
        grouped.putAll(consumerProperties);
        grouped.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        grouped.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
        this.clientId = groupId;
        this.consumer = new KafkaConsumer<>(grouped, new StringDeserializer(), new ByteArrayDeserializer());
        this.consumerMetrics = new KafkaClientMetrics(consumer);
        consumerMetrics.bindTo(registry);
        this.thread = new Thread(this::run, "dyadwatch-sink-" + sink.name());
        this.thread.setDaemon(true);
    }

    /** The sink's name. */
    public String name() {
        return sink.name();
    }

    /** The client id of its consumer (tag {@code client.id} of its Kafka client metrics): its group id. */
    public String clientId() {
        return clientId;
    }

    /** Starts delivering on the runner's own thread; returns at once. */
    public SinkRunner start() {
        thread.start();
        return this;
    }

    /** Stops delivering (an undelivered batch stays uncommitted, for the next start) and closes the sink. */
    @Override
    public void close() {
        stopping.countDown();
        consumer.wakeup();
        try {
            thread.join(CLOSE_TIMEOUT.toMillis());
            if (thread.isAlive()) {
                thread.interrupt(); // a sink stuck in an HTTP call
                thread.join(CLOSE_TIMEOUT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean running() {
        return stopping.getCount() > 0;
    }

    private void run() {
        try {
            if (sink instanceof ResendingSink resending) {
                restore(resending);
            }
            consumer.subscribe(List.of(topic), new Rebalance());
            while (running()) {
                try {
                    step();
                } catch (WakeupException | InterruptException | InterruptedException e) {
                    break;
                } catch (IOException | RuntimeException e) {
                    // Never let the runner die: log, count, wait, carry on from the committed offsets.
                    LOG.error("sink {}: unexpected failure, retrying: {}", sink.name(), e.toString());
                    meters.failed();
                    failures++;
                    dropPending(consumer.assignment());
                    stopping.await(backoff.afterFailure(failures, e, ThreadLocalRandom.current().nextDouble()).toMillis(),
                            TimeUnit.MILLISECONDS);
                }
            }
        } catch (WakeupException | InterruptException | InterruptedException e) {
            // stopping
        } catch (RuntimeException e) {
            LOG.error("sink {}: stopped: {}", sink.name(), e.toString());
        } finally {
            Thread.interrupted();
            try {
                consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            } catch (RuntimeException e) {
                LOG.warn("sink {}: closing its consumer: {}", sink.name(), e.toString());
            }
            consumerMetrics.close();
            meters.pending(0);
            sink.close();
        }
    }

    private void step() throws IOException, InterruptedException {
        Instant now = clock.instant();
        Duration wait = pending == null ? POLL : min(POLL, Duration.between(now, nextAttempt));
        ConsumerRecords<String, byte[]> records = consumer.poll(wait);
        if (!records.isEmpty()) {
            if (pending == null) {
                pending = Batch.of(records, this::read);
            } else {
                rewind(records.partitions()); // only after a rebalance: fetch them again later
            }
        }
        now = clock.instant();
        if (pending != null && !now.isBefore(nextAttempt)) {
            attempt(now);
        }
        if (sink instanceof ResendingSink resending && (pending == null || failures == 0)
                && !now.isBefore(nextResend)) {
            resend(resending, now);
        }
        meters.pending(waiting());
    }

    /**
     * Records on the partitions held here not yet delivered: the consumer's lag behind the end of each (from its
     * last fetch, no request) plus the fetched batch still undelivered. Transaction markers count as records, so it
     * may say a few more than there are alerts; it is 0 only when everything was delivered.
     */
    private long waiting() {
        long lag = 0;
        for (TopicPartition partition : consumer.assignment()) {
            lag += consumer.currentLag(partition).orElse(0);
        }
        return lag + (pending == null ? 0 : pending.alerts().size());
    }

    private void attempt(Instant now) throws InterruptedException {
        try {
            List<Entry> delivered = deliver(pending.alerts());
            now = clock.instant();
            for (Entry entry : delivered) {
                meters.delivered(Duration.between(Instant.ofEpochMilli(entry.record().timestamp()), now));
            }
            commit(pending.offsets());
            pending = null;
            if (failures > 0) {
                LOG.info("sink {}: delivering again after {} failed attempts", sink.name(), failures);
            }
            failures = 0;
            consumer.resume(consumer.paused());
        } catch (IOException e) {
            failures++;
            meters.failed();
            Duration wait = backoff.afterFailure(failures, e, ThreadLocalRandom.current().nextDouble());
            nextAttempt = now.plus(wait);
            consumer.pause(consumer.assignment());
            LOG.warn("sink {}: cannot deliver {} alert(s), attempt {}, retrying in {} ms: {}", sink.name(),
                    pending.alerts().size(), failures, wait.toMillis(), e.getMessage());
        }
    }

    /** Delivers the batch; falls back to one alert at a time when the receiver refuses it, to skip only the bad ones. */
    private List<Entry> deliver(List<Entry> entries) throws IOException, InterruptedException {
        if (entries.isEmpty()) {
            return entries;
        }
        try {
            sink.deliver(entries.stream().map(Entry::alert).toList());
            return entries;
        } catch (RejectedException batchRejected) {
            List<Entry> delivered = new ArrayList<>();
            for (Entry entry : entries) {
                try {
                    sink.deliver(List.of(entry.alert()));
                    delivered.add(entry);
                } catch (RejectedException e) {
                    meters.rejected();
                    LOG.error("sink {}: receiver refused alert {} ({} {}) from {}-{}@{}, skipped: {}", sink.name(),
                            entry.alert().fingerprint(), entry.alert().rule(), entry.alert().status(),
                            entry.record().topic(), entry.record().partition(), entry.record().offset(), e.getMessage());
                }
            }
            return delivered;
        }
    }

    private void resend(ResendingSink resending, Instant now) throws InterruptedException {
        try {
            resending.resendIfDue(now);
            resendFailures = 0;
        } catch (IOException e) {
            resendFailures++;
            meters.failed();
            Duration wait = backoff.afterFailure(resendFailures, e, ThreadLocalRandom.current().nextDouble());
            nextResend = now.plus(wait);
            LOG.warn("sink {}: cannot re-send firing alerts, attempt {}, retrying in {} ms: {}", sink.name(),
                    resendFailures, wait.toMillis(), e.getMessage());
        }
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            consumer.commitSync(offsets);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // Partitions moved: their new owner starts from the last commit and delivers again (at least once).
            LOG.info("sink {}: offsets not committed after a rebalance; some alerts may be delivered again", sink.name());
        }
    }

    private Entry read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            return new Entry(record, alerts.deserialize(record.topic(), record.value()));
        } catch (RuntimeException e) {
            meters.unreadable();
            LOG.error("sink {}: record {}-{}@{} is not an alert, skipped: {}", sink.name(), record.topic(),
                    record.partition(), record.offset(), e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
    }

    /** Replays the topic from the beginning to its current end into the sink's state, without delivering. */
    private void restore(ResendingSink resending) {
        Properties props = new Properties();
        props.putAll(consumerProperties);
        int restored = 0;
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions);
            while (running() && partitions.stream().anyMatch(p -> reader.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
                    Entry entry = read(record);
                    if (entry != null) {
                        resending.restore(entry.alert());
                        restored++;
                    }
                }
            }
        }
        LOG.info("sink {}: rebuilt its state from {} alert record(s)", sink.name(), restored);
    }

    private void dropPending(Collection<TopicPartition> partitionsToRewind) {
        if (pending != null) {
            pending = null;
            rewind(partitionsToRewind);
            consumer.resume(consumer.paused());
        }
    }

    /** Positions the partitions at their last committed offset (or the beginning), to fetch them again. */
    private void rewind(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        Duration atLeastZero = b.isNegative() ? Duration.ZERO : b;
        return a.compareTo(atLeastZero) <= 0 ? a : atLeastZero;
    }

    /** An alert and the record it came from. */
    private record Entry(ConsumerRecord<String, byte[]> record, Alert alert) {
    }

    /** Polled records: the alerts to deliver and the offsets to commit once they are. */
    private record Batch(List<Entry> alerts, Map<TopicPartition, OffsetAndMetadata> offsets) {

        static Batch of(ConsumerRecords<String, byte[]> records,
                java.util.function.Function<ConsumerRecord<String, byte[]>, Entry> read) {
            List<Entry> alerts = new ArrayList<>();
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                Entry entry = read.apply(record);
                if (entry != null) {
                    alerts.add(entry);
                }
                offsets.put(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1));
            }
            return new Batch(List.copyOf(alerts), Map.copyOf(offsets));
        }
    }

    /** Keeps a held batch consistent with partition moves; runs on the runner's thread, inside poll. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            if (pending != null && !revoked.isEmpty()) {
                Set<TopicPartition> kept = new HashSet<>(consumer.assignment());
                kept.removeAll(revoked);
                dropPending(kept);
                rewindOnAssign = true;
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            onPartitionsRevoked(lost);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            if (rewindOnAssign) {
                rewind(assigned);
                rewindOnAssign = false;
            }
            if (pending != null) {
                consumer.pause(assigned);
            }
        }
    }
}
