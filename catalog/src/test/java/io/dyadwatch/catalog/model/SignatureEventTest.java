package io.dyadwatch.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signature events: judged status-quo rates, inside the budget, moving the probabilities toward their scenario. */
class SignatureEventTest {

    private static final Catalog CATALOG = Catalog.loadDefault();
    private static final ScenarioModel MODEL = new ScenarioModel(CATALOG);
    private static final Dyad CHN_RUS = Dyad.parse("CHN-RUS");

    @Test
    void shouldRaiseStrengtheningWhenAFormalAllianceIsConfirmedInASilentQuarter() {
        double prior = CATALOG.dyad(CHN_RUS).priors().get(Scenario.STRENGTHENING);
        ScenarioModel.Evaluation silent = MODEL.evaluate(CHN_RUS, KindCounts.none(), 1.0);
        ScenarioModel.Evaluation alliance = MODEL.evaluate(CHN_RUS, KindCounts.none().plus(List.of("formal-alliance"), 1), 1.0);
        assertThat(silent.posterior(Scenario.STRENGTHENING)).isLessThan(prior);
        assertThat(alliance.posterior(Scenario.STRENGTHENING)).isGreaterThan(prior);
    }

    @Test
    void shouldMoveTowardStrengtheningWithEverySignatureEventOfTheDyad() {
        double silent = MODEL.evaluate(CHN_RUS, KindCounts.none(), 1.0).llrVsStatusQuo(Scenario.STRENGTHENING);
        assertThat(MODEL.signatureIndicators(CHN_RUS))
                .containsExactly("patrol-beyond-japan", "lethal-aid", "basing-access", "formal-alliance");
        for (String id : MODEL.signatureIndicators(CHN_RUS)) {
            double one = MODEL.evaluate(CHN_RUS, KindCounts.none().plus(List.of(id), 1), 1.0)
                    .llrVsStatusQuo(Scenario.STRENGTHENING);
            assertThat(one - silent).as(id).isGreaterThan(1);
        }
    }

    @Test
    void shouldJudgeTheStatusQuoRateOfASignatureInsteadOfTheWindowFloor() {
        for (String id : MODEL.signatureIndicators(CHN_RUS)) {
            double judged = CATALOG.indicator(id).signature().statusQuoRate();
            assertThat(MODEL.expectedCount(CHN_RUS, id, Scenario.STATUS_QUO)).as(id).isEqualTo(judged).isLessThan(0.5 / 24);
            assertThat(MODEL.baselinePosterior(CHN_RUS, id)).as("taken as stated").isNull();
        }
        // IRN-RUS's baselines come from its record (issue 21): its 2016-2021 window saw no Iranian lethal aid to Russia
        // (the Shahed deliveries began in 2022), so lethal aid is a signature there as for CHN-RUS
        assertThat(MODEL.isSignature(Dyad.parse("IRN-RUS"), "lethal-aid")).isTrue();
        assertThat(MODEL.isSignature(Dyad.parse("IRN-RUS"), "formal-alliance")).isTrue();
    }

    @Test
    void shouldCountSignatureAlertsInTheFalseAlarmBudget() {
        for (Dyad dyad : CATALOG.dyads().keySet()) {
            CusumThresholds t = MODEL.thresholds(dyad);
            assertThat(t.signatureProbability()).as(dyad.key()).isPositive().isLessThanOrEqualTo(t.falseAlarmProbability());
            assertThat(t.falseAlarmProbability()).as(dyad.key()).isLessThanOrEqualTo(t.budgetProbability());
        }
    }
}
