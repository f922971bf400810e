package io.dyadwatch.app.backtest;

import io.dyadwatch.model.alert.Alert;
import java.time.Instant;
import java.util.Objects;

/**
 * An alert that would have fired during the replay, placed in event time.
 *
 * @param alert          the alert as the alert rules published it (evidence, rationale, probabilities)
 * @param period         the period of the assessment that fired it
 * @param firedAt        event time of the report that fired it
 * @param resolvedPeriod the period in which it resolved, or null if it was still firing at the end of the replay
 * @param resolvedAt     event time of the resolution, or null
 * @param resolution     why it resolved, or null
 */
public record BacktestAlert(Alert alert, String period, Instant firedAt, String resolvedPeriod, Instant resolvedAt,
        String resolution) {

    public BacktestAlert {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(firedAt, "firedAt");
    }

    BacktestAlert resolved(String inPeriod, Instant at, String why) {
        return new BacktestAlert(alert, period, firedAt, inPeriod, at, why);
    }
}
