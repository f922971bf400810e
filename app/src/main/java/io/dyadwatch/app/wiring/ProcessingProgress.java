package io.dyadwatch.app.wiring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far a consumer group (a Kafka Streams application) has come through its input topics. */
public final class ProcessingProgress implements AutoCloseable {

    private final Admin admin;

    public ProcessingProgress(Properties adminProperties) {
        this.admin = Admin.create(adminProperties);
    }

    /**
     * Records not yet committed by the group on the given topics (every partition, including ones the group
     * has not committed yet).
     */
    public long lag(String groupId, List<String> topics) throws ExecutionException, InterruptedException, TimeoutException {
        Set<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames().get(15, TimeUnit.SECONDS)
                .values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toSet());
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
        long lag = 0;
        for (TopicPartition tp : partitions) {
            long end = ends.get(tp).offset();
            OffsetAndMetadata done = committed.get(tp);
            long position = done == null ? 0 : done.offset();
            lag += Math.max(0, end - position);
        }
        return lag;
    }

    @Override
    public void close() {
        admin.close();
    }
}
