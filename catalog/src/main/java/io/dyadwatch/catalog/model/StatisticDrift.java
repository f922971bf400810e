package io.dyadwatch.catalog.model;

import java.util.Objects;

/**
 * The status-quo drift of one monitored statistic (its expected log-likelihood ratio per quarter) and how likely a
 * rate error within what the reference window allows turns it upward (detection.md, "Baselines are estimates": a
 * CUSUM drifting up under the status quo crosses any threshold in time).
 *
 * @param statistic         {@code whole WEAKENING}, {@code family patrols STRENGTHENING}, {@code generic patrols RISE}
 * @param drift             expected increment per quarter at the stored baselines (negative: it falls back to 0)
 * @param upwardProbability the probability that the drift is positive when the true rates are drawn from the
 *                          baselines' posterior
 * @param monitored         false when that probability exceeds the false-alarm budget: the statistic cannot hold its
 *                          share of the budget at a useful threshold and is dropped
 */
public record StatisticDrift(String statistic, double drift, double upwardProbability, boolean monitored) {

    public StatisticDrift {
        Objects.requireNonNull(statistic, "statistic");
        if (!(upwardProbability >= 0) || upwardProbability > 1) {
            throw new IllegalArgumentException("upward probability must be in [0, 1], got " + upwardProbability);
        }
    }
}
