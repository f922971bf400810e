package io.dyadwatch.catalog.counting;

import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.Source;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Merges reports of one real-world event as the pipeline does (a minimal copy of the rule in
 * {@code streams/.../ClusterState}): two reports are of the same event when they have the same type, occur within
 * {@link #WINDOW} of the first report, and carry the same normalised {@code name}, or, when neither is named, the same
 * normalised {@code location}. Normalised: lower case, runs of characters other than letters and digits read as one
 * space. Used by the baseline derivation so that a record with several reports of one exercise counts it once.
 */
public final class ReportMerger {

    /** How far apart two reports of one event may be dated. */
    public static final Duration WINDOW = Duration.ofDays(3);

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private ReportMerger() {
    }

    /**
     * One real-world event and its reports.
     *
     * @param first   the earliest report (its type and attributes stand for the event)
     * @param reports every report, the first included, in time order
     */
    public record MergedEvent(Event first, List<Event> reports) {

        public MergedEvent {
            reports = List.copyOf(reports);
            if (reports.isEmpty() || !reports.get(0).equals(first)) {
                throw new IllegalArgumentException("the first report must open the list of reports");
            }
        }

        /** The sources of its reports. */
        public List<Source> sources() {
            return reports.stream().map(Event::source).toList();
        }

        /** True when its reports confirm it ({@link Confirmation}). */
        public boolean confirmed() {
            return Confirmation.isConfirmed(sources());
        }
    }

    /** The real-world events behind these reports, in time order of their first report. */
    public static List<MergedEvent> merge(List<Event> reports) {
        List<Event> sorted = new ArrayList<>(reports);
        sorted.sort(Comparator.comparing(Event::occurredAt).thenComparing(Event::id));
        List<List<Event>> groups = new ArrayList<>();
        for (Event report : sorted) {
            List<Event> group = groups.stream().filter(g -> sameEvent(g.get(0), report)).findFirst().orElse(null);
            if (group == null) {
                groups.add(new ArrayList<>(List.of(report)));
            } else {
                group.add(report);
            }
        }
        return groups.stream().map(g -> new MergedEvent(g.get(0), g)).toList();
    }

    /** True when {@code later} reports the same real-world event as {@code first}. */
    public static boolean sameEvent(Event first, Event later) {
        if (first.type() != later.type()
                || Duration.between(first.occurredAt(), later.occurredAt()).abs().compareTo(WINDOW) > 0) {
            return false;
        }
        String name = normalised(first.attribute("name"));
        String otherName = normalised(later.attribute("name"));
        if (name != null || otherName != null) {
            return name != null && name.equals(otherName);
        }
        String location = normalised(first.attribute("location"));
        return location != null && location.equals(normalised(later.attribute("location")));
    }

    /** Lower case, non-word runs as one space, trimmed; null for blank. */
    static String normalised(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String n = NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
        return n.isEmpty() ? null : n;
    }
}
