package io.dyadwatch.alerts.sink;

import static io.dyadwatch.alerts.sink.RecordingTransport.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.model.alert.Alert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected bodies follow the Alertmanager API v2 spec (postableAlerts), written by hand. */
class AlertmanagerSinkTest {

    private static final Instant NOW = Instant.parse("2024-07-15T09:00:00Z");

    private final RecordingTransport transport = new RecordingTransport();
    private final AlertmanagerSink sink = new AlertmanagerSink(SinkEndpoint.parse("http://am.example:9093/prefix/"),
            new AlertPayloads("https://runbooks.example/rb#", ""), Duration.ofMinutes(1), transport,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldPostAFiringAlertWithIdentityLabelsAnnotationsAndEndsAtFourIntervalsAhead() throws Exception {
        sink.deliver(List.of(TestAlerts.firing("f1")));

        assertThat(transport.posts).hasSize(1);
        assertThat(transport.posts.get(0).endpoint().uri()).hasToString("http://am.example:9093/prefix/api/v2/alerts");
        assertThat(transport.posts.get(0).body()).isEqualTo(json("""
                [{"labels": {"alertname": "scenario-shift", "dyad": "CHN-RUS", "subject": "STRENGTHENING",
                             "scenario": "STRENGTHENING", "severity": "critical"},
                  "annotations": {"summary": "CHN-RUS moves toward strengthening",
                                  "description": "Combined patrols doubled.",
                                  "evidence": "2024-07-10 COMBINED_PATROL Bombers patrol near Alaska (NORAD, A1) https://example.org/e1\\n2024-07-01 JOINT_EXERCISE Exercise (Xinhua, B2)",
                                  "period": "2024-Q3", "assessment_revision": "17",
                                  "runbook_url": "https://runbooks.example/rb#scenario-shift"},
                  "startsAt": "2024-07-15T08:00:00Z",
                  "endsAt": "2024-07-15T09:04:00Z"}]
                """));
    }

    @Test
    void shouldSendTheResolutionOnceWithTheAlertsOwnEndsAtAndStopResendingIt() throws Exception {
        Instant resolvedAt = Instant.parse("2024-07-15T08:30:00Z");
        sink.deliver(List.of(TestAlerts.firing("f1")));
        sink.deliver(List.of(TestAlerts.firing("f1").resolved(resolvedAt, null)));
        sink.resendIfDue(NOW.plus(Duration.ofHours(1)));

        assertThat(transport.posts).hasSize(2);
        assertThat(transport.posts.get(1).body().get(0).get("endsAt").asText()).isEqualTo("2024-07-15T08:30:00Z");
        assertThat(transport.posts.get(1).body().get(0).get("labels"))
                .isEqualTo(transport.posts.get(0).body().get(0).get("labels"));
        assertThat(sink.firing()).isEmpty();
    }

    @Test
    void shouldResendFiringAlertsOnlyOncePerIntervalWithEndsAtMovedAhead() throws Exception {
        sink.restore(TestAlerts.firing("f1"));
        sink.restore(TestAlerts.firing("f2"));

        sink.resendIfDue(NOW);
        sink.resendIfDue(NOW.plusSeconds(59));
        sink.resendIfDue(NOW.plusSeconds(60));

        assertThat(transport.posts).hasSize(2);
        assertThat(transport.posts.get(0).body()).hasSize(2);
        assertThat(transport.posts.get(1).body().get(0).get("endsAt").asText()).isEqualTo("2024-07-15T09:05:00Z");
    }

    @Test
    void shouldSendOnlyTheLatestRecordOfAnAlertInOneBatch() throws Exception {
        sink.deliver(List.of(TestAlerts.firing("f1"), TestAlerts.firing("f1").resolved(NOW, "cleared")));

        assertThat(transport.posts.get(0).body()).hasSize(1);
        assertThat(transport.posts.get(0).body().get(0).get("endsAt").asText()).isEqualTo("2024-07-15T09:00:00Z");
    }

    @Test
    void shouldLeaveOutTheScenarioLabelAndSendGeneratorUrlWhenConfigured() throws Exception {
        AlertmanagerSink withGenerator = new AlertmanagerSink(SinkEndpoint.parse("http://am.example:9093"),
                new AlertPayloads("https://rb/#", "https://grafana.example/d/dyadwatch"), Duration.ofSeconds(30),
                transport, Clock.fixed(NOW, ZoneOffset.UTC));

        withGenerator.deliver(List.of(TestAlerts.withoutScenario("s1")));

        assertThat(transport.posts.get(0).body()).isEqualTo(json("""
                [{"labels": {"alertname": "activity-surge", "dyad": "PRK-RUS", "subject": "joint-exercise",
                             "severity": "info"},
                  "annotations": {"summary": "PRK-RUS: 3 events", "description": "", "evidence": "",
                                  "period": "2024-Q3", "assessment_revision": "3",
                                  "runbook_url": "https://rb/#activity-surge"},
                  "startsAt": "2024-07-15T08:00:00Z",
                  "endsAt": "2024-07-15T09:02:00Z",
                  "generatorURL": "https://grafana.example/d/dyadwatch"}]
                """));
    }

    @Test
    void shouldGiveTwoSignatureAlertsOfOneDyadDistinctLabelSets() throws Exception {
        sink.deliver(List.of(TestAlerts.signature("p1", "patrol-near-us"), TestAlerts.signature("l1", "lethal-aid")));

        var body = transport.posts.get(0).body();
        assertThat(body).hasSize(2);
        assertThat(body.get(0).get("labels")).isNotEqualTo(body.get(1).get("labels"));
        assertThat(body.get(0).get("labels").get("subject").asText()).isEqualTo("patrol-near-us");
        assertThat(body.get(1).get("labels").get("subject").asText()).isEqualTo("lethal-aid");
    }

    @Test
    void shouldTakeTheScenarioAsSubjectOfAnAlertWrittenBeforeAlertsCarriedOne() throws Exception {
        Alert old = io.dyadwatch.model.json.Json.MAPPER.readValue("""
                {"version":1,"fingerprint":"0123456789abcdef","status":"FIRING","rule":"scenario-shift",
                 "dyad":"CHN-RUS","scenario":"WEAKENING","severity":"WARNING","startsAt":"2024-07-15T08:00:00Z",
                 "summary":"s","evidence":[],"rationale":[]}""", Alert.class);

        assertThat(old.subject()).isNull();
        assertThat(old.period()).isNull();
        assertThat(new AlertPayloads("https://rb/#", "").labels(old))
                .containsEntry("subject", "WEAKENING").doesNotContainKey("period");
    }
}
