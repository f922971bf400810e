package io.dyadwatch.model.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dyadwatch.model.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Writes events in the contract's JSON form, and reads back events DyadWatch itself wrote. The written form always
 * names the event's {@code channel}, so a report's channel travels with it to the topic; a stored event that names
 * none (written before the field existed) reads as {@link Channels#CURATED}.
 */
public final class EventJson {

    /** Reads stored events: the contract's checks, but no record-size or future-date limits. */
    private static final EventContract STORED = new EventContract(
            Integer.MAX_VALUE, Duration.ofDays(365L * 10_000), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    private EventJson() {
    }

    /** The event as a JSON object in the contract's form. */
    public static ObjectNode toTree(Event event) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("id", event.id());
        root.put("type", event.type().name());
        ArrayNode actors = root.putArray("actors");
        event.actors().forEach(actors::add);
        root.put("occurredAt", event.occurredAt().toString());
        if (event.reportedAt() != null) {
            root.put("reportedAt", event.reportedAt().toString());
        }
        ObjectNode source = root.putObject("source");
        source.put("name", event.source().name());
        if (event.source().url() != null) {
            source.put("url", event.source().url());
        }
        source.put("reliability", String.valueOf(event.source().grade().reliability()));
        source.put("credibility", event.source().grade().credibility());
        if (!event.attributes().isEmpty()) {
            root.set("attributes", Json.MAPPER.valueToTree(event.attributes()));
        }
        if (!event.summary().isEmpty()) {
            root.put("summary", event.summary());
        }
        root.put("channel", event.channel());
        return root;
    }

    /** One line of JSON, no trailing newline. */
    public static String toJson(Event event) {
        try {
            return Json.MAPPER.writeValueAsString(toTree(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event.id(), e);
        }
    }

    /** UTF-8 bytes of {@link #toJson(Event)}. */
    public static byte[] toBytes(Event event) {
        return toJson(event).getBytes(StandardCharsets.UTF_8);
    }

    /** Reads an event DyadWatch wrote; throws IllegalArgumentException with the rejection otherwise. */
    public static Event fromBytes(byte[] bytes) {
        ContractResult result = STORED.check(bytes);
        if (result instanceof ContractResult.Accepted accepted) {
            return accepted.event();
        }
        throw new IllegalArgumentException("not a valid stored event: " + ((ContractResult.Rejected) result).rejection());
    }
}
