package io.dyadwatch.alerts.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dyadwatch.alerts.Fingerprint;
import io.dyadwatch.model.alert.Alert;
import io.dyadwatch.model.alert.AlertStatus;
import io.dyadwatch.model.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Delivers to one webhook with the Alertmanager webhook payload (version 4), so receivers written for
 * Alertmanager work unchanged. One request per alert record, each its own group: a receiver sees every
 * transition (firing, then resolved) once per delivery, and can de-duplicate by fingerprint and status.
 * Each webhook URL gets its own sink and runner, so one receiver's outage never delays another.
 */
public final class WebhookSink implements AlertSink {

    /** The payload version of the Alertmanager webhook convention. */
    public static final String VERSION = "4";
    /** The receiver name sent in payloads. */
    public static final String RECEIVER = "dyadwatch";

    private final SinkEndpoint endpoint;
    private final AlertPayloads payloads;
    private final Transport transport;
    private final String name;

    public WebhookSink(SinkEndpoint endpoint, AlertPayloads payloads, Transport transport) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.payloads = Objects.requireNonNull(payloads, "payloads");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.name = nameFor(endpoint);
    }

    /**
     * {@code webhook-} and 8 hex digits of a hash of the URL: stable across restarts and reordering of the
     * list (so the consumer group keeps its offsets) and revealing nothing of a token in the URL.
     */
    public static String nameFor(SinkEndpoint endpoint) {
        return "webhook-" + Fingerprint.of("webhook", endpoint.uri().toString()).substring(0, 8);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(List<Alert> alerts) throws IOException, InterruptedException {
        for (Alert alert : alerts) {
            transport.postJson(endpoint, body(alert));
        }
    }

    /** The version-4 payload of one alert. */
    public byte[] body(Alert alert) {
        try {
            return Json.MAPPER.writeValueAsBytes(payload(alert));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a JSON tree", e);
        }
    }

    ObjectNode payload(Alert alert) {
        Map<String, String> labels = payloads.labels(alert);
        Map<String, String> groupLabels = new LinkedHashMap<>(labels);
        groupLabels.remove("severity");
        String status = alert.status().name().toLowerCase(Locale.ROOT);

        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("status", status);
        item.set("labels", AlertPayloads.strings(labels));
        item.set("annotations", AlertPayloads.strings(payloads.annotations(alert)));
        item.put("startsAt", AlertPayloads.time(alert.startsAt()));
        item.put("endsAt", alert.status() == AlertStatus.RESOLVED ? AlertPayloads.time(alert.endsAt())
                : AlertPayloads.ZERO_TIME);
        item.put("generatorURL", payloads.generatorUrl());
        item.put("fingerprint", alert.fingerprint());

        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("version", VERSION);
        payload.put("groupKey", "{}:" + render(groupLabels));
        payload.put("truncatedAlerts", 0);
        payload.put("status", status);
        payload.put("receiver", RECEIVER);
        payload.set("groupLabels", AlertPayloads.strings(groupLabels));
        payload.set("commonLabels", AlertPayloads.strings(labels));
        payload.set("commonAnnotations", AlertPayloads.strings(payloads.annotations(alert)));
        payload.put("externalURL", payloads.generatorUrl());
        payload.putArray("alerts").add(item);
        return payload;
    }

    /** Like Alertmanager's group key: {@code {alertname="x", dyad="y"}}, names sorted. */
    private static String render(Map<String, String> labels) {
        return labels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + quote(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
