package io.dyadwatch.alerts.sink;

import io.dyadwatch.model.alert.Alert;
import java.io.IOException;
import java.time.Instant;

/**
 * A sink that keeps the currently firing alerts and re-sends them periodically (Alertmanager forgets an alert
 * whose endsAt has passed). Before delivery starts, its {@link SinkRunner} replays the alerts topic from the
 * beginning through {@link #restore}, so a restart neither forgets a firing alert nor re-delivers it as new.
 */
public interface ResendingSink extends AlertSink {

    /** Takes note of an alert already on the topic, without delivering it (rebuilding state at start-up). */
    void restore(Alert alert);

    /**
     * Re-sends the firing alerts if the resend interval has passed since the last successful re-send; called
     * often by the runner's thread.
     *
     * @throws IOException when the re-send failed; it is attempted again on a later call
     */
    void resendIfDue(Instant now) throws IOException, InterruptedException;
}
