package io.dyadwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.alerts.rules.RuleBook;
import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.alert.AlertStatus;
import io.dyadwatch.model.alert.Severity;
import io.dyadwatch.model.assessment.Assessment;
import io.dyadwatch.model.assessment.AssessmentStep;
import io.dyadwatch.model.assessment.EvidenceItem;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.json.JsonSerde;
import io.dyadwatch.model.settings.CommonSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertLifecycleTest {

    private static final Catalog CATALOG = Catalog.loadDefault();

    @TempDir
    Path state;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, Assessment> in;
    private TestOutputTopic<String, Alert> out;

    @BeforeEach
    void start() {
        CommonSettings common = new CommonSettings(Map.of());
        AlertsSettings settings = new AlertsSettings(Map.of(AlertsSettings.STATE_DIR, state.toString()));
        driver = new TopologyTestDriver(AssessmentReplayTopology.build(common, RuleBook.loadDefault(CATALOG), CATALOG, registry),
                AssessmentReplayTopology.properties(common, settings, Map.of()));
        in = driver.createInputTopic("dyadwatch.assessments", new StringSerializer(),
                new JsonSerde<>(Assessment.class).serializer());
        out = driver.createOutputTopic("dyadwatch.alerts", new StringDeserializer(),
                new JsonSerde<>(Alert.class).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    static EvidenceItem item(String id, String indicator, String grade, int corroboration) {
        return new EvidenceItem(id, "LETHAL_AID", Instant.parse("2023-03-03T00:00:00Z"), "summary " + id, "NBC News",
                "https://example.org/" + id, grade, corroboration, List.of(indicator));
    }

    static Assessment assessment(String period, double strengthening, double weakening, EvidenceItem trigger,
            long revision) {
        return new Assessment("CHN-RUS", period, 1.0, revision, Instant.parse("2024-01-01T00:00:00Z"), 3, Map.of(),
                Map.of(Scenario.STATUS_QUO, 0.5, Scenario.WEAKENING, 0.1, Scenario.STRENGTHENING, 0.4),
                Map.of(Scenario.STATUS_QUO, 0.5, Scenario.WEAKENING, 0.1, Scenario.STRENGTHENING, 0.4), 4,
                Map.of(Scenario.STRENGTHENING, strengthening, Scenario.WEAKENING, weakening),
                Map.of(Scenario.STRENGTHENING, 3.0, Scenario.WEAKENING, 3.0), List.of(),
                List.of("STRENGTHENING +1.00 combined-air-patrol: 2.00 seen"),
                trigger == null ? List.of(item("e1", "combined-air-patrol", "B2", 1)) : List.of(trigger),
                trigger == null ? List.of() : List.of(trigger));
    }

    /** An assessment with the patrols family's statistic toward STRENGTHENING at {@code patrols} (threshold 7.4). */
    static Assessment withPatrols(double patrols, long revision) {
        Assessment a = assessment("2024-Q3", 0.5, 0, null, revision);
        return new Assessment(a.dyad(), a.period(), a.periodElapsed(), a.revision(), a.updatedAt(), a.eventsInPeriod(),
                a.indicators(), a.probabilities(), a.trailingProbabilities(), a.horizonPeriods(), a.changeStatistics(),
                a.thresholds(), a.drivers(), a.explanations(), a.evidence(), a.triggers(), List.of(), List.of(),
                Map.of("patrols", Map.of(Scenario.WEAKENING, 0.0, Scenario.STRENGTHENING, patrols)),
                Map.of("patrols", Map.of(Scenario.WEAKENING, 7.5, Scenario.STRENGTHENING, 7.4)), Map.of(), List.of());
    }

    @Test
    void shouldFireWhenOneFamilyMovesOnItsOwnAndNameTheFamilyAndItsIndicators() {
        in.pipeInput("CHN-RUS", withPatrols(3.0, 1));
        in.pipeInput("CHN-RUS", withPatrols(8.0, 2));
        in.pipeInput("CHN-RUS", withPatrols(5.0, 3));
        in.pipeInput("CHN-RUS", withPatrols(3.0, 4));

        List<Alert> alerts = out.readValuesToList().stream().filter(a -> a.rule().equals("family-shift")).toList();

        assertThat(alerts).extracting(Alert::status).containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
        assertThat(alerts.get(0).subject()).isEqualTo("patrols:STRENGTHENING");
        assertThat(alerts.get(0).summary()).contains("patrols moving toward STRENGTHENING on their own")
                .contains("combined-air-patrol");
        assertThat(alerts.get(0).assessmentRevision()).isEqualTo(2L);
    }

    @Test
    void shouldRaiseNoSignatureAlertForAnUnconfirmedReport() {
        EvidenceItem rumour = item("aid-f2", "lethal-aid", "F2", 1);
        EvidenceItem confirmed = item("aid-b2", "lethal-aid", "B2", 1);

        in.pipeInput("CHN-RUS", assessment("2023-Q1", 0, 0, rumour, 1));
        in.pipeInput("CHN-RUS", assessment("2023-Q1", 0, 0, confirmed, 2));

        List<Alert> signature = out.readValuesToList().stream().filter(a -> a.rule().equals("signature-event")).toList();
        assertThat(signature).extracting(a -> a.evidence().get(0).id()).containsExactly("aid-b2");
    }

    @Test
    void shouldSeeACrossingBetweenTwoPublicationsInTheStepsOfOneAssessment() {
        Map<Scenario, Double> p = Map.of(Scenario.STATUS_QUO, 0.5, Scenario.WEAKENING, 0.1, Scenario.STRENGTHENING, 0.4);
        AssessmentStep up = new AssessmentStep(1, "2023-Q1", 0.5, 1, p, p,
                Map.of(Scenario.STRENGTHENING, 3.5, Scenario.WEAKENING, 0.0), List.of(), List.of("e1"), Map.of(), Map.of());
        AssessmentStep down = new AssessmentStep(2, "2023-Q2", 0.1, 0, p, p,
                Map.of(Scenario.STRENGTHENING, 1.0, Scenario.WEAKENING, 0.0), List.of(), null, Map.of(), Map.of());
        Assessment a = assessment("2023-Q2", 1.0, 0, null, 2);
        Assessment batched = new Assessment(a.dyad(), a.period(), a.periodElapsed(), a.revision(), a.updatedAt(),
                a.eventsInPeriod(), a.indicators(), a.probabilities(), a.trailingProbabilities(), a.horizonPeriods(),
                a.changeStatistics(), a.thresholds(), a.drivers(), a.explanations(), a.evidence(), a.triggers(),
                List.of(up, down), List.of(), Map.of(), Map.of(), Map.of(), List.of());

        in.pipeInput("CHN-RUS", batched);

        assertThat(shiftAlerts()).as("the statistic crossed 3.0 and fell back within one publication")
                .extracting(Alert::status, Alert::assessmentRevision)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertStatus.FIRING, 1L),
                        org.assertj.core.groups.Tuple.tuple(AlertStatus.RESOLVED, 1L)); // raised by step 1
    }

    private List<Alert> shiftAlerts() {
        return out.readValuesToList().stream().filter(a -> a.rule().equals("scenario-shift")).toList();
    }

    @Test
    void shouldFireOnceWhenTheChangeStatisticCrossesItsThresholdAndResolveWithHysteresis() {
        in.pipeInput("CHN-RUS", assessment("2023-Q1", 2.0, 0, null, 1));
        in.pipeInput("CHN-RUS", assessment("2023-Q1", 3.2, 0, null, 2));
        in.pipeInput("CHN-RUS", assessment("2023-Q2", 4.0, 0, null, 3));
        in.pipeInput("CHN-RUS", assessment("2023-Q2", 1.6, 0, null, 4));
        in.pipeInput("CHN-RUS", assessment("2023-Q3", 1.4, 0, null, 5));

        List<Alert> alerts = shiftAlerts();

        assertThat(alerts).extracting(Alert::status).containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
        Alert firing = alerts.get(0);
        assertThat(firing.scenario()).isEqualTo(Scenario.STRENGTHENING);
        assertThat(firing.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(firing.changeStatistic()).isEqualTo(3.2);
        assertThat(firing.subject()).isEqualTo("STRENGTHENING");
        assertThat(firing.period()).as("the period of the assessment that raised it").isEqualTo("2023-Q1");
        assertThat(firing.assessmentRevision()).isEqualTo(2L);
        assertThat(firing.summary()).contains("CHN-RUS moving toward STRENGTHENING");
        assertThat(firing.evidence()).extracting(EvidenceItem::id).containsExactly("e1");
        assertThat(firing.rationale()).isNotEmpty()
                .anyMatch(c -> c.seed().equals("002_5e4206513a1261c3.txt"));
        assertThat(alerts.get(1).fingerprint()).isEqualTo(firing.fingerprint());
        assertThat(alerts.get(1).endsAt()).isNotNull();
        assertThat(registry.get("dyadwatch.alerts.fired").tag("rule", "scenario-shift").tag("severity", "critical")
                .counter().count()).isEqualTo(1.0);
        assertThat(registry.get("dyadwatch.alerts.fired").tag("rule", "scenario-shift").tag("severity", "warning")
                .counter().count()).isZero();
        assertThat(registry.get("dyadwatch.event.to.alert.latency").timer().count()).isPositive();
    }

    @Test
    void shouldFireAtOnceOnAConfirmedSignatureEventButNotOnAnUnconfirmedReport() {
        in.pipeInput("CHN-RUS", assessment("2023-Q1", 0, 0, item("rumour", "lethal-aid", "C3", 1), 1));
        assertThat(out.readValuesToList()).noneMatch(a -> a.rule().equals("signature-event"));

        in.pipeInput("CHN-RUS", assessment("2023-Q1", 0, 0, item("confirmed", "lethal-aid", "B2", 1), 2));
        List<Alert> alerts = out.readValuesToList().stream().filter(a -> a.rule().equals("signature-event")).toList();

        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).status()).isEqualTo(AlertStatus.FIRING);
        assertThat(alerts.get(0).evidence().get(0).id()).isEqualTo("confirmed");
        assertThat(alerts.get(0).evidence().get(0).sourceName()).isEqualTo("NBC News");
        assertThat(alerts.get(0).evidence().get(0).grade()).isEqualTo("B2");
        assertThat(alerts.get(0).rationale()).anyMatch(c -> c.seed().startsWith("000_"));
        assertThat(alerts.get(0).subject()).isEqualTo("lethal-aid");
        assertThat(alerts.get(0).period()).isEqualTo("2023-Q1");
        assertThat(alerts.get(0).assessmentRevision()).isEqualTo(2L);
    }

    @Test
    void shouldSayASignatureAlertIsAboutThePeriodOfItsEventWhenALaterAssessmentRaisedIt() {
        // a late report (or a fast replay) tallied into an assessment of a later period
        in.pipeInput("CHN-RUS", assessment("2023-Q3", 0, 0, item("late", "lethal-aid", "B2", 2), 7));

        Alert alert = out.readValuesToList().stream().filter(a -> a.rule().equals("signature-event")).findFirst()
                .orElseThrow();

        assertThat(alert.period()).isEqualTo("2023-Q1");
        assertThat(alert.assessmentRevision()).isEqualTo(7L);
    }

    @Test
    void shouldResolveASignatureAlertOncePeriodsHaveMovedOn() {
        in.pipeInput("CHN-RUS", assessment("2023-Q1", 0, 0, item("c", "lethal-aid", "B2", 2), 1));
        in.pipeInput("CHN-RUS", assessment("2023-Q2", 0, 0, null, 2));
        in.pipeInput("CHN-RUS", assessment("2023-Q3", 0, 0, null, 3));

        List<Alert> alerts = out.readValuesToList().stream().filter(a -> a.rule().equals("signature-event")).toList();

        assertThat(alerts).extracting(Alert::status).containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
    }

    @Test
    void shouldResolveAndFireAgainWhenANewSignatureEventComesPeriodsAfterTheOneStillFiring() {
        in.pipeInput("CHN-RUS", assessment("2023-Q1", 0, 0, item("first", "lethal-aid", "B2", 2), 1));
        EvidenceItem later = new EvidenceItem("later", "LETHAL_AID", Instant.parse("2024-05-01T00:00:00Z"),
                "summary later", "NBC News", null, "B2", 2, List.of("lethal-aid"));
        // assessed together with the periods in between, as after an outage: no assessment resolved it before
        in.pipeInput("CHN-RUS", assessment("2024-Q2", 0, 0, later, 2));

        List<Alert> alerts = out.readValuesToList().stream().filter(a -> a.rule().equals("signature-event")).toList();

        assertThat(alerts).extracting(Alert::status)
                .containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED, AlertStatus.FIRING);
        assertThat(alerts.get(1).evidence().get(0).id()).isEqualTo("first");
        assertThat(alerts.get(2).evidence().get(0).id()).isEqualTo("later");
        assertThat(alerts.get(1).period()).as("the resolution keeps the period it fired for").isEqualTo("2023-Q1");
        assertThat(alerts.get(2).period()).isEqualTo("2024-Q2");
        assertThat(alerts.get(2).assessmentRevision()).isEqualTo(2L);
    }

    @Test
    void shouldGiveTheSameFingerprintForTheSameRuleDyadAndSubject() {
        assertThat(Fingerprint.of("r", "CHN-RUS", "WEAKENING")).isEqualTo(Fingerprint.of("r", "CHN-RUS", "WEAKENING"))
                .hasSize(16).isNotEqualTo(Fingerprint.of("r", "CHN-RUS", "STRENGTHENING"));
    }
}
