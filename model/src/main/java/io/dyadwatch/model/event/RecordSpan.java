package io.dyadwatch.model.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dyadwatch.model.json.Json;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a record file says of itself on its first line: the days it covers, so that absence of reports in them is
 * evidence, and optionally the evidence channel of its events. A JSON Lines record file (the bundled records, an
 * analyst's file) may start with one line of the form
 *
 * <pre>{"covers":"2016-01-01..2025-12-31","channel":"curated"}</pre>
 *
 * <p>an object without an {@code id} (so it can never be mistaken for an event), with {@code covers} required and
 * {@code channel} optional, and no other key. Every reader of record files (publish, backtest, demo, baseline
 * derivation) reads it through {@link #parse(String)}: a file without it states nothing, and its events cover only
 * what their sender declares.
 *
 * @param covers  the days the file's collection covers
 * @param channel the evidence channel of its events, or null when the line does not say (each event's own or the
 *                producer's default then holds)
 */
public record RecordSpan(Coverage covers, String channel) {

    private static final Set<String> KEYS = Set.of("covers", "channel");

    public RecordSpan {
        Objects.requireNonNull(covers, "covers");
        if (channel != null) {
            channel = Channels.require(channel);
        }
    }

    /**
     * Reads a file's first line.
     *
     * @return the span it states, or empty when the line is not a span line (an event, or anything else: the
     *         event contract then judges it)
     * @throws IllegalArgumentException when the line is a span line (a JSON object with {@code covers} and no
     *                                  {@code id}) that is malformed: an unknown key, a bad coverage or channel
     */
    public static Optional<RecordSpan> parse(String firstLine) {
        if (firstLine == null || !firstLine.contains("\"covers\"")) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(firstLine);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (!(node instanceof ObjectNode object) || object.has("id") || !object.has("covers")) {
            return Optional.empty();
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new IllegalArgumentException("the record's span line has an unknown key '" + name
                        + "' (allowed: covers, channel)");
            }
        }
        JsonNode covers = object.get("covers");
        JsonNode channel = object.get("channel");
        if (!covers.isTextual()) {
            throw new IllegalArgumentException("the record's span line: covers must be a string FROM..TO");
        }
        if (channel != null && !channel.isTextual()) {
            throw new IllegalArgumentException("the record's span line: channel must be a string");
        }
        return Optional.of(new RecordSpan(Coverage.parse(covers.asText()),
                channel == null ? null : channel.asText()));
    }

    /** The line that states this span (what {@link #parse(String)} reads back). */
    public String line() {
        return channel == null ? "{\"covers\":\"" + covers + "\"}"
                : "{\"covers\":\"" + covers + "\",\"channel\":\"" + channel + "\"}";
    }
}
