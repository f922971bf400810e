package io.dyadwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.alerts.rules.AlertRule;
import io.dyadwatch.model.assessment.Assessment;
import io.dyadwatch.model.assessment.Citation;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.alert.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The "no scenario fits" rule: the status quo rejected in one family in a way neither scenario describes. */
class NoScenarioFitsRuleTest {

    private static final AlertRule.NoScenarioFits RULE = new AlertRule.NoScenarioFits("no-scenario-fits", "d",
            new Citation("000_da94b91ee06e7ba1.txt", "serving as a workaround to Western export controls"),
            Map.of(Scenario.STATUS_QUO, Severity.WARNING), 0.5);

    private static Assessment withWarSupportRise(double rise, double strengthening) {
        Assessment a = AlertLifecycleTest.assessment("2024-Q4", strengthening, 0, null, 5);
        return new Assessment(a.dyad(), a.period(), a.periodElapsed(), a.revision(), a.updatedAt(), a.eventsInPeriod(),
                a.indicators(), a.probabilities(), a.trailingProbabilities(), a.horizonPeriods(), a.changeStatistics(),
                a.thresholds(), a.drivers(), a.explanations(), a.evidence(), a.triggers(), List.of(), List.of(),
                Map.of(), Map.of(), Map.of(), List.of(), Map.of("war-support", Map.of("RISE", rise, "FALL", 0.0)),
                Map.of("war-support", Map.of("RISE", 9.0)));
    }

    @Test
    void shouldSayNoScenarioFitsWhenAFamilyRisesWhileNeitherScenarioStatisticCrosses() {
        List<Condition> conditions = RuleEvaluator.evaluate(RULE, withWarSupportRise(9.5, 1.0), s -> null,
                f -> List.of("dual-use-export", "sanctions-on-suppliers"));

        assertThat(conditions).singleElement().satisfies(c -> {
            assertThat(c.holds()).isTrue();
            assertThat(c.subject()).isEqualTo("war-support:RISE");
            assertThat(c.scenario()).isEqualTo(Scenario.STATUS_QUO);
            assertThat(c.summary()).contains("the status quo no longer holds in war-support")
                    .contains("no scenario explains it");
        });
    }

    @Test
    void shouldLeaveTheRiseToTheScenarioWhenAWholeScenarioStatisticCrossesToo() {
        assertThat(RuleEvaluator.evaluate(RULE, withWarSupportRise(9.5, 3.5), s -> null, f -> List.of())).isEmpty();
    }

    @Test
    void shouldSayNothingBelowTheThreshold() {
        assertThat(RuleEvaluator.evaluate(RULE, withWarSupportRise(8.9, 1.0), s -> null, f -> List.of())).isEmpty();
    }
}
