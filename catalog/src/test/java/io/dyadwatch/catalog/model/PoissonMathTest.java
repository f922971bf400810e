package io.dyadwatch.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PoissonMathTest {

    @Test
    void shouldAgreeWithLogFactorialsAtWholeNumbers() {
        double logFactorial = 0;
        for (int n = 1; n <= 30; n++) {
            logFactorial += Math.log(n);
            assertThat(PoissonMath.logGamma(n + 1)).as("ln %d!", n).isCloseTo(logFactorial, within(1e-10 * Math.max(1, logFactorial)));
        }
        assertThat(PoissonMath.logGamma(1)).isCloseTo(0, within(1e-13));
        assertThat(PoissonMath.logFactorial(0)).isZero();
        assertThat(PoissonMath.logFactorial(5)).isCloseTo(Math.log(120), within(1e-12));
        assertThat(PoissonMath.logFactorial(1.5)).isCloseTo(Math.log(1.5 * 0.5 * Math.sqrt(Math.PI)), within(1e-12));
    }

    @Test
    void shouldAgreeWithGammaAtHalfIntegers() {
        double sqrtPi = Math.sqrt(Math.PI);
        assertThat(PoissonMath.logGamma(0.5)).isCloseTo(Math.log(sqrtPi), within(1e-12));
        assertThat(PoissonMath.logGamma(2.5)).isCloseTo(Math.log(1.5 * 0.5 * sqrtPi), within(1e-12));
        assertThat(PoissonMath.logGamma(0.1)).isCloseTo(Math.log(9.513507698668732), within(1e-10));
    }

    @Test
    void shouldGiveThePoissonLogProbabilityAtWholeCounts() {
        assertThat(PoissonMath.logPmf(3, 0.5)).isCloseTo(Math.log(Math.exp(-0.5) * Math.pow(0.5, 3) / 6), within(1e-12));
        assertThat(PoissonMath.logPmf(0, 2.0)).isCloseTo(-2.0, within(1e-12));
    }

    @Test
    void shouldDrawWithThePoissonMeanAndVariance() {
        for (double mean : new double[] {0.05, 0.4, 3.0, 120.0}) {
            SplittableRandom random = new SplittableRandom(99);
            int n = 200_000;
            double sum = 0;
            double sumSquares = 0;
            for (int i = 0; i < n; i++) {
                int k = PoissonMath.sample(mean, random);
                sum += k;
                sumSquares += (double) k * k;
            }
            double m = sum / n;
            double variance = sumSquares / n - m * m;
            double standardError = Math.sqrt(mean / n);
            assertThat(m).as("mean of Poisson(%s)", mean).isCloseTo(mean, within(5 * standardError));
            assertThat(variance).as("variance of Poisson(%s)", mean).isCloseTo(mean, within(0.03 * mean + 5 * standardError));
        }
    }

    @Test
    void shouldDrawTheSameSequenceFromTheSameSeed() {
        SplittableRandom a = new SplittableRandom(5);
        SplittableRandom b = new SplittableRandom(5);
        for (int i = 0; i < 100; i++) {
            assertThat(PoissonMath.sample(1.3, a)).isEqualTo(PoissonMath.sample(1.3, b));
        }
    }
}
