package io.dyadwatch.alerts.sink;

import io.dyadwatch.model.alert.Alert;
import java.io.IOException;
import java.util.List;

/**
 * Somewhere alerts are delivered to (Alertmanager, webhooks). A {@link SinkRunner} feeds it from the alerts
 * topic, in topic order per fingerprint, on its own thread, and commits offsets only after {@link #deliver}
 * returned normally.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #deliver} delivers the whole batch or throws; it returns only once the receiver accepted it.</li>
 *   <li>It throws {@link RejectedException} when the receiver refuses the content itself (retrying cannot
 *       help), and any other {@link IOException} when the receiver is unreachable or failing (retrying may).</li>
 *   <li>The same alert may be delivered again (after a failure, a restart or a rebalance): receivers must
 *       treat a repeated delivery as idempotent, as Alertmanager does by labels and webhook receivers may by
 *       fingerprint and status.</li>
 *   <li>Implementations are called from one thread only and need not be thread-safe.</li>
 * </ul>
 */
public interface AlertSink extends AutoCloseable {

    /** Short, stable, lower-case name: metric tag and consumer group suffix ({@code alertmanager}, {@code webhook}). */
    String name();

    /**
     * Delivers the alerts, in order.
     *
     * @throws RejectedException    when the receiver refuses the content (bad request)
     * @throws IOException          when the receiver cannot be reached or fails; the batch is retried
     * @throws InterruptedException when the runner is stopping
     */
    void deliver(List<Alert> alerts) throws IOException, InterruptedException;

    /** Releases resources; the default has none. */
    @Override
    default void close() {
    }
}
