package io.dyadwatch.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExposureTest {

    private final ScenarioModel model = new ScenarioModel(Catalog.loadDefault());
    private final Dyad dyad = Dyad.parse("CHN-RUS");

    @Test
    void shouldWeighSilenceByTheShareOfThePeriodObserved() {
        double fullQuarter = model.assess(dyad, Map.of(), 1.0).llrVsStatusQuo().get(Scenario.WEAKENING);
        double quarterGone = model.assess(dyad, Map.of(), 0.25).llrVsStatusQuo().get(Scenario.WEAKENING);

        // With no events, ln P(0|s) - ln P(0|SQ) = -exposure * sum_i (lambda_is - lambda_iSQ): linear in exposure.
        assertThat(quarterGone).isCloseTo(fullQuarter * 0.25, within(1e-9));
        assertThat(fullQuarter).isPositive();
    }

    @Test
    void shouldMatchThePoissonLogLikelihoodRatioWithScaledMeans() {
        String id = "combined-air-patrol";
        double exposure = 2.5;
        double lambdaSq = model.expectedCount(dyad, id, Scenario.STATUS_QUO);
        double lambdaS = model.expectedCount(dyad, id, Scenario.STRENGTHENING);
        double x = 3;

        Assessment assessment = model.assess(dyad, Map.of(id, x), exposure);
        IndicatorContribution contribution = assessment.contributions().stream()
                .filter(c -> c.indicatorId().equals(id)).findFirst().orElseThrow();

        // ln[Poisson(x; e*ls)/Poisson(x; e*lsq)] = x ln(ls/lsq) - e (ls - lsq)
        double expected = x * Math.log(lambdaS / lambdaSq) - exposure * (lambdaS - lambdaSq);
        assertThat(contribution.llrVsStatusQuo().get(Scenario.STRENGTHENING)).isCloseTo(expected, within(1e-9));
        assertThat(contribution.expected().get(Scenario.STATUS_QUO)).isCloseTo(exposure * lambdaSq, within(1e-12));
    }
}
