package io.dyadwatch.catalog;

import io.dyadwatch.model.event.EventType;
import java.util.Map;
import java.util.Objects;

/**
 * A typical event of an indicator: what the simulator emits, and a check that the matcher means what its author thinks.
 *
 * @param type       event type
 * @param attributes event attributes (unmodifiable)
 * @param summary    summary text
 */
public record IndicatorExample(EventType type, Map<String, Object> attributes, String summary) {

    public IndicatorExample {
        Objects.requireNonNull(type, "type");
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        summary = summary == null ? "" : summary;
    }
}
