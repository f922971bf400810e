package io.dyadwatch.catalog.model;

import java.util.SplittableRandom;

/** Log-gamma, the Poisson log-probability (continuous in the count) and a deterministic Poisson sampler. */
public final class PoissonMath {

    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    private static final double LARGEST_CHUNK = 50;

    private static final double[] LOG_FACTORIALS = new double[171];

    static {
        for (int n = 2; n < LOG_FACTORIALS.length; n++) {
            LOG_FACTORIALS[n] = LOG_FACTORIALS[n - 1] + Math.log(n);
        }
    }

    private PoissonMath() {
    }

    /** ln Γ(x + 1) = ln x! for x &gt;= 0, from a table for whole x up to 170 (the common case of a count), else {@link #logGamma}. */
    public static double logFactorial(double x) {
        if (x == Math.rint(x) && x >= 0 && x < LOG_FACTORIALS.length) {
            return LOG_FACTORIALS[(int) x];
        }
        return logGamma(x + 1);
    }

    /** ln Γ(x) for x &gt; 0 (Lanczos, g = 7, about 15 significant digits). */
    public static double logGamma(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("logGamma needs x > 0, got " + x);
        }
        if (x < 0.5) {
            return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
        }
        double z = x - 1;
        double a = LANCZOS[0];
        double t = z + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) {
            a += LANCZOS[i] / (z + i);
        }
        return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
    }

    /**
     * ln P(X = x) for X ~ Poisson(mean), extended to real {@code x >= 0} through Γ: {@code x ln(mean) - mean - ln Γ(x + 1)}.
     * Not a normalised density for fractional x, but its differences between means are exact likelihood ratios.
     */
    public static double logPmf(double x, double mean) {
        if (!(x >= 0) || !(mean > 0)) {
            throw new IllegalArgumentException("logPmf needs x >= 0 and mean > 0, got x=" + x + ", mean=" + mean);
        }
        return x * Math.log(mean) - mean - logFactorial(x);
    }

    /** A Poisson(mean) draw by inversion (means above 50 are split into a sum of smaller draws). */
    public static int sample(double mean, SplittableRandom random) {
        if (!(mean >= 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("mean must be finite and >= 0, got " + mean);
        }
        if (mean == 0) {
            return 0;
        }
        int chunks = (int) Math.ceil(mean / LARGEST_CHUNK);
        double part = mean / chunks;
        double expNegPart = Math.exp(-part);
        int total = 0;
        for (int c = 0; c < chunks; c++) {
            total += sampleSmall(part, expNegPart, random);
        }
        return total;
    }

    /** A Poisson(mean) draw by inversion, for 0 &lt; mean &lt;= 50 with e^-mean precomputed (the calibration's hot loop). */
    static int sampleSmall(double mean, double expNegMean, SplittableRandom random) {
        double p = expNegMean;
        double cumulative = p;
        double u = random.nextDouble();
        int k = 0;
        while (u > cumulative && k < 10_000) {
            k++;
            p *= mean / k;
            cumulative += p;
        }
        return k;
    }

    /**
     * A Gamma(shape, scale 1/shape) draw: mean 1, variance 1/shape (Marsaglia and Tsang 2000; shapes below 1 by
     * the boost Gamma(a) = Gamma(a + 1) U^(1/a)). The multiplier that turns a Poisson count into a negative binomial
     * of size {@code shape}.
     */
    public static double sampleGammaMultiplier(double shape, SplittableRandom random) {
        if (!(shape > 0) || Double.isInfinite(shape)) {
            throw new IllegalArgumentException("shape must be finite and > 0, got " + shape);
        }
        return sampleGamma(shape, random) / shape;
    }

    private static double sampleGamma(double shape, SplittableRandom random) {
        if (shape < 1) {
            return sampleGamma(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = gaussian(random);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller, one of the pair (SplittableRandom has no nextGaussian before Java 17's RandomGenerator default)
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** A Binomial(n, p) draw by n Bernoulli trials (n is small here: the events of one kind in one quarter). */
    static int sampleBinomial(int n, double p, SplittableRandom random) {
        if (p >= 1) {
            return n;
        }
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (random.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }

    /** The largest mean {@link #sampleSmall} accepts. */
    static double largestSmallMean() {
        return LARGEST_CHUNK;
    }
}
