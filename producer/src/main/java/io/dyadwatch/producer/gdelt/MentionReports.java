package io.dyadwatch.producer.gdelt;

import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.Grade;
import io.dyadwatch.model.event.Source;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns later mentions of GDELT events into corroborating reports of those events (the story spreading), never new
 * events: a mention of an event this feed published, from a source that event has not had yet, becomes a report with
 * the event's type, actors, day and attributes, its own source, id {@code <event id>:m:<source>} (stable, so a
 * re-read adds nothing) and attribute {@code reportOf} naming the event it reports. Mentions of events it does not
 * know (not watched, not mapped, or published before it started) and repeats from a known source are skipped.
 *
 * <p>Remembers the events it was given, at most {@code capacity}, forgetting the oldest. Not thread-safe.
 */
public final class MentionReports {

    /** The attribute naming the event a report is another report of. */
    public static final String REPORT_OF = "reportOf";

    private final int capacity;
    private final Map<String, Known> events;

    private record Known(Event event, Set<String> sources) {
    }

    /** @param capacity how many events to remember (a mention later than that is skipped) */
    public MentionReports(int capacity) {
        this.capacity = capacity;
        this.events = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
                return size() > MentionReports.this.capacity;
            }
        };
    }

    /** Remembers an event the feed published (a GDELT event, id {@code gdelt:<GLOBALEVENTID>}). */
    public void published(Event event) {
        if (event.id().startsWith("gdelt:") && event.attribute(REPORT_OF) == null) {
            Set<String> sources = new HashSet<>();
            sources.add(normalise(event.source().name()));
            events.putIfAbsent(event.id().substring("gdelt:".length()), new Known(event, sources));
        }
    }

    /** The corroborating report a mention makes, or empty when it makes none. */
    public Optional<Event> report(GdeltMention mention) {
        Known known = events.get(mention.globalEventId());
        String source = normalise(mention.sourceName());
        if (known == null || source.isEmpty() || !known.sources().add(source)) {
            return Optional.empty();
        }
        Event event = known.event();
        Map<String, Object> attributes = new LinkedHashMap<>(event.attributes());
        attributes.put(REPORT_OF, event.id());
        attributes.put("mentionConfidence", mention.confidence());
        attributes.put("inRawText", mention.inRawText());
        String url = GdeltEvents.host(mention.identifier()) == null ? null : mention.identifier();
        // one more source, machine-coded: reliability cannot be judged, doubtful on its own; corroboration comes
        // from the topology counting independent sources, not from this grade
        Source reporter = new Source(source, url, new Grade(GdeltEvents.RELIABILITY, 4));
        return Optional.of(new Event(event.id() + ":m:" + source, event.type(), event.actors(), event.occurredAt(),
                mention.mentionTime(), reporter, attributes, "Later report of " + event.id() + " by " + source + ": "
                + event.summary(), event.channel()));
    }

    private static String normalise(String source) {
        String s = source.trim().toLowerCase(Locale.ROOT);
        return s.startsWith("www.") ? s.substring(4) : s;
    }
}
