package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadwatch.alerts.sink.SinkRunner;
import io.dyadwatch.alerts.sink.SinkSettings;
import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.json.Json;
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
    private Path binary;
    private List<SinkRunner> runners = List.of();

    @BeforeEach
    void findBinary() {
        Optional<Path> found = AlertmanagerProcess.binary();
        Assumptions.assumeTrue(found.isPresent(), "Alertmanager binary not found (/usr/bin/prometheus-alertmanager): "
                + "install it with 'apt-get install -y prometheus-alertmanager' (.ci/run does)");
        binary = found.get();
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
        alertmanager = AlertmanagerProcess.start(binary, dir);
        SinkFixtures kafka = new SinkFixtures("alertmanager");
        runners = kafka.startRunners(Map.of(SinkSettings.ALERTMANAGER_URL, alertmanager.url(),
                SinkSettings.RESEND_INTERVAL_MS, "1000",
                SinkSettings.RUNBOOK_BASE_URL, "https://runbooks.example/dyadwatch#"), registry);
        Alert firing = SinkFixtures.firing("it-alertmanager");

        kafka.publish(firing);

        JsonNode received = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> find(firing.rule()), found -> found != null);
        assertThat(received.get("labels")).hasSize(5);
        assertThat(received.get("labels").get("subject").asText()).isEqualTo("STRENGTHENING");
        assertThat(received.get("labels").get("alertname").asText()).isEqualTo("it-alertmanager");
        assertThat(received.get("labels").get("dyad").asText()).isEqualTo("CHN-RUS");
        assertThat(received.get("labels").get("scenario").asText()).isEqualTo("STRENGTHENING");
        assertThat(received.get("labels").get("severity").asText()).isEqualTo("warning");
        assertThat(received.get("annotations").get("summary").asText()).isEqualTo(firing.summary());
        assertThat(received.get("annotations").get("description").asText()).isEqualTo(firing.description());
        assertThat(received.get("annotations").get("evidence").asText())
                .startsWith("2024-07-24 COMBINED_PATROL Combined bomber patrol off Alaska (NORAD, A1) https://example.org/norad")
                .contains("(Xinhua, B2)");
        assertThat(received.get("annotations").get("period").asText()).isEqualTo("2024-Q3");
        assertThat(received.get("annotations").get("assessment_revision").asText()).isEqualTo("17");
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

    @Test
    void shouldKeepTwoSignatureAlertsOfOneDyadApartAndResolveOnlyTheOneThatResolved() throws Exception {
        // the repository's own routing (deploy/alertmanager/alertmanager.yml), so its group_by is exercised too
        alertmanager = AlertmanagerProcess.start(binary, dir, ExternalTools.deploy("alertmanager/alertmanager.yml"));
        SinkFixtures kafka = new SinkFixtures("alertmanager-signatures");
        runners = kafka.startRunners(Map.of(SinkSettings.ALERTMANAGER_URL, alertmanager.url(),
                SinkSettings.RESEND_INTERVAL_MS, "1000"), registry);
        Alert patrol = SinkFixtures.signature("patrol-beyond-japan");
        Alert lethalAid = SinkFixtures.signature("lethal-aid");

        kafka.publish(patrol, lethalAid);

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> subjects("signature-event"), s -> s.size() == 2);
        assertThat(subjects("signature-event")).containsExactlyInAnyOrder("patrol-beyond-japan", "lethal-aid");
        JsonNode group = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> group("signature-event"), g -> g != null && g.get("alerts").size() == 2);
        assertThat(group.get("labels"))
                .as("grouped by the labels the route names, all of them sent")
                .isEqualTo(Json.MAPPER.valueToTree(Map.of("alertname", "signature-event", "dyad", "CHN-RUS")));

        kafka.publish(SinkFixtures.resolved(lethalAid));

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> subjects("signature-event"), s -> s.equals(List.of("patrol-beyond-japan")));
        // over several re-sends (one a second) the one still firing stays firing and the resolved one stays away
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                .until(() -> subjects("signature-event"), s -> s.equals(List.of("patrol-beyond-japan")));
        assertThat(registry.get("dyadwatch.sink.deliveries").tag("sink", "alertmanager").counter().count())
                .isEqualTo(3.0);
    }

    private List<String> subjects(String alertname) throws Exception {
        List<String> subjects = new java.util.ArrayList<>();
        for (JsonNode alert : alertmanager.alerts()) {
            if (alertname.equals(alert.get("labels").path("alertname").asText())
                    && "active".equals(alert.path("status").path("state").asText())) {
                subjects.add(alert.get("labels").path("subject").asText());
            }
        }
        return subjects;
    }

    private JsonNode group(String alertname) throws Exception {
        for (JsonNode group : alertmanager.groups()) {
            if (alertname.equals(group.path("labels").path("alertname").asText())) {
                return group;
            }
        }
        return null;
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
