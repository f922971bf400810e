package io.dyadwatch.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NegativeBinomialTest {

    @Test
    void shouldGiveTheLogLikelihoodRatioAsTheDifferenceOfLogProbabilities() {
        for (double k : new double[] {0.5, 2.17, 50}) {
            for (int n = 0; n <= 4; n++) {
                for (double e : new double[] {0.3, 1, 4}) {
                    double direct = NegativeBinomial.logPmf(n, e, 0.6, k) - NegativeBinomial.logPmf(n, e, 0.25, k);
                    assertThat(NegativeBinomial.logLikelihoodRatio(n, e, 0.25, 0.6, k)).as("k %s n %d e %s", k, n, e)
                            .isCloseTo(direct, within(1e-9));
                }
            }
        }
    }

    @Test
    void shouldSumToOneOverTheCounts() {
        double total = 0;
        for (int n = 0; n < 400; n++) {
            total += Math.exp(NegativeBinomial.logPmf(n, 1.5, 0.8, 0.7));
        }
        assertThat(total).isCloseTo(1, within(1e-9));
    }

    @Test
    void shouldApproachThePoissonAsTheSizeGrows() {
        double poisson = NegativeBinomial.logLikelihoodRatio(2, 1, 0.3, 0.9, Double.POSITIVE_INFINITY);
        assertThat(poisson).isCloseTo(2 * Math.log(3) - 0.6, within(1e-12));
        assertThat(NegativeBinomial.logLikelihoodRatio(2, 1, 0.3, 0.9, 1e7)).isCloseTo(poisson, within(1e-5));
        // overdispersion damps the evidence of each event
        assertThat(NegativeBinomial.logLikelihoodRatio(2, 1, 0.3, 0.9, 1)).isLessThan(poisson);
    }

    @Test
    void shouldDrawGammaMultipliersOfMeanOneAndVarianceOneOverShape() {
        SplittableRandom random = new SplittableRandom(5);
        for (double shape : new double[] {0.5, 2.17}) {
            double sum = 0;
            double squares = 0;
            int n = 200_000;
            for (int i = 0; i < n; i++) {
                double g = PoissonMath.sampleGammaMultiplier(shape, random);
                sum += g;
                squares += g * g;
            }
            double mean = sum / n;
            assertThat(mean).isCloseTo(1, within(0.02));
            assertThat(squares / n - mean * mean).isCloseTo(1 / shape, within(0.05 / shape));
        }
    }
}
