package io.dyadwatch.app.wiring;

import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.settings.CommonSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The latest state of every alert, read from the alerts topic (committed records only, from the beginning),
 * for the query API and the watch floor: firing and recently resolved alerts, newest first. Keeps at most
 * {@value #CAPACITY} alerts, dropping the oldest resolved ones first.
 */
public final class AlertFeed implements AutoCloseable {

    static final int CAPACITY = 500;

    private final AlertReader reader;
    private final Map<String, Alert> byFingerprint = new LinkedHashMap<>();
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);

    public AlertFeed(CommonSettings common, Map<String, Object> overrides) {
        this.reader = new AlertReader(common, overrides, AlertReader.From.BEGINNING);
        this.thread = new Thread(this::loop, "dyadwatch-alert-feed");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Alerts newest first (by start, then end), optionally only one status or dyad. */
    public synchronized List<Alert> alerts(String status, String dyad) {
        List<Alert> list = new ArrayList<>(byFingerprint.values());
        list.removeIf(a -> (status != null && !a.status().name().equalsIgnoreCase(status))
                || (dyad != null && !a.dyad().equals(dyad)));
        list.sort(Comparator.comparing((Alert a) -> a.endsAt() == null ? a.startsAt() : a.endsAt()).reversed());
        return list;
    }

    private void loop() {
        try {
            while (running.get()) {
                reader.poll(Duration.ofMillis(200), this::remember);
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            reader.close();
        }
    }

    private synchronized void remember(Alert alert) {
        byFingerprint.remove(alert.fingerprint());
        byFingerprint.put(alert.fingerprint(), alert);
        if (byFingerprint.size() > CAPACITY) {
            String oldest = byFingerprint.entrySet().stream()
                    .filter(e -> e.getValue().status() != io.dyadwatch.model.alert.AlertStatus.FIRING)
                    .map(Map.Entry::getKey).findFirst()
                    .orElse(byFingerprint.keySet().iterator().next());
            byFingerprint.remove(oldest);
        }
    }

    @Override
    public void close() {
        running.set(false);
        reader.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
