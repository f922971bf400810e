package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadwatch.alerts.sink.SinkRunner;
import io.dyadwatch.alerts.sink.SinkSettings;
import io.dyadwatch.model.alert.Alert;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The webhook sink reads the alerts topic and posts the Alertmanager webhook payload (version 4). */
class WebhookSinkIT {

    private final SinkFixtures kafka = new SinkFixtures("webhook");
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
    void shouldPostAVersion4PayloadForTheFiringAndTheResolvedAlert() throws Exception {
        receiver = new WebhookReceiver();
        runners = kafka.startRunners(Map.of(SinkSettings.WEBHOOK_URLS, receiver.url()), registry);
        Alert firing = SinkFixtures.firing("it-webhook");

        kafka.publish(firing);
        kafka.publish(SinkFixtures.resolved(firing));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.payloads().size() >= 2);
        JsonNode first = receiver.payloads().get(0);
        assertThat(first.get("version").asText()).isEqualTo("4");
        assertThat(first.get("status").asText()).isEqualTo("firing");
        assertThat(first.get("receiver").asText()).isEqualTo("dyadwatch");
        assertThat(first.get("groupKey").asText()).isNotBlank();
        assertThat(first.get("truncatedAlerts").asInt()).isZero();
        JsonNode alert = first.get("alerts").get(0);
        assertThat(alert.get("fingerprint").asText()).isEqualTo(firing.fingerprint());
        assertThat(alert.get("labels").get("alertname").asText()).isEqualTo("it-webhook");
        assertThat(alert.get("labels").get("dyad").asText()).isEqualTo("CHN-RUS");
        assertThat(alert.get("labels").get("scenario").asText()).isEqualTo("STRENGTHENING");
        assertThat(alert.get("labels").get("severity").asText()).isEqualTo("warning");
        assertThat(alert.get("annotations").get("summary").asText()).isEqualTo(firing.summary());
        assertThat(alert.get("annotations").get("evidence").asText()).contains("(NORAD, A1)");
        assertThat(alert.get("startsAt").asText()).isEqualTo(firing.startsAt().toString());
        assertThat(alert.get("endsAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
        JsonNode second = receiver.payloads().get(1);
        assertThat(second.get("status").asText()).isEqualTo("resolved");
        assertThat(second.get("alerts").get(0).get("endsAt").asText()).isNotEqualTo("0001-01-01T00:00:00Z");
        assertThat(registry.get("dyadwatch.sink.deliveries").tag("sink", runners.get(0).name()).counter().count())
                .isEqualTo(2.0);
        assertThat(registry.get("dyadwatch.sink.delivery.lag").timer().count()).isEqualTo(2);
    }
}
