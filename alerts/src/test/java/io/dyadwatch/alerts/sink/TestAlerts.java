package io.dyadwatch.alerts.sink;

import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.alert.AlertStatus;
import io.dyadwatch.model.alert.Severity;
import io.dyadwatch.model.assessment.EvidenceItem;
import io.dyadwatch.model.assessment.Scenario;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Alerts for sink tests. */
final class TestAlerts {

    static final Instant STARTS = Instant.parse("2024-07-15T08:00:00Z");

    private TestAlerts() {
    }

    static Alert firing(String fingerprint) {
        return new Alert(Alert.VERSION, fingerprint, AlertStatus.FIRING, "scenario-shift", "CHN-RUS",
                Scenario.STRENGTHENING, Severity.CRITICAL, STARTS, null, "CHN-RUS moves toward strengthening",
                "Combined patrols doubled.", Map.of(), Map.of(), 4.2,
                List.of(evidence("e1", "COMBINED_PATROL", "2024-07-10T00:00:00Z", "Bombers patrol\nnear Alaska", "NORAD",
                                "https://example.org/e1", "A1"),
                        evidence("e2", "JOINT_EXERCISE", "2024-07-01T00:00:00Z", "Exercise", "Xinhua", null, "B2")),
                List.of(), "STRENGTHENING", "2024-Q3", 17L);
    }

    static Alert withoutScenario(String fingerprint) {
        return new Alert(Alert.VERSION, fingerprint, AlertStatus.FIRING, "activity-surge", "PRK-RUS", null,
                Severity.INFO, STARTS, null, "PRK-RUS: 3 events", "", Map.of(), Map.of(), null, List.of(), List.of(),
                "joint-exercise", "2024-Q3", 3L);
    }

    /** A signature alert of CHN-RUS about the given indicator, as the signature-event rule writes it. */
    static Alert signature(String fingerprint, String indicator) {
        return new Alert(Alert.VERSION, fingerprint, AlertStatus.FIRING, "signature-event", "CHN-RUS",
                Scenario.STRENGTHENING, Severity.CRITICAL, STARTS, null, "CHN-RUS signature event (" + indicator + ")",
                "", Map.of(), Map.of(), null, List.of(), List.of(), indicator, "2024-Q3", 21L);
    }

    /** Through JSON, so the fixture does not depend on the evidence record's constructor (optional fields may be added). */
    static EvidenceItem evidence(String id, String type, String occurredAt, String summary, String source, String url,
            String grade) {
        Map<String, Object> fields = new java.util.HashMap<>();
        fields.put("id", id);
        fields.put("type", type);
        fields.put("occurredAt", occurredAt);
        fields.put("summary", summary);
        fields.put("sourceName", source);
        if (url != null) {
            fields.put("url", url);
        }
        fields.put("grade", grade);
        fields.put("corroboration", 1);
        return io.dyadwatch.model.json.Json.MAPPER.convertValue(fields, EvidenceItem.class);
    }
}
