package io.dyadwatch.alerts.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.alert.AlertStatus;
import io.dyadwatch.model.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Delivers to Alertmanager's API v2 ({@code POST {url}/api/v2/alerts}), the way Prometheus does: a firing
 * alert is sent with endsAt = now + 4 x the resend interval and re-sent every interval while it fires, so
 * Alertmanager keeps it active and times it out by itself if DyadWatch goes away; a resolution is sent once,
 * with endsAt = the alert's endsAt.
 *
 * <p>The firing alerts by fingerprint are kept in memory. They are rebuilt at start-up by the runner, which
 * replays the alerts topic from the beginning through {@link #restore} (the topic is the only durable state:
 * nothing else to keep consistent with it).
 */
public final class AlertmanagerSink implements ResendingSink {

    /** The sink's name: metric tag and consumer group suffix. */
    public static final String NAME = "alertmanager";
    /** How many resend intervals ahead a firing alert's endsAt lies. */
    public static final int ENDS_AT_INTERVALS = 4;

    private final SinkEndpoint endpoint;
    private final AlertPayloads payloads;
    private final Duration resendInterval;
    private final Transport transport;
    private final Clock clock;
    private final Map<String, Alert> firing = new LinkedHashMap<>();
    private Instant nextResend = Instant.MIN;

    /**
     * @param alertmanager   Alertmanager's base URL
     * @param payloads       labels and annotations
     * @param resendInterval how often firing alerts are re-sent
     * @param transport      HTTP
     * @param clock          for endsAt and the resend schedule
     */
    public AlertmanagerSink(SinkEndpoint alertmanager, AlertPayloads payloads, Duration resendInterval, Transport transport,
            Clock clock) {
        this.endpoint = alertmanager.resolve("/api/v2/alerts");
        this.payloads = Objects.requireNonNull(payloads, "payloads");
        this.resendInterval = Objects.requireNonNull(resendInterval, "resendInterval");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void deliver(List<Alert> alerts) throws IOException, InterruptedException {
        // Labels are the identity in Alertmanager: of several records of one alert, only the latest counts.
        Map<String, Alert> latest = new LinkedHashMap<>();
        alerts.forEach(alert -> latest.put(alert.fingerprint(), alert));
        post(latest.values(), clock.instant());
        latest.values().forEach(this::restore);
    }

    @Override
    public void restore(Alert alert) {
        if (alert.status() == AlertStatus.FIRING) {
            firing.put(alert.fingerprint(), alert);
        } else {
            firing.remove(alert.fingerprint());
        }
    }

    @Override
    public void resendIfDue(Instant now) throws IOException, InterruptedException {
        if (firing.isEmpty() || now.isBefore(nextResend)) {
            return;
        }
        post(firing.values(), now);
        nextResend = now.plus(resendInterval);
    }

    /** The firing alerts this sink keeps re-sending. */
    public Collection<Alert> firing() {
        return List.copyOf(firing.values());
    }

    /** The request body for these alerts at this time. */
    public byte[] body(Collection<Alert> alerts, Instant now) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Alert alert : alerts) {
            array.add(payloads.apiAlert(alert, endsAt(alert, now)));
        }
        try {
            return Json.MAPPER.writeValueAsBytes(array);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a JSON tree", e);
        }
    }

    /** endsAt as sent: ahead of now while firing, the alert's own once resolved. */
    public Instant endsAt(Alert alert, Instant now) {
        return alert.status() == AlertStatus.FIRING
                ? now.plus(resendInterval.multipliedBy(ENDS_AT_INTERVALS))
                : alert.endsAt();
    }

    private void post(Collection<Alert> alerts, Instant now) throws IOException, InterruptedException {
        if (!alerts.isEmpty()) {
            transport.postJson(endpoint, body(alerts, now));
        }
    }
}
