package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dyadwatch.alerts.sink.SinkRunner;
import io.dyadwatch.alerts.sink.SinkSettings;
import io.dyadwatch.model.alert.Alert;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A receiver that is down while an alert fires gets it once it is back, exactly once, and nothing is lost. */
class SinkOutageIT {

    private final SinkFixtures kafka = new SinkFixtures("outage");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private WebhookReceiver receiver;
    private List<SinkRunner> runners = List.of();

    @AfterEach
    void stop() {
        runners.forEach(SinkRunner::close);
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void shouldDeliverAnAlertFiredDuringAnOutageExactlyOnceWhenTheReceiverComesBack() throws Exception {
        receiver = new WebhookReceiver();
        receiver.down(true);
        runners = kafka.startRunners(Map.of(SinkSettings.WEBHOOK_URLS, receiver.url()), registry);
        String sink = runners.get(0).name();
        Alert firing = SinkFixtures.firing("it-outage");

        kafka.publish(firing);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.refused() >= 3);
        assertThat(registry.get("dyadwatch.sink.pending.alerts").tag("sink", sink).gauge().value())
                .as("the alert waits for the sink").isGreaterThanOrEqualTo(1.0);
        receiver.down(false);

        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.payloads().isEmpty());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> receiver.payloads().size() == 1);
        assertThat(receiver.payloads().get(0).get("alerts").get(0).get("fingerprint").asText())
                .isEqualTo(firing.fingerprint());
        assertThat(receiver.payloads().get(0).get("status").asText()).isEqualTo("firing");
        assertThat(registry.get("dyadwatch.sink.failures").tag("sink", sink).counter().count()).isGreaterThan(0);
        assertThat(registry.get("dyadwatch.sink.deliveries").tag("sink", sink).counter().count()).isEqualTo(1.0);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> registry.get("dyadwatch.sink.pending.alerts").tag("sink", sink).gauge().value() == 0.0);
        assertThat(registry.find("kafka.consumer.fetch.manager.records.consumed.total").tag("client.id",
                runners.get(0).clientId()).meters()).as("the sink consumer's client metrics").isNotEmpty();
    }

    @Test
    void shouldNotDeliverAgainAfterARestartOnceTheOffsetIsCommitted() throws Exception {
        receiver = new WebhookReceiver();
        runners = kafka.startRunners(Map.of(SinkSettings.WEBHOOK_URLS, receiver.url()), registry);
        Alert firing = SinkFixtures.firing("it-restart");
        kafka.publish(firing);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.payloads().size() == 1);

        runners.forEach(SinkRunner::close);
        SimpleMeterRegistry afterRestart = new SimpleMeterRegistry();
        runners = kafka.startRunners(Map.of(SinkSettings.WEBHOOK_URLS, receiver.url()), afterRestart);
        Alert resolved = SinkFixtures.resolved(firing);
        kafka.publish(resolved);

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.payloads().size() >= 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> receiver.payloads().size() == 2);
        assertThat(receiver.payloads().get(1).get("status").asText()).isEqualTo("resolved");
    }
}
