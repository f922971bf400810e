package io.dyadwatch.alerts.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SinkSettingsTest {

    @Test
    void shouldConfigureNoSinkByDefault() {
        SinkSettings settings = new SinkSettings(Map.of());

        assertThat(settings.alertmanager()).isEmpty();
        assertThat(settings.webhooks()).isEmpty();
        assertThat(settings.resendInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.backoff()).isEqualTo(new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30)));
        assertThat(settings.runbookBaseUrl()).isEqualTo(SinkSettings.DEFAULT_RUNBOOK_BASE_URL);
        assertThat(settings.groupId("alertmanager")).isEqualTo("dyadwatch-sink-alertmanager");
    }

    @Test
    void shouldTurnUrlCredentialsIntoABasicAuthorizationHeaderAndNeverShowThem() {
        SinkSettings settings = new SinkSettings(Map.of(SinkSettings.ALERTMANAGER_URL, "https://ops:pa%24s@am.example:9093",
                SinkSettings.WEBHOOK_URLS, "https://hooks.example/T0/token1, http://127.0.0.1:8081/hook"));

        SinkEndpoint alertmanager = settings.alertmanager().orElseThrow();
        assertThat(alertmanager.uri()).hasToString("https://am.example:9093");
        assertThat(alertmanager.authorizationHeader()).contains("Basic b3BzOnBhJHM="); // ops:pa$s
        assertThat(alertmanager.toString()).isEqualTo("https://am.example:9093");
        assertThat(settings.webhooks()).extracting(SinkEndpoint::display)
                .containsExactly("https://hooks.example", "http://127.0.0.1:8081");
    }

    @Test
    void shouldRefuseANonHttpUrlWithoutEchoingIt() {
        assertThatThrownBy(() -> new SinkSettings(Map.of(SinkSettings.WEBHOOK_URLS, "ftp://user:hunter2@host/x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(SinkSettings.WEBHOOK_URLS)
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void shouldDoubleTheBackoffUpToItsCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofMillis(3000));

        assertThat(backoff.after(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMillis(1000));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofMillis(2000));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofMillis(3000));
        assertThat(backoff.after(1000)).isEqualTo(Duration.ofMillis(3000));
    }
}
