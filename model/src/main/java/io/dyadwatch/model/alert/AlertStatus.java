package io.dyadwatch.model.alert;

/** Lifecycle state of an alert. */
public enum AlertStatus {
    FIRING, RESOLVED
}
