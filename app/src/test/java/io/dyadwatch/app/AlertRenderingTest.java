package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.app.wiring.AlertConsole;
import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.json.Json;
import org.junit.jupiter.api.Test;

/** The console shows which period an alert is about, and still prints alerts written before alerts said so. */
class AlertRenderingTest {

    @Test
    void shouldShowThePeriodAndRevisionOfTheAssessmentThatRaisedTheAlert() {
        Alert firing = SinkFixtures.firing("render");

        assertThat(AlertConsole.render(firing).lines().findFirst().orElseThrow())
                .isEqualTo("[FIRING] WARNING  CHN-RUS      STRENGTHENING 2024-Q3 r17  " + firing.summary());
    }

    @Test
    void shouldShowADashForAnAlertWrittenBeforeAlertsCarriedTheirPeriod() throws Exception {
        Alert old = Json.MAPPER.readValue("""
                {"version":1,"fingerprint":"0123456789abcdef","status":"FIRING","rule":"scenario-shift",
                 "dyad":"CHN-RUS","scenario":"WEAKENING","severity":"WARNING","startsAt":"2024-07-15T08:00:00Z",
                 "summary":"old","evidence":[],"rationale":[]}""", Alert.class);

        assertThat(AlertConsole.render(old)).isEqualTo("[FIRING] WARNING  CHN-RUS      WEAKENING     -            old");
    }
}
