package io.dyadwatch.alerts.sink;

import java.io.IOException;

/** The receiver refused the content (HTTP 400, 413, 422): sending the same again would fail again. */
public final class RejectedException extends IOException {
    private static final long serialVersionUID = 1L;

    public RejectedException(String message) {
        super(message);
    }
}
