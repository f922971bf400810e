package io.dyadwatch.alerts;

import io.dyadwatch.model.alert.Alert;
import java.util.Objects;

/**
 * The lifecycle state of one alert (rule, dyad, subject), kept in a state store so a restart neither loses
 * nor repeats an alert.
 *
 * @param alert        the alert as it fired, or as it will fire once pending ends
 * @param firing       false while pending (the condition holds, its for-duration has not passed)
 * @param pendingSince processing time the condition started to hold, epoch milliseconds
 * @param period       the period of the event a signature alert is about, else the period it fired in
 */
record AlertState(Alert alert, boolean firing, long pendingSince, String period) {

    AlertState {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(period, "period");
    }
}
