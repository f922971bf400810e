package io.dyadwatch.streams;

import io.dyadwatch.model.assessment.Period;
import io.dyadwatch.model.assessment.PeriodUnit;
import io.dyadwatch.model.event.Event;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * Which reports a dyad has already counted, and which real-world event each new report belongs to. A report
 * (event id) is counted once; a report of the same type within the corroboration window, with the same name
 * or (when neither names it) the same location, is another report of an event already known: from an
 * independent source it corroborates the event, from the same source it repeats the story
 * ({@link ClusterState#withReport}). Plain Java over a {@link Store}, so it is tested without Kafka.
 */
final class ReportLedger {

    /** Where the ledger keeps what it knows. */
    interface Store {
        /** True when the report was counted before. */
        boolean contains(StateKey.OfReport report);

        /** Remembers a counted report, first seen at {@code firstSeenMs} (processing time). */
        void remember(StateKey.OfReport report, long firstSeenMs);

        /** The dyad's known events of a type and match key ({@link ClusterState#matchKey}) between two days, inclusive. */
        List<ClusterState> events(String dyad, String type, String match, LocalDate from, LocalDate to);

        /** Stores a new or updated event. */
        void put(StateKey.OfEvent key, ClusterState event);
    }

    /** What a report turned out to be. */
    sealed interface Outcome {
        /** A report counted before: nothing changes. */
        record Duplicate() implements Outcome {
        }

        /** The first report of a real-world event. */
        record Added(ClusterState event) implements Outcome {
        }

        /**
         * Another report of a known event.
         *
         * @param corroborated true when it came from a source the event did not have yet
         */
        record Merged(ClusterState before, ClusterState after, boolean corroborated) implements Outcome {
        }
    }

    private final Store store;
    private final Function<Event, List<String>> indicators;
    private final PeriodUnit unit;
    private final int windowDays;

    /**
     * @param indicators the catalog indicators an event counts for
     * @param windowDays reports up to this many days apart can be one event
     */
    ReportLedger(Store store, Function<Event, List<String>> indicators, PeriodUnit unit, int windowDays) {
        this.store = store;
        this.indicators = indicators;
        this.unit = unit;
        this.windowDays = windowDays;
    }

    /** Records one report of the dyad, seen at {@code nowMs}. */
    Outcome record(String dyad, Event event, long nowMs) {
        StateKey.OfReport report = new StateKey.OfReport(dyad, event.id());
        if (store.contains(report)) {
            return new Outcome.Duplicate();
        }
        store.remember(report, nowMs);
        ClusterState known = knownEvent(dyad, event);
        if (known == null) {
            ClusterState added = ClusterState.first(event, Period.of(unit, event.occurredAt()), indicators.apply(event),
                    nowMs);
            store.put(added.key(dyad), added);
            return new Outcome.Added(added);
        }
        ClusterState merged = known.withReport(event);
        store.put(merged.key(dyad), merged);
        return new Outcome.Merged(known, merged, merged.corroboration() > known.corroboration());
    }

    private ClusterState knownEvent(String dyad, Event event) {
        String match = ClusterState.matchKey(ClusterState.normalised(event.attribute("name")),
                ClusterState.normalised(event.attribute("location")));
        if (match.isEmpty()) {
            return null;
        }
        LocalDate day = LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC);
        for (ClusterState candidate : store.events(dyad, event.type().name(), match, day.minusDays(windowDays),
                day.plusDays(windowDays))) {
            if (candidate.sameEventAs(event)) {
                return candidate;
            }
        }
        return null;
    }
}
