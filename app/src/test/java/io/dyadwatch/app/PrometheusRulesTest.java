package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.app.ExternalTools.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus and Alertmanager files under deploy/ pass their own tools: {@code promtool check rules},
 * {@code promtool test rules} (deploy/prometheus/tests), {@code promtool check config} and
 * {@code amtool check-config}. Skipped where the Debian packages prometheus / prometheus-alertmanager are missing.
 */
class PrometheusRulesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Path RULES = ExternalTools.deploy("prometheus/rules/dyadwatch-rules.yml");

    @Test
    void shouldPassPromtoolCheckRules() throws Exception {
        Result result = promtool("check", "rules", RULES.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void shouldFireEachPipelineAlertOnlyWhenItsConditionHolds() throws Exception {
        Result result = promtool("test", "rules", ExternalTools.deploy("prometheus/tests/dyadwatch-rules-test.yml").toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void shouldCoverThePipelineConditionsTheOperatorsAskedFor() throws Exception {
        assertThat(Files.readString(RULES)).contains("alert: DyadWatchDown", "alert: DyadWatchDeadLetterRateHigh",
                "alert: DyadWatchAlertSinkFailing", "alert: DyadWatchConsumerLagGrowing", "alert: DyadWatchNoAssessmentUpdates");
    }

    @Test
    void shouldPassPromtoolCheckConfigForTheComposePrometheus() throws Exception {
        Result result = promtool("check", "config", ExternalTools.deploy("prometheus/prometheus.yml").toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void shouldPassAmtoolCheckConfigForTheComposeAlertmanager() throws Exception {
        Path amtool = ExternalTools.find("amtool").orElse(null);
        Assumptions.assumeTrue(amtool != null, "amtool not found: install the Debian package prometheus-alertmanager");

        Result result = ExternalTools.run(List.of(amtool.toString(), "check-config",
                ExternalTools.deploy("alertmanager/alertmanager.yml").toString()), ExternalTools.repositoryRoot(),
                new byte[0], TIMEOUT);

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    private static Result promtool(String... args) throws Exception {
        Path promtool = ExternalTools.find("promtool").orElse(null);
        Assumptions.assumeTrue(promtool != null, "promtool not found: install the Debian package prometheus");
        List<String> command = new java.util.ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(args));
        return ExternalTools.run(command, ExternalTools.repositoryRoot(), new byte[0], TIMEOUT);
    }
}
