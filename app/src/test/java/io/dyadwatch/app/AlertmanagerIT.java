package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadwatch.alerts.sink.SinkRunner;
import io.dyadwatch.alerts.sink.SinkSettings;
import io.dyadwatch.model.alert.Alert;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts on the topic reach a real Alertmanager with their labels and annotations, and are later resolved there. */
class AlertmanagerIT {

    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private AlertmanagerProcess alertmanager;
    private List<SinkRunner> runners = List.of();

    @BeforeEach
    void start() throws Exception {
        Optional<Path> binary = AlertmanagerProcess.binary();
        Assumptions.assumeTrue(binary.isPresent(), "Alertmanager binary not found (/usr/bin/prometheus-alertmanager): "
                + "install it with 'apt-get install -y prometheus-alertmanager' (.ci/run does)");
        alertmanager = AlertmanagerProcess.start(binary.get(), dir);
    }

    @AfterEach
    void stop() {
        runners.forEach(SinkRunner::close);
        if (alertmanager != null) {
            alertmanager.close();
        }
    }

    @Test
    void shouldDeliverAFiringAlertWithLabelsAndAnnotationsAndThenResolveIt() throws Exception {
        SinkFixtures kafka = new SinkFixtures("alertmanager");
        runners = kafka.startRunners(Map.of(SinkSettings.ALERTMANAGER_URL, alertmanager.url(),
                SinkSettings.RESEND_INTERVAL_MS, "1000",
                SinkSettings.RUNBOOK_BASE_URL, "https://runbooks.example/dyadwatch#"), registry);
        Alert firing = SinkFixtures.firing("it-alertmanager");

        kafka.publish(firing);

        JsonNode received = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> find(firing.rule()), found -> found != null);
        assertThat(received.get("labels")).hasSize(4);
        assertThat(received.get("labels").get("alertname").asText()).isEqualTo("it-alertmanager");
        assertThat(received.get("labels").get("dyad").asText()).isEqualTo("CHN-RUS");
        assertThat(received.get("labels").get("scenario").asText()).isEqualTo("STRENGTHENING");
        assertThat(received.get("labels").get("severity").asText()).isEqualTo("warning");
        assertThat(received.get("annotations").get("summary").asText()).isEqualTo(firing.summary());
        assertThat(received.get("annotations").get("description").asText()).isEqualTo(firing.description());
        assertThat(received.get("annotations").get("evidence").asText())
                .startsWith("2024-07-24 COMBINED_PATROL Combined bomber patrol off Alaska (NORAD, A1) https://example.org/norad")
                .contains("(Xinhua, B2)");
        assertThat(received.get("annotations").get("runbook_url").asText())
                .isEqualTo("https://runbooks.example/dyadwatch#it-alertmanager");
        assertThat(received.get("status").get("state").asText()).isEqualTo("active");
        assertThat(Instant.parse(received.get("startsAt").asText())).isEqualTo(firing.startsAt());
        assertThat(Instant.parse(received.get("endsAt").asText())).isAfter(Instant.now());

        kafka.publish(SinkFixtures.resolved(firing));

        // Alertmanager lists only alerts that have not ended: a resolved alert drops out of /api/v2/alerts.
        await().atMost(Duration.ofSeconds(30)).until(() -> find(firing.rule()) == null);
        assertThat(registry.get("dyadwatch.sink.deliveries").tag("sink", "alertmanager").counter().count())
                .isEqualTo(2.0);
    }

    private JsonNode find(String alertname) throws Exception {
        for (JsonNode alert : alertmanager.alerts()) {
            if (alertname.equals(alert.get("labels").path("alertname").asText())) {
                return alert;
            }
        }
        return null;
    }
}
