package io.dyadwatch.catalog.model;

import static io.dyadwatch.model.assessment.Scenario.STATUS_QUO;
import static io.dyadwatch.model.assessment.Scenario.STRENGTHENING;
import static io.dyadwatch.model.assessment.Scenario.WEAKENING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.catalog.TestCatalogs;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The small test catalog: patrol baseline 0.5/quarter, relative rates SQ 1, W 0.2, S 2 (expected 0.5, 0.1, 1.0);
 * distancing baseline 0.1, rates SQ 1, W 4, S 0.5 (expected 0.1, 0.4, 0.05); priors 0.6, 0.2, 0.2.
 */
class ScenarioModelTest {

    private static final Dyad CHN_RUS = Dyad.parse("CHN-RUS");
    private static final ScenarioModel MODEL = new ScenarioModel(Catalog.parse(TestCatalogs.small(), "small"));
    private static final double[] PRIOR = {0.6, 0.2, 0.2};
    private static final double[][] EXPECTED = {{0.5, 0.1}, {0.1, 0.4}, {1.0, 0.05}};

    /** P(X = k) for Poisson(mean), written out: e^-mean mean^k / k!. */
    private static double poisson(int k, double mean) {
        double factorial = 1;
        for (int i = 2; i <= k; i++) {
            factorial *= i;
        }
        return Math.exp(-mean) * Math.pow(mean, k) / factorial;
    }

    /** Posterior by Bayes' rule written out with plain probabilities. */
    private static double[] posterior(int patrols, int distancing) {
        double[] joint = new double[3];
        double total = 0;
        for (int s = 0; s < 3; s++) {
            joint[s] = PRIOR[s] * poisson(patrols, EXPECTED[s][0]) * poisson(distancing, EXPECTED[s][1]);
            total += joint[s];
        }
        for (int s = 0; s < 3; s++) {
            joint[s] /= total;
        }
        return joint;
    }

    @Test
    void shouldComputeTheExpectedCountsFromBaselineTimesRelativeRate() {
        assertThat(MODEL.expectedCount(CHN_RUS, "patrol", WEAKENING)).isCloseTo(0.1, within(1e-12));
        assertThat(MODEL.expectedCount(CHN_RUS, "distancing", WEAKENING)).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void shouldMoveTowardWeakeningWhenPatrolsStop() {
        Assessment a = MODEL.assess(CHN_RUS, Map.of());
        // by hand: ln L(SQ) = -0.5 - 0.1, ln L(W) = -0.1 - 0.4, ln L(S) = -1.0 - 0.05
        assertThat(a.logLikelihood().get(STATUS_QUO)).isCloseTo(-0.6, within(1e-12));
        assertThat(a.logLikelihood().get(WEAKENING)).isCloseTo(-0.5, within(1e-12));
        assertThat(a.logLikelihood().get(STRENGTHENING)).isCloseTo(-1.05, within(1e-12));
        double[] expected = posterior(0, 0);
        assertThat(a.posterior().get(WEAKENING)).isCloseTo(expected[1], within(1e-12)).isGreaterThan(0.2);
        assertThat(a.posterior().get(STRENGTHENING)).isCloseTo(expected[2], within(1e-12)).isLessThan(0.2);
        // absence is evidence: the missing patrols count against STRENGTHENING (it expected 1.0, SQ 0.5)
        IndicatorContribution patrol = a.contributions().get(0);
        assertThat(patrol.llrVsStatusQuo().get(STRENGTHENING)).isCloseTo(-0.5, within(1e-12));
        assertThat(patrol.llrVsStatusQuo().get(WEAKENING)).isCloseTo(0.4, within(1e-12));
        assertThat(patrol.expectedButMissing(STRENGTHENING)).isTrue();
        assertThat(patrol.expectedButMissing(WEAKENING)).isFalse();
    }

    @Test
    void shouldMoveTowardStrengtheningWhenPatrolsMultiply() {
        Assessment a = MODEL.assess(CHN_RUS, Map.of("patrol", 3.0));
        double[] expected = posterior(3, 0);
        for (Scenario s : Scenario.values()) {
            assertThat(a.posterior().get(s)).as("%s", s).isCloseTo(expected[s.ordinal()], within(1e-12));
        }
        assertThat(a.mostLikely()).isEqualTo(STRENGTHENING);
        assertThat(a.logLikelihood().get(STATUS_QUO))
                .isCloseTo(Math.log(poisson(3, 0.5) * poisson(0, 0.1)), within(1e-12));
        // 3 ln(1.0 / 0.5) - (1.0 - 0.5)
        assertThat(a.drivers(STRENGTHENING, 1)).singleElement()
                .satisfies(c -> assertThat(c.llrVsStatusQuo().get(STRENGTHENING)).isCloseTo(3 * Math.log(2) - 0.5, within(1e-12)));
    }

    @Test
    void shouldAddContributionsUpToTheLogLikelihoodRatio() {
        Assessment a = MODEL.assess(CHN_RUS, Map.of("patrol", 2.0, "distancing", 1.0));
        for (Scenario s : Scenario.values()) {
            double sum = a.contributions().stream().mapToDouble(c -> c.llrVsStatusQuo().get(s)).sum();
            assertThat(sum).isCloseTo(a.llrVsStatusQuo().get(s), within(1e-12));
            assertThat(a.llrVsStatusQuo().get(s)).isCloseTo(a.logLikelihood().get(s) - a.logLikelihood().get(STATUS_QUO), within(1e-12));
        }
        assertThat(a.posterior().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-12));
    }

    @Test
    void shouldTreatFractionalWeightedCountsThroughTheGammaFunction() {
        Assessment a = MODEL.assess(CHN_RUS, Map.of("patrol", 1.5));
        double logGamma25 = Math.log(1.5 * 0.5 * Math.sqrt(Math.PI));
        // ln L(W) = 1.5 ln 0.1 - 0.1 - ln Γ(2.5) + (distancing: -0.4)
        assertThat(a.logLikelihood().get(WEAKENING)).isCloseTo(1.5 * Math.log(0.1) - 0.1 - logGamma25 - 0.4, within(1e-10));
        // the likelihood ratio is the Poisson ratio with the count scaled by the weight: (lambda_s/lambda_SQ)^x e^-(lambda_s - lambda_SQ)
        double ratio = Math.pow(1.0 / 0.5, 1.5) * Math.exp(-(1.0 - 0.5)) * Math.exp(-(0.05 - 0.1));
        assertThat(a.llrVsStatusQuo().get(STRENGTHENING)).isCloseTo(Math.log(ratio), within(1e-12));
    }

    @Test
    void shouldRefuseUnknownIndicatorsNegativeCountsAndUnwatchedDyads() {
        assertThatThrownBy(() -> MODEL.assess(CHN_RUS, Map.of("convoy", 1.0))).hasMessageContaining("unknown indicator 'convoy'");
        assertThatThrownBy(() -> MODEL.assess(CHN_RUS, Map.of("patrol", -1.0))).hasMessageContaining("must be finite and >= 0");
        assertThatThrownBy(() -> MODEL.assess(Dyad.parse("IND-RUS"), Map.of())).hasMessageContaining("is not watched");
    }
}
