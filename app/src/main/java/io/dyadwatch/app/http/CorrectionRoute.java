package io.dyadwatch.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.dyadwatch.model.correction.Correction;
import io.dyadwatch.model.json.Json;
import io.dyadwatch.producer.PublishException;
import io.dyadwatch.producer.correction.CorrectionPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * {@code POST /v1/corrections}: an analyst's correction of a published event, as JSON
 * {@code {"eventId":"gdelt:1","dyad":"CHN-RUS","action":"retract","reason":"..."}} or with
 * {@code "action":"regrade","grade":"C3"}. 202 with the correction as published to {@code dyadwatch.corrections}
 * (keyed by the dyad, like the event); 400 {@code invalid-parameter} naming the field that is wrong; 401 without the
 * ingest token when one is set; 413, 415 as for events; 503 when Kafka did not acknowledge it. Counted as
 * {@code dyadwatch.http.corrections} by outcome.
 */
public final class CorrectionRoute implements HttpHandler {

    private static final Set<String> FIELDS = Set.of("eventId", "dyad", "action", "grade", "reason");

    private final CorrectionPublisher publisher;
    private final RequestGuard guard;
    private final int maxBodyBytes;
    private final MeterRegistry registry;
    private final Clock clock;

    /** @param token the bearer token required (the ingest token), or null for open access */
    public CorrectionRoute(CorrectionPublisher publisher, int maxBodyBytes, String token, MeterRegistry registry,
            Clock clock) {
        this.publisher = publisher;
        this.guard = new RequestGuard(token);
        this.maxBodyBytes = maxBodyBytes;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        byte[] body = PostedJson.body(exchange, guard, maxBodyBytes, "the correction", this::count);
        if (body == null) {
            return;
        }
        Correction correction;
        try {
            correction = parse(body);
        } catch (IllegalArgumentException e) {
            count("invalid");
            Problem.INVALID_PARAMETER.respond(exchange, e.getMessage());
            return;
        }
        try {
            publisher.publish(correction, Duration.ofSeconds(30));
        } catch (PublishException e) {
            count("failed");
            Problem.BROKER_UNAVAILABLE.respond(exchange, "Kafka did not acknowledge the correction; retry");
            return;
        }
        count("accepted");
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.put("status", "accepted");
        response.set("correction", Json.MAPPER.valueToTree(correction));
        HttpApi.respond(exchange, 202, "application/json", Json.MAPPER.writeValueAsString(response));
    }

    /**
     * Reads a correction request.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    Correction parse(byte[] body) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("the body cannot be read");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("the body must be one JSON object {eventId, dyad, action, reason[, grade]}");
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "' (allowed: " + String.join(", ",
                        new java.util.TreeSet<>(FIELDS)) + ")");
            }
        }
        String action = text(object, "action", true).toUpperCase(Locale.ROOT);
        Correction.Action parsed;
        try {
            parsed = Correction.Action.valueOf(action);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'action' must be retract or regrade, got '" + action.toLowerCase(Locale.ROOT)
                    + "'");
        }
        return new Correction(text(object, "eventId", true), text(object, "dyad", true), parsed,
                text(object, "grade", false), text(object, "reason", true), clock.instant());
    }

    private static String text(ObjectNode object, String field, boolean required) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException("required field '" + field + "' is missing");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return value.asText();
    }

    private void count(String outcome) {
        Counter.builder("dyadwatch.http.corrections").description("Corrections posted to /v1/corrections, by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }
}
