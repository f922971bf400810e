package io.dyadwatch.producer.feed;

import io.dyadwatch.model.channel.CoverageGap;
import io.dyadwatch.model.channel.FeedCheckpoint;
import io.dyadwatch.model.event.Channels;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.topic.Topic;
import io.dyadwatch.model.topic.Topics;
import io.dyadwatch.producer.CompactedTopicReader;
import io.dyadwatch.producer.EventPublisher;
import io.dyadwatch.producer.ProducerProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A feed's Kafka output: each slot in one transaction holding its events (fanned out per watched dyad by
 * {@link EventPublisher#records}), its volume per watched dyad, its gap record and the feed's checkpoint. A reader
 * with {@code isolation.level=read_committed} (the topology) sees a slot whole or not at all; a feed that dies
 * mid-slot leaves an open transaction that the next instance, with the same {@code transactional.id}, aborts when it
 * starts ({@link KafkaProducer#initTransactions()}), then resumes after the committed checkpoint.
 */
public final class TransactionalSlotOutput implements SlotOutput, AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String bootstrapServers;
    private final Map<String, Object> overrides;
    private final Topics topics;
    private final List<Dyad> watched;
    private final String channel;
    private final Consumer<Slot> beforeCommit;

    /**
     * Connects and fences any earlier instance with the same transactional id (aborting its open transaction).
     *
     * @param transactionalId one per feed: two feeds with the same id fence each other
     * @param beforeCommit    runs after a slot's records are sent and before they are committed (a test's crash)
     */
    public TransactionalSlotOutput(String bootstrapServers, Map<String, Object> overrides, Topics topics,
            List<Dyad> watched, String channel, String transactionalId, Consumer<Slot> beforeCommit) {
        this.bootstrapServers = bootstrapServers;
        this.overrides = Map.copyOf(overrides);
        this.topics = topics;
        this.watched = List.copyOf(watched);
        this.channel = Channels.require(channel);
        this.beforeCommit = beforeCommit;
        Properties props = ProducerProperties.idempotent(bootstrapServers, overrides);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 120_000);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
    }

    /** The feed's committed checkpoint, if it has one. */
    public Optional<FeedCheckpoint> checkpoint(String feed) {
        return Optional.ofNullable(CompactedTopicReader.latest(bootstrapServers, overrides, topics.feedCheckpoints())
                .get(feed));
    }

    @Override
    public void slotRead(SlotContents slot, CoverageGap closedGap, FeedCheckpoint checkpoint) {
        inTransaction(slot.slot(), () -> {
            for (Event event : slot.events()) {
                EventPublisher.records(topics.events().name(), event, null, Map.of(), watched).forEach(producer::send);
            }
            slot.volumes(channel).forEach(volume -> send(topics.coverage(), volume.dyad(), volume));
            if (closedGap != null) {
                send(topics.coverageGaps(), closedGap.key(), closedGap);
            }
            if (checkpoint != null) {
                send(topics.feedCheckpoints(), checkpoint.feed(), checkpoint);
            }
        });
    }

    @Override
    public void slotMissed(CoverageGap gap, FeedCheckpoint checkpoint) {
        inTransaction(Slot.containing(gap.slotStart()), () -> {
            send(topics.coverageGaps(), gap.key(), gap);
            if (checkpoint != null) {
                send(topics.feedCheckpoints(), checkpoint.feed(), checkpoint);
            }
        });
    }

    private <V> void send(Topic<String, V> topic, String key, V value) {
        producer.send(new ProducerRecord<>(topic.name(), key,
                topic.valueSerde().serializer().serialize(topic.name(), value)));
    }

    private void inTransaction(Slot slot, Runnable sends) {
        producer.beginTransaction();
        try {
            sends.run();
            beforeCommit.accept(slot);
            producer.commitTransaction();
        } catch (ProducerFencedException e) {
            throw e; // another instance took over: nothing to abort
        } catch (RuntimeException e) {
            producer.abortTransaction();
            throw e;
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
