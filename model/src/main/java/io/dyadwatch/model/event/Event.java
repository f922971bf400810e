package io.dyadwatch.model.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A reported event in the DyadWatch event contract, version 1 (see {@code docs/event-contract.md} and
 * {@code model/src/main/resources/schema/event-v1.schema.json}). Instances are valid by construction.
 *
 * @param id         unique within its source; the de-duplication key
 * @param type       what happened
 * @param actors     two or more distinct ISO 3166 alpha-3 codes, initiator first where meaningful
 * @param occurredAt when it happened (a date is read as its start, UTC)
 * @param reportedAt when it was reported, or null
 * @param source     who reported it, with the Admiralty grade
 * @param attributes type-specific details (exercise name, location, systems, ...); deeply unmodifiable
 * @param summary    free text, possibly empty, never null
 * @param channel    the evidence channel the report came from ({@link Channels}): its collection process, to whose
 *                   coverage and baselines it belongs; never null (a report that does not say gets its producer's
 *                   default, {@link Channels#CURATED} for analysts' reports, HTTP and any Kafka client)
 */
public record Event(
        String id,
        EventType type,
        List<String> actors,
        Instant occurredAt,
        Instant reportedAt,
        Source source,
        Map<String, Object> attributes,
        String summary,
        String channel) {

    public Event {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actors, "actors");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(source, "source");
        if (new LinkedHashSet<>(actors).size() != actors.size()) {
            throw new IllegalArgumentException("actors must be distinct, got " + actors);
        }
        if (actors.size() < 2) {
            throw new IllegalArgumentException("an event needs two or more actors, got " + actors);
        }
        for (String actor : actors) {
            if (!CountryCodes.isKnown(actor)) {
                throw new IllegalArgumentException("unknown ISO 3166 alpha-3 country code '" + actor + "'");
            }
        }
        actors = List.copyOf(actors);
        attributes = attributes == null ? Map.of() : deepUnmodifiable(attributes);
        summary = summary == null ? "" : summary;
        channel = Channels.require(channel);
    }

    /** An event of the {@link Channels#CURATED} channel (analysts' reports: the default of every producer that does not say). */
    public Event(String id, EventType type, List<String> actors, Instant occurredAt, Instant reportedAt, Source source,
            Map<String, Object> attributes, String summary) {
        this(id, type, actors, occurredAt, reportedAt, source, attributes, summary, Channels.CURATED);
    }

    /** The dyad (or group) of all this event's actors: its record key. */
    public Dyad dyad() {
        return Dyad.of(actors);
    }

    /** A copy with another source (used when reports are merged). */
    public Event withSource(Source newSource) {
        return new Event(id, type, actors, occurredAt, reportedAt, newSource, attributes, summary, channel);
    }

    /** A copy in another evidence channel (a file's span line, an importer's channel). */
    public Event withChannel(String newChannel) {
        return new Event(id, type, actors, occurredAt, reportedAt, source, attributes, summary, newChannel);
    }

    /** A string attribute, or null when absent or not a string. */
    public String attribute(String name) {
        Object value = attributes.get(name);
        return value instanceof String s ? s : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepUnmodifiable(Map<String, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "attribute name"), deepValue(v)));
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object deepValue(Object value) {
        if (value instanceof Map<?, ?> m) {
            return deepUnmodifiable((Map<String, ?>) m);
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(v -> copy.add(deepValue(v)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
