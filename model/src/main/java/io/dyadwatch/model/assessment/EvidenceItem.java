package io.dyadwatch.model.assessment;

import io.dyadwatch.model.event.Event;
import java.time.Instant;
import java.util.Objects;

/**
 * One event cited as evidence by an assessment or an alert: enough for a watch officer to judge it and
 * find the report.
 *
 * @param id            the event id
 * @param type          event type name
 * @param occurredAt    when it happened
 * @param summary       the event's summary (untrusted text: escape when rendering)
 * @param sourceName    who reported it
 * @param url           where to check it, or null
 * @param grade         Admiralty grade, like B2
 * @param corroboration number of independent sources behind it (1 when uncorroborated)
 */
public record EvidenceItem(String id, String type, Instant occurredAt, String summary, String sourceName, String url,
        String grade, int corroboration) {

    public EvidenceItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(grade, "grade");
        summary = summary == null ? "" : summary;
        if (corroboration < 1) {
            throw new IllegalArgumentException("corroboration must be at least 1, got " + corroboration);
        }
    }

    /** The evidence entry for an uncorroborated event. */
    public static EvidenceItem of(Event event) {
        return new EvidenceItem(event.id(), event.type().name(), event.occurredAt(), event.summary(),
                event.source().name(), event.source().url(), event.source().grade().toString(), 1);
    }
}
