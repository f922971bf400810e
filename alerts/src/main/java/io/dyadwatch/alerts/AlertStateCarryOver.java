package io.dyadwatch.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadwatch.model.assessment.Assessment;
import io.dyadwatch.model.json.Json;
import io.dyadwatch.model.json.JsonSerde;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * The upgrade from the separate alert-rules application: before the topology's first start, carries that
 * application's alert states (and each dyad's last assessed probabilities) into the changelogs of the stores the
 * rules now keep in the analyst's task, so that no alert that already fired is raised, or sent, again.
 *
 * <p>It runs only when the former application's alert-state changelog exists, the topology's does not yet, and the
 * topology resumes from committed offsets (its analyst state is kept: the same application id); it refuses when the
 * former application had not judged every published assessment (their steps would go unjudged).
 * Each state goes to the changelog partition of its dyad's task: the partition the default partitioner gives the
 * dyad key, as for the events our producers key by dyad.
 */
public final class AlertStateCarryOver {

    /** What was carried over (zero of each when nothing was to be done). */
    public record Outcome(String from, String to, int states, int firing, int dyads) {
    }

    private static final String FORMER_LAST_ASSESSMENT = "alert-last-assessment";

    private final Properties clientProperties;
    private final Duration timeout;

    /**
     * @param clientProperties bootstrap servers and security settings for an admin client, a consumer and a producer
     */
    public AlertStateCarryOver(Properties clientProperties, Duration timeout) {
        this.clientProperties = clientProperties;
        this.timeout = timeout;
    }

    static String changelog(String applicationId, String store) {
        return applicationId + "-" + store + "-changelog";
    }

    /**
     * Carries the states over when the former application left some and the topology has none yet.
     *
     * @param formerApplicationId the application id of the former alert rules ({@code alerts.application.id})
     * @param applicationId       the topology's application id
     * @param assessmentsTopic    the topic the former rules read
     * @return what was carried over, or null when there was nothing to do
     */
    public Outcome run(String formerApplicationId, String applicationId, String assessmentsTopic)
            throws InterruptedException {
        String fromStates = changelog(formerApplicationId, StepRules.STATES_STORE); // the same store name then
        String toStates = changelog(applicationId, StepRules.STATES_STORE);
        try (Admin admin = Admin.create(clientProperties)) {
            var existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!existing.contains(fromStates) || existing.contains(toStates)) {
                return null;
            }
            if (admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).isEmpty()) {
                // a new application id replays the events from the beginning: its rules judge the whole history
                // again from no alert at all, and states carried over would resolve and fire again on the way
                return null;
            }
            long unjudged = lag(admin, formerApplicationId, assessmentsTopic);
            if (unjudged > 0) {
                throw new IllegalStateException("the former alert rules (" + formerApplicationId + ") have not judged "
                        + unjudged + " published assessment(s) of " + assessmentsTopic + ": run the previous version's "
                        + "'alerts' until its lag is 0, then start this one (docs/operations.md, upgrading)");
            }
            int partitions = partitionsOf(admin, assessmentsTopic);
            Map<String, byte[]> states = readCompacted(fromStates);
            String fromLast = changelog(formerApplicationId, FORMER_LAST_ASSESSMENT);
            Map<String, byte[]> last = existing.contains(fromLast) ? readCompacted(fromLast) : Map.of();
            // the new changelogs replicated as the former one is
            short replication = (short) admin.describeTopics(List.of(fromStates)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(fromStates).partitions().get(0).replicas()
                    .size();
            String toPrevious = changelog(applicationId, StepRules.PREVIOUS_STEP_STORE);
            List<NewTopic> topics = new ArrayList<>();
            for (String name : List.of(toStates, toPrevious)) {
                if (!existing.contains(name)) {
                    topics.add(new NewTopic(name, partitions, replication).configs(
                            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
                }
            }
            try {
                admin.createTopics(topics).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException) {
                    return null; // another instance, starting at the same time, carries them over
                }
                throw e;
            }
            int firing = 0;
            try (KafkaProducer<byte[], byte[]> producer = producer()) {
                for (Map.Entry<String, byte[]> state : states.entrySet()) {
                    JsonNode json = Json.MAPPER.readTree(state.getValue());
                    String dyad = json.path("alert").path("dyad").asText(null);
                    if (dyad == null) {
                        throw new IllegalStateException("alert state " + state.getKey() + " in " + fromStates
                                + " names no dyad: " + new String(state.getValue(), StandardCharsets.UTF_8));
                    }
                    firing += json.path("firing").asBoolean() ? 1 : 0;
                    producer.send(new ProducerRecord<>(toStates, partitionOf(dyad, partitions),
                            state.getKey().getBytes(StandardCharsets.UTF_8), state.getValue()));
                }
                JsonSerde<Assessment> assessments = new JsonSerde<>(Assessment.class);
                ProbabilitiesSerde probabilities = new ProbabilitiesSerde();
                for (Map.Entry<String, byte[]> dyad : last.entrySet()) {
                    Assessment assessment = assessments.deserializer().deserialize(fromLast, dyad.getValue());
                    producer.send(new ProducerRecord<>(toPrevious, partitionOf(dyad.getKey(), partitions),
                            dyad.getKey().getBytes(StandardCharsets.UTF_8),
                            probabilities.serializer().serialize(toPrevious, assessment.probabilities())));
                }
                producer.flush();
            }
            return new Outcome(fromStates, toStates, states.size(), firing, last.size());
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot carry the alert states over: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot carry the alert states over: no answer within " + timeout, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a former alert state: " + e.getMessage(), e);
        }
    }

    /** The task partition of a dyad: the default partitioner's for its key. */
    static int partitionOf(String dyad, int partitions) {
        return Utils.toPositive(Utils.murmur2(dyad.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private int partitionsOf(Admin admin, String topic) throws ExecutionException, InterruptedException,
            TimeoutException {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
        return description.partitions().size();
    }

    private long lag(Admin admin, String group, String topic) throws ExecutionException, InterruptedException,
            TimeoutException {
        int partitions = partitionsOf(admin, topic);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        long lag = 0;
        for (TopicPartition tp : latest.keySet()) {
            OffsetAndMetadata done = committed.get(tp);
            lag += Math.max(0, ends.get(tp).offset() - (done == null ? 0 : done.offset()));
        }
        return lag;
    }

    /** The latest committed value of every key of a compacted topic (deleted keys left out). */
    private Map<String, byte[]> readCompacted(String topic) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, byte[]> latest = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos() * 4;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, timeout) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot read " + topic + " to its end within " + timeout.multipliedBy(4));
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String key = new String(record.key(), StandardCharsets.UTF_8);
                    if (record.value() == null) {
                        latest.remove(key);
                    } else {
                        latest.put(key, record.value());
                    }
                }
            }
        }
        return latest;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
