package io.dyadwatch.alerts;

import io.dyadwatch.model.alert.Alert;

/** Where the alert rules send an alert that fired or resolved: the analyst forwards it to {@code dyadwatch.alerts}. */
@FunctionalInterface
public interface AlertOutlet {

    /**
     * @param alert     the alert, keyed by its fingerprint downstream
     * @param timestamp the timestamp of the input record that caused it
     */
    void publish(Alert alert, long timestamp);
}
