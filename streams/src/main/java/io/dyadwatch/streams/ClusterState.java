package io.dyadwatch.streams;

import io.dyadwatch.catalog.counting.Confirmation;
import io.dyadwatch.model.assessment.EvidenceItem;
import io.dyadwatch.model.assessment.Period;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.Grade;
import io.dyadwatch.model.event.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One real-world event as DyadWatch knows it: every report of it merged, by whom it was reported, and the
 * weight it carries. Reports by the same source do not add weight (one story repeated); each independent
 * source can confirm it. An event counts once for its indicators when it is confirmed ({@link Confirmation}: a
 * report graded A or B with credibility 1 or 2, or two independent sources), and not at all before: grade decides
 * whether an event counts, never how much.
 *
 * @param id         the first report's event id
 * @param type       event type name
 * @param occurredAt the first report's date
 * @param period     the period of {@code occurredAt} (of the first report: a later, earlier-dated report does
 *                   not move the event to another period)
 * @param name       normalised exercise or patrol name, or null
 * @param location   normalised location, or null
 * @param summary    the first report's summary
 * @param sources    one entry per source name, best grade kept
 * @param reportIds  the first {@value #KEPT_REPORT_IDS} reports' event ids (state stays bounded however often a story repeats)
 * @param reports    how many reports were merged
 * @param indicators catalog indicators it counts for
 * @param weight     what it adds to its indicators' counts: 1 once confirmed and weighed, 0 before
 * @param firstSeen  processing time of the first report, epoch milliseconds (for retention)
 * @param weighed    true when one of its reports came from a weighed evidence channel ({@link EvidenceChannels}):
 *                   an event only other channels reported is shown and corroborates, but is never counted
 */
record ClusterState(String id, String type, Instant occurredAt, Period period, String name, String location,
        String summary, List<SourceRef> sources, List<String> reportIds, long reports, List<String> indicators,
        double weight, long firstSeen, boolean weighed) {

    /** Runs of characters other than letters and digits (compiled once: this runs several times per event). */
    private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Report ids kept per event. */
    static final int KEPT_REPORT_IDS = 20;
    /** Sources kept per event (the best-graded ones count for the weight). */
    static final int KEPT_SOURCES = 20;

    /** A source of a report: name, link, grade (text, like B2). */
    record SourceRef(String name, String url, String grade) {
    }

    ClusterState {
        Objects.requireNonNull(id, "id");
        sources = List.copyOf(sources);
        reportIds = List.copyOf(reportIds);
        indicators = List.copyOf(indicators);
    }

    static ClusterState first(Event event, Period period, List<String> indicators, long now) {
        boolean weighed = EvidenceChannels.weighed(event.channel());
        return new ClusterState(event.id(), event.type().name(), event.occurredAt(), period,
                normalised(event.attribute("name")), normalised(event.attribute("location")), event.summary(),
                List.of(ref(event.source())), List.of(event.id()), 1, indicators,
                weighed && Confirmation.isConfirmed(event.source().grade(), 1) ? 1.0 : 0.0, now, weighed);
    }

    /**
     * True when the event reports the same real-world event: same type, and the same name; or, when neither
     * report names it, the same location. Two differently named exercises in one sea are two events.
     */
    boolean sameEventAs(Event event) {
        if (!type.equals(event.type().name())) {
            return false;
        }
        String otherName = normalised(event.attribute("name"));
        if (name != null || otherName != null) {
            return name != null && name.equals(otherName);
        }
        String otherLocation = normalised(event.attribute("location"));
        return location != null && location.equals(otherLocation);
    }

    /** This event with one more report merged in. */
    ClusterState withReport(Event event) {
        List<String> ids = new ArrayList<>(reportIds);
        if (ids.size() < KEPT_REPORT_IDS) {
            ids.add(event.id());
        }
        List<SourceRef> merged = new ArrayList<>(sources);
        SourceRef incoming = ref(event.source());
        int known = indexOf(merged, incoming.name());
        if (known < 0 && merged.size() < KEPT_SOURCES) {
            merged.add(incoming);
        } else if (known >= 0 && Grade.parse(incoming.grade()).compareTo(Grade.parse(merged.get(known).grade())) < 0) {
            merged.set(known, incoming);
        }
        Grade best = merged.stream().map(s -> Grade.parse(s.grade())).min(Grade::compareTo).orElseThrow();
        boolean nowWeighed = weighed || EvidenceChannels.weighed(event.channel());
        double newWeight = nowWeighed && Confirmation.isConfirmed(best, merged.size()) ? 1.0 : 0.0;
        // occurredAt stays the first report's: it places the event in its store and its period
        return new ClusterState(id, type, occurredAt, period, name, location, summary, merged, ids, reports + 1,
                indicators, newWeight, firstSeen, nowWeighed);
    }

    /** Its key in the events store of a dyad. */
    StateKey.OfEvent key(String dyad) {
        return new StateKey.OfEvent(dyad, type, matchKey(name, location),
                java.time.LocalDate.ofInstant(occurredAt, java.time.ZoneOffset.UTC).toEpochDay(), id);
    }

    /**
     * What a report must share with an event to be another report of it ({@link #sameEventAs}): its normalised
     * name, or its normalised location when it has no name; empty when it has neither.
     */
    static String matchKey(String normalisedName, String normalisedLocation) {
        if (normalisedName != null) {
            return "n:" + normalisedName;
        }
        return normalisedLocation != null ? "l:" + normalisedLocation : "";
    }

    /** True when its reports carry a name or a location, so later reports can be matched to it. */
    boolean matchable() {
        return name != null || location != null;
    }

    /** Independent sources behind it. */
    int corroboration() {
        return sources.size();
    }

    /** The evidence entry: best-graded source first. */
    EvidenceItem evidence() {
        SourceRef best = sources.stream().min(Comparator.comparing(s -> Grade.parse(s.grade()))).orElseThrow();
        return new EvidenceItem(id, type, occurredAt, summary, best.name(), best.url(), best.grade(), corroboration(),
                indicators);
    }

    private static int indexOf(List<SourceRef> refs, String name) {
        for (int i = 0; i < refs.size(); i++) {
            if (refs.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static SourceRef ref(Source source) {
        return new SourceRef(source.name(), source.url(), source.grade().toString());
    }

    static String normalised(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }
}
