package io.dyadwatch.catalog.baseline;

/**
 * The uncertainty of a baseline rate: a Gamma posterior of shape a and rate T (quarters), mean a / T. For a rate
 * derived from a reference window, a = confirmed events + 1/2 (the Jeffreys prior) and T the window's quarters; a
 * judgement baseline is taken as worth a window of {@link #JUDGEMENT_QUARTERS} quarters (a = max(1/2, 24 x rate)).
 *
 * @param shape a, &gt; 0
 * @param rate  T, &gt; 0
 */
public record RatePosterior(double shape, double rate) {

    /** Quarters a judgement baseline is worth: as many as the record-derived windows. */
    public static final double JUDGEMENT_QUARTERS = 24;
    /** Smallest shape: half an event (Jeffreys). */
    public static final double SMALLEST_SHAPE = 0.5;

    public RatePosterior {
        if (!(shape > 0) || !(rate > 0) || Double.isInfinite(shape) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("a Gamma posterior needs a finite shape and rate > 0, got " + shape + ", " + rate);
        }
    }

    /**
     * The posterior of a dyad's status-quo rate of an indicator: (confirmed events + 1/2, window quarters) for a
     * derived baseline, {@link #judgement} for an analyst's; null for a signature's judged rate, taken as stated.
     */
    public static RatePosterior of(io.dyadwatch.catalog.Catalog catalog, io.dyadwatch.catalog.DyadProfile profile,
                                   String indicatorId) {
        if (profile.isSignature(catalog.indicator(indicatorId))) {
            return null;
        }
        BaselineInfo info = profile.baselineInfo();
        if (info.basis() == BaselineInfo.Basis.RECORD) {
            return new RatePosterior(info.counts().getOrDefault(indicatorId, 0) + BaselineDerivation.PSEUDO_COUNT,
                    info.quarters());
        }
        return judgement(profile.baseline(indicatorId));
    }

    /** The posterior of a judgement rate (mean kept at the judged rate). */
    public static RatePosterior judgement(double ratePerQuarter) {
        double shape = Math.max(SMALLEST_SHAPE, JUDGEMENT_QUARTERS * ratePerQuarter);
        return new RatePosterior(shape, shape / ratePerQuarter);
    }

    /** The posterior mean, per quarter. */
    public double mean() {
        return shape / rate;
    }

    /** The p-quantile of the rate, per quarter (0 &lt; p &lt; 1). */
    public double quantile(double p) {
        if (!(p > 0) || !(p < 1)) {
            throw new IllegalArgumentException("p must be in (0, 1), got " + p);
        }
        double lo = 0;
        double hi = Math.max(1, 10 * shape);
        while (regularizedGammaP(shape, hi) < p) {
            hi *= 2;
        }
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (regularizedGammaP(shape, mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2 / rate;
    }

    /** P(a, x), the regularized lower incomplete gamma function (series below a + 1, continued fraction above). */
    static double regularizedGammaP(double a, double x) {
        if (x <= 0) {
            return 0;
        }
        double logPrefix = a * Math.log(x) - x - logGamma(a);
        if (x < a + 1) {
            double term = 1 / a;
            double sum = term;
            for (int n = 1; n < 1000; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * 1e-15) {
                    break;
                }
            }
            return sum * Math.exp(logPrefix);
        }
        double b = x + 1 - a;
        double c = 1e300;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 1000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < 1e-300 ? 1e-300 : d;
            c = b + an / c;
            c = Math.abs(c) < 1e-300 ? 1e-300 : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-15) {
                break;
            }
        }
        return 1 - Math.exp(logPrefix) * h;
    }

    private static double logGamma(double x) {
        return io.dyadwatch.catalog.model.PoissonMath.logGamma(x);
    }
}
