package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.alerts.rules.AlertRule;
import io.dyadwatch.alerts.rules.RuleBook;
import io.dyadwatch.alerts.sink.SinkSettings;
import io.dyadwatch.app.ExternalTools.Result;
import io.dyadwatch.catalog.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
                "alert: DyadWatchAlertSinkFailing", "alert: DyadWatchConsumerLagGrowing", "alert: DyadWatchNoAssessmentUpdates",
                "alert: DyadWatchStreamsNotRunning", "alert: DyadWatchAlertsUndeliverable", "alert: DyadWatchAlertsWaiting");
    }

    @Test
    void shouldTestEveryRuleInThePromtoolUnitTests() throws Exception {
        Map<String, Object> tests = ComposeConfigTest.load(ExternalTools.deploy("prometheus/tests/dyadwatch-rules-test.yml"));
        Set<String> tested = new TreeSet<>();
        for (Object test : ComposeConfigTest.list(tests.get("tests"))) {
            for (Object ruleTest : ComposeConfigTest.list(ComposeConfigTest.map(test).get("alert_rule_test"))) {
                tested.add(String.valueOf(ComposeConfigTest.map(ruleTest).get("alertname")));
            }
        }

        assertThat(tested).containsExactlyInAnyOrderElementsOf(rules().keySet());
    }

    @Test
    void shouldLinkEveryRuleToItsSectionOfTheOperationsRunbooks() throws Exception {
        Set<String> anchors = anchors(Files.readString(ExternalTools.repositoryRoot().resolve("docs/operations.md")));
        rules().forEach((name, rule) -> {
            String url = String.valueOf(ComposeConfigTest.map(rule.get("annotations")).get("runbook_url"));
            assertThat(url).as(name).startsWith(SinkSettings.DEFAULT_RUNBOOK_BASE_URL);
            assertThat(anchors).as("section for %s in docs/operations.md", name)
                    .contains(url.substring(SinkSettings.DEFAULT_RUNBOOK_BASE_URL.length()));
        });
        // DyadWatch's own alerts link to the default base URL plus their rule id
        for (AlertRule rule : RuleBook.loadDefault(Catalog.loadDefault()).rules()) {
            assertThat(anchors).as("section for rule %s in docs/operations.md", rule.id()).contains(rule.id());
        }
        assertThat(SinkSettings.DEFAULT_RUNBOOK_BASE_URL).endsWith("docs/operations.md#");
    }

    /** The rules of deploy/prometheus/rules by alert name. */
    private static Map<String, Map<String, Object>> rules() {
        Map<String, Map<String, Object>> rules = new java.util.LinkedHashMap<>();
        for (Object group : ComposeConfigTest.list(ComposeConfigTest.load(RULES).get("groups"))) {
            for (Object rule : ComposeConfigTest.list(ComposeConfigTest.map(group).get("rules"))) {
                Map<String, Object> map = ComposeConfigTest.map(rule);
                rules.put(String.valueOf(map.get("alert")), map);
            }
        }
        return rules;
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
    private static Set<String> anchors(String markdown) {
        Set<String> anchors = new TreeSet<>();
        markdown.lines().filter(l -> l.startsWith("#")).forEach(l -> anchors.add(l.replaceFirst("^#+\\s*", "")
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-')));
        return anchors;
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
