package io.dyadwatch.app.wiring;

import io.dyadwatch.model.settings.CommonSettings;
import io.dyadwatch.model.topic.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Checks that Kafka can be reached, and creates DyadWatch's topics when missing. */
public final class TopicAdmin {

    private TopicAdmin() {
    }

    /**
     * Creates every missing topic.
     *
     * @throws KafkaUnreachableException when no broker answers within 15 s
     */
    public static List<String> ensureTopics(CommonSettings common, Map<String, Object> overrides) {
        Duration timeout = common.adminTimeout();
        try (Admin admin = Admin.create(adminProperties(common, overrides))) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topic<?, ?> topic : common.topics().all()) {
                if (!existing.contains(topic.name())) {
                    NewTopic newTopic = new NewTopic(topic.name(), common.partitions(), common.replicationFactor());
                    if (topic.compacted()) {
                        newTopic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                    }
                    missing.add(newTopic);
                }
            }
            List<String> created = new ArrayList<>();
            for (NewTopic topic : missing) {
                try {
                    admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    created.add(topic.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.name() + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            return created;
        } catch (TimeoutException e) {
            throw new KafkaUnreachableException(common.bootstrapServers(), timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw new KafkaUnreachableException(common.bootstrapServers(), timeout);
            }
            throw new KafkaUnreachableException(common.bootstrapServers(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /** Admin client properties for the settings. */
    public static Properties adminProperties(CommonSettings common, Map<String, Object> overrides) {
        Properties props = new Properties();
        props.putAll(overrides);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, common.bootstrapServers());
        int timeout = (int) common.adminTimeout().toMillis();
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        return props;
    }
}
