package io.dyadwatch.model.alert;

/** How urgently a watch officer should look. */
public enum Severity {
    INFO, WARNING, CRITICAL
}
