package io.dyadwatch.model.assessment;

import io.dyadwatch.model.event.Event;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One event cited as evidence by an assessment or an alert: enough for a watch officer to judge it and
 * find the report. When several sources reported the same event, it carries the best grade and the count.
 *
 * @param id            the event id (the first report's, when several were merged)
 * @param type          event type name
 * @param occurredAt    when it happened
 * @param summary       the event's summary (untrusted text: escape when rendering)
 * @param sourceName    who reported it (the best-graded source)
 * @param url           where to check it, or null
 * @param grade         Admiralty grade of the best source, like B2
 * @param corroboration number of independent sources behind it (1 when uncorroborated)
 * @param indicators    the catalog indicators it counts for
 */
public record EvidenceItem(String id, String type, Instant occurredAt, String summary, String sourceName, String url,
        String grade, int corroboration, List<String> indicators) {

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
        indicators = List.copyOf(indicators == null ? List.of() : indicators);
    }

    /** The evidence entry for one uncorroborated event. */
    public static EvidenceItem of(Event event, List<String> indicators) {
        return new EvidenceItem(event.id(), event.type().name(), event.occurredAt(), event.summary(),
                event.source().name(), event.source().url(), event.source().grade().toString(), 1, indicators);
    }
}
