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
 * distancing baseline 0.1, rates SQ 1, W 4, S 0.5 (expected 0.1, 0.4, 0.05); priors 0.6, 0.2, 0.2. Judgement
 * baselines, each taken as worth a 24-quarter window: counts are read with the predictive negative binomial of size
 * 24 x 0.5 = 12 (patrols) and 24 x 0.1 = 2.4 (distancing), the families' only kinds.
 */
class ScenarioModelTest {

    private static final Dyad CHN_RUS = Dyad.parse("CHN-RUS");
    private static final ScenarioModel MODEL = new ScenarioModel(Catalog.parse(TestCatalogs.small(), "small"));
    private static final double[] PRIOR = {0.6, 0.2, 0.2};
    private static final double[][] EXPECTED = {{0.5, 0.1}, {0.1, 0.4}, {1.0, 0.05}};

    private static final double[] SIZE = {12, 2.4};

    /** P(X = k) for a negative binomial of this mean and size, written out: C(k+r-1, k) (r/(r+m))^r (m/(r+m))^k. */
    private static double nb(int k, double mean, double size) {
        double coefficient = 1;
        for (int i = 0; i < k; i++) {
            coefficient *= (size + i) / (i + 1);
        }
        return coefficient * Math.pow(size / (size + mean), size) * Math.pow(mean / (size + mean), k);
    }

    /** P(X = k) of indicator i (0 patrol, 1 distancing) under scenario s. */
    private static double p(int k, int s, int i) {
        return nb(k, EXPECTED[s][i], SIZE[i]);
    }

    /** Posterior by Bayes' rule written out with plain probabilities. */
    private static double[] posterior(int patrols, int distancing) {
        double[] joint = new double[3];
        double total = 0;
        for (int s = 0; s < 3; s++) {
            joint[s] = PRIOR[s] * p(patrols, s, 0) * p(distancing, s, 1);
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
        // by hand: ln L(s) = ln P(0 patrols) + ln P(0 statements) = r ln(r / (r + m)) for each
        for (Scenario sc : Scenario.values()) {
            assertThat(a.logLikelihood().get(sc)).isCloseTo(Math.log(p(0, sc.ordinal(), 0) * p(0, sc.ordinal(), 1)), within(1e-12));
        }
        double[] expected = posterior(0, 0);
        assertThat(a.posterior().get(WEAKENING)).isCloseTo(expected[1], within(1e-12)).isGreaterThan(0.2);
        assertThat(a.posterior().get(STRENGTHENING)).isCloseTo(expected[2], within(1e-12)).isLessThan(0.2);
        // absence is evidence: the missing patrols count against STRENGTHENING (it expected 1.0, SQ 0.5)
        IndicatorContribution patrol = a.contributions().get(0);
        assertThat(patrol.llrVsStatusQuo().get(STRENGTHENING)).isCloseTo(12 * Math.log(12.5 / 13), within(1e-12));
        assertThat(patrol.llrVsStatusQuo().get(WEAKENING)).isCloseTo(12 * Math.log(12.5 / 12.1), within(1e-12));
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
        assertThat(a.logLikelihood().get(STATUS_QUO)).isCloseTo(Math.log(p(3, 0, 0) * p(0, 0, 1)), within(1e-12));
        // 3 ln(1.0 / 0.5) + (12 + 3) ln((12 + 0.5) / (12 + 1.0))
        assertThat(a.drivers(STRENGTHENING, 1)).first().satisfies(c -> assertThat(c.llrVsStatusQuo().get(STRENGTHENING))
                .isCloseTo(3 * Math.log(2) + 15 * Math.log(12.5 / 13), within(1e-12)));
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
        // ln L(W) = ln Γ(13.5) - ln Γ(12) - ln Γ(2.5) + 12 ln(12/12.1) + 1.5 ln(0.1/12.1) + (distancing: 2.4 ln(2.4/2.8))
        double logGamma25 = Math.log(1.5 * 0.5 * Math.sqrt(Math.PI));
        double expected = PoissonMath.logGamma(13.5) - PoissonMath.logGamma(12) - logGamma25 + 12 * Math.log(12 / 12.1)
                + 1.5 * Math.log(0.1 / 12.1) + 2.4 * Math.log(2.4 / 2.8);
        assertThat(a.logLikelihood().get(WEAKENING)).isCloseTo(expected, within(1e-10));
        // the ratio is the negative-binomial one with the count scaled by the weight
        double llr = 1.5 * Math.log(2) + 13.5 * Math.log(12.5 / 13) + 2.4 * Math.log(2.5 / 2.45);
        assertThat(a.llrVsStatusQuo().get(STRENGTHENING)).isCloseTo(llr, within(1e-12));
    }

    @Test
    void shouldRefuseUnknownIndicatorsNegativeCountsAndUnwatchedDyads() {
        assertThatThrownBy(() -> MODEL.assess(CHN_RUS, Map.of("convoy", 1.0))).hasMessageContaining("unknown indicator 'convoy'");
        assertThatThrownBy(() -> MODEL.assess(CHN_RUS, Map.of("patrol", -1.0))).hasMessageContaining("must be finite and >= 0");
        assertThatThrownBy(() -> MODEL.assess(Dyad.parse("IND-RUS"), Map.of())).hasMessageContaining("is not watched");
    }
}
