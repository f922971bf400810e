package io.dyadwatch.catalog.model;

/**
 * Negative-binomial counts with mean {@code e λ} and size {@code e k} over an exposure of e periods (the sum of
 * independent periods stays in the family; k infinite is the Poisson). Var = mean + mean² / size.
 */
public final class NegativeBinomial {

    private NegativeBinomial() {
    }

    /**
     * The per-event part of the log-likelihood ratio of rate {@code rate1} against {@code rate0} (per period, same
     * size k): {@code ln( rate1 (k + rate0) / (rate0 (k + rate1)) )}; for infinite k, {@code ln(rate1 / rate0)}.
     */
    public static double perEvent(double rate0, double rate1, double size) {
        double poisson = Math.log(rate1 / rate0);
        return Double.isInfinite(size) ? poisson : poisson + Math.log((size + rate0) / (size + rate1));
    }

    /**
     * The per-period part of the log-likelihood ratio: {@code k ln((k + rate0) / (k + rate1))}; for infinite k,
     * {@code -(rate1 - rate0)}.
     */
    public static double perPeriod(double rate0, double rate1, double size) {
        return Double.isInfinite(size) ? -(rate1 - rate0) : size * Math.log1p((rate0 - rate1) / (size + rate1));
    }

    /**
     * The log-likelihood ratio of a count n over exposure e of rate {@code rate1} against {@code rate0}:
     * {@code n perEvent + e perPeriod}, the formula of docs/model.md with mean e·rate and size e·k.
     */
    public static double logLikelihoodRatio(double count, double exposure, double rate0, double rate1, double size) {
        return count * perEvent(rate0, rate1, size) + exposure * perPeriod(rate0, rate1, size);
    }

    /**
     * ln P(N = n) for mean {@code e rate} and size {@code e k} (continuous in n through Γ):
     * {@code ln Γ(n + ek) - ln Γ(ek) - ln n! + ek ln(k / (k + rate)) + n ln(rate / (k + rate))}; Poisson for infinite k.
     */
    public static double logPmf(double count, double exposure, double rate, double size) {
        if (Double.isInfinite(size)) {
            return PoissonMath.logPmf(count, exposure * rate);
        }
        double r = exposure * size;
        return PoissonMath.logGamma(count + r) - PoissonMath.logGamma(r) - PoissonMath.logFactorial(count)
                + r * Math.log(size / (size + rate)) + count * Math.log(rate / (size + rate));
    }
}
