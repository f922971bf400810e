package io.dyadwatch.streams;

import io.dyadwatch.model.assessment.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What one dyad did, period by period: the tallies its events add up to. A report restates the period its event
 * happened in, however late it arrives. Plain Java: the processor loads it from the store and writes back each
 * tally it changes.
 */
final class PeriodLedger {

    private final String dyad;
    private final int keep;
    private final NavigableMap<Period, PeriodTally> tallies = new TreeMap<>();

    /**
     * @param keep how many of each period's heaviest events are kept for evidence
     */
    PeriodLedger(String dyad, int keep) {
        this.dyad = dyad;
        this.keep = keep;
    }

    /** A ledger holding the given tallies (read back from the store). */
    static PeriodLedger of(String dyad, int keep, Map<Period, PeriodTally> stored) {
        PeriodLedger ledger = new PeriodLedger(dyad, keep);
        ledger.tallies.putAll(stored);
        return ledger;
    }

    /** The tally of a period, empty when nothing happened in it. */
    PeriodTally tally(Period period) {
        PeriodTally tally = tallies.get(period);
        return tally == null ? PeriodTally.EMPTY : tally;
    }

    /** Adds a newly reported event to its period; returns the period's new tally. */
    PeriodTally add(ClusterState event) {
        PeriodTally tally = tally(event.period()).withEvent(dyad, event, keep, dayOf(event));
        tallies.put(event.period(), tally);
        return tally;
    }

    /** Changes a known event's weight after another report of it; returns its period's new tally. */
    PeriodTally merge(ClusterState before, ClusterState after) {
        PeriodTally tally = tally(after.period()).withWeightChange(dyad, after, after.weight() - before.weight(), keep,
                dayOf(after));
        tallies.put(after.period(), tally);
        return tally;
    }

    /**
     * Marks the days of a coverage as observed, period by period; returns the tallies that changed (none when every
     * day was covered already).
     */
    Map<Period, PeriodTally> cover(io.dyadwatch.model.event.Coverage coverage, io.dyadwatch.model.assessment.PeriodUnit unit) {
        Map<Period, PeriodTally> changed = new java.util.LinkedHashMap<>();
        Period last = Period.of(unit, coverage.to());
        for (Period p = Period.of(unit, coverage.from()); !p.isAfter(last); p = p.next()) {
            java.time.LocalDate start = p.startDate();
            java.time.LocalDate from = coverage.from().isAfter(start) ? coverage.from() : start;
            java.time.LocalDate end = p.next().startDate().minusDays(1);
            java.time.LocalDate to = coverage.to().isBefore(end) ? coverage.to() : end;
            PeriodTally before = tally(p);
            PeriodTally after = before.withCovered((int) java.time.temporal.ChronoUnit.DAYS.between(start, from),
                    (int) java.time.temporal.ChronoUnit.DAYS.between(start, to));
            if (after != before) {
                tallies.put(p, after);
                changed.put(p, after);
            }
        }
        return changed;
    }

    /** The day of its period an event happened on (day 0 is the period's first day). */
    static int dayOf(ClusterState event) {
        return (int) java.time.temporal.ChronoUnit.DAYS.between(event.period().startDate(),
                java.time.LocalDate.ofInstant(event.occurredAt(), java.time.ZoneOffset.UTC));
    }

    /** The tallies of the {@code periods} periods ending with {@code last}, latest first. */
    List<PeriodTally> trailing(Period last, int periods) {
        List<PeriodTally> list = new ArrayList<>(periods);
        Period p = last;
        for (int i = 0; i < periods; i++) {
            list.add(tally(p));
            p = p.previous();
        }
        return list;
    }
}
