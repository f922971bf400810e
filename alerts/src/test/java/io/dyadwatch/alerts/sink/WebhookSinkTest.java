package io.dyadwatch.alerts.sink;

import static io.dyadwatch.alerts.sink.RecordingTransport.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected payloads follow the Alertmanager webhook convention (version 4), written by hand. */
class WebhookSinkTest {

    private final RecordingTransport transport = new RecordingTransport();
    private final WebhookSink sink = new WebhookSink(SinkEndpoint.parse("https://hooks.example/T0/secret-token"),
            new AlertPayloads("https://rb/#", ""), transport);

    @Test
    void shouldPostOneVersion4PayloadPerAlertWithZeroEndsAtWhileFiring() throws Exception {
        sink.deliver(List.of(TestAlerts.withoutScenario("s1")));

        assertThat(transport.posts).hasSize(1);
        assertThat(transport.posts.get(0).body()).isEqualTo(json("""
                {"version": "4",
                 "groupKey": "{}:{alertname=\\"activity-surge\\", dyad=\\"PRK-RUS\\", subject=\\"joint-exercise\\"}",
                 "truncatedAlerts": 0,
                 "status": "firing",
                 "receiver": "dyadwatch",
                 "groupLabels": {"alertname": "activity-surge", "dyad": "PRK-RUS", "subject": "joint-exercise"},
                 "commonLabels": {"alertname": "activity-surge", "dyad": "PRK-RUS", "subject": "joint-exercise",
                                  "severity": "info"},
                 "commonAnnotations": {"summary": "PRK-RUS: 3 events", "description": "", "evidence": "",
                                  "period": "2024-Q3", "assessment_revision": "3",
                                       "runbook_url": "https://rb/#activity-surge"},
                 "externalURL": "",
                 "alerts": [{"status": "firing",
                             "labels": {"alertname": "activity-surge", "dyad": "PRK-RUS", "subject": "joint-exercise",
                                  "severity": "info"},
                             "annotations": {"summary": "PRK-RUS: 3 events", "description": "", "evidence": "",
                                  "period": "2024-Q3", "assessment_revision": "3",
                                             "runbook_url": "https://rb/#activity-surge"},
                             "startsAt": "2024-07-15T08:00:00Z",
                             "endsAt": "0001-01-01T00:00:00Z",
                             "generatorURL": "",
                             "fingerprint": "s1"}]}
                """));
    }

    @Test
    void shouldSendAResolvedPayloadWithTheAlertsEndsAt() throws Exception {
        sink.deliver(List.of(TestAlerts.firing("f1"), TestAlerts.firing("f1")
                .resolved(Instant.parse("2024-07-16T00:00:00Z"), null)));

        assertThat(transport.posts).hasSize(2);
        var resolved = transport.posts.get(1).body();
        assertThat(resolved.get("status").asText()).isEqualTo("resolved");
        assertThat(resolved.get("alerts").get(0).get("status").asText()).isEqualTo("resolved");
        assertThat(resolved.get("alerts").get(0).get("endsAt").asText()).isEqualTo("2024-07-16T00:00:00Z");
        assertThat(resolved.get("groupLabels")).isEqualTo(json(
                "{\"alertname\":\"scenario-shift\",\"dyad\":\"CHN-RUS\",\"subject\":\"STRENGTHENING\",\"scenario\":\"STRENGTHENING\"}"));
    }

    @Test
    void shouldNameTheSinkWithoutRevealingTheUrl() {
        assertThat(sink.name()).matches("webhook-[0-9a-f]{8}").doesNotContain("secret");
        assertThat(new WebhookSink(SinkEndpoint.parse("https://hooks.example/T0/secret-token"),
                new AlertPayloads("", ""), transport).name()).isEqualTo(sink.name());
    }
}
