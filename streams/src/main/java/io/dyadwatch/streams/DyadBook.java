package io.dyadwatch.streams;

import io.dyadwatch.catalog.model.CusumState;
import io.dyadwatch.catalog.model.CusumThresholds;
import io.dyadwatch.model.assessment.AssessmentStep;
import io.dyadwatch.model.assessment.ChannelCoverage;
import io.dyadwatch.model.assessment.Period;
import io.dyadwatch.model.assessment.PeriodUnit;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Coverage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One dyad's analyst, in plain Java: takes each counted report (or a tick of the wall clock), updates the
 * dyad's {@link PeriodLedger}, and produces the assessment steps it causes, in order. A step is a function of
 * the ledger and the dyad's clock only, so the same reports in the same order give the same steps however they
 * are batched or published.
 *
 * <p>When the dyad's current period moves on (its clock passed the end of a period), one closing step is
 * produced per period left behind, each assessed over the whole period: a rule crossing in a silent period is
 * seen as such, not merged into the next report's step. The clock is the dyad's own (its latest event time, or
 * the wall clock): never another dyad's, so the steps do not depend on which dyads share a task.
 */
final class DyadBook {

    /** On a wall-clock tick, a step is produced when a change statistic moved by more than this. */
    static final double TICK_CHANGE = 0.05;

    /**
     * The steps a change caused (with the assessor's snapshot at each, in the same order) and the tallies it changed.
     */
    record Stepped(List<PendingStep> steps, List<DyadAssessor.Snapshot> snapshots, Map<Period, PeriodTally> tallies) {
        static final Stepped NONE = new Stepped(List.of(), List.of(), Map.of());

        Stepped {
            steps = List.copyOf(steps);
            snapshots = List.copyOf(snapshots);
            if (steps.size() != snapshots.size()) {
                throw new IllegalArgumentException(steps.size() + " steps but " + snapshots.size() + " snapshots");
            }
        }
    }

    private final String key;
    private final PeriodUnit unit;
    private final boolean eventClock;
    private final PeriodLedger ledger;
    private final DyadAssessor assessor;
    private final EvidenceSelector selector;
    private final CusumThresholds thresholds;
    private final List<String> indicatorIds;
    private DyadState state;
    private DyadAssessor.Snapshot latest;
    /** The snapshots of the steps of the change being made. */
    private final List<DyadAssessor.Snapshot> taken = new ArrayList<>();
    /** The last coverage declaration applied (in memory only). */
    private Coverage lastCoverage;

    /**
     * @param state the stored state, or null for a dyad without events yet
     */
    DyadBook(String key, PeriodUnit unit, boolean eventClock, PeriodLedger ledger, DyadAssessor assessor,
            EvidenceSelector selector, CusumThresholds thresholds, List<String> indicatorIds, DyadState state) {
        this.indicatorIds = indicatorIds;
        this.key = key;
        this.unit = unit;
        this.eventClock = eventClock;
        this.ledger = ledger;
        this.assessor = assessor;
        this.selector = selector;
        this.thresholds = thresholds;
        this.state = state;
    }

    String key() {
        return key;
    }

    /** The stored state, or null before the first event. */
    DyadState state() {
        return state;
    }

    PeriodLedger ledger() {
        return ledger;
    }

    DyadAssessor assessor() {
        return assessor;
    }

    CusumThresholds thresholds() {
        return thresholds;
    }

    /** The state after its waiting steps were published. */
    void published() {
        state = state.published();
    }

    /**
     * A report was counted (a new event, or another report of a known one).
     *
     * <p>Coverage is chosen apart from what was reported: a report never covers its own day. A declared coverage
     * marks its days for the report's channel; a report that declares nothing starts its channel's assumed coverage,
     * continuous from the first whole day after the dyad's clock at that first receipt, once and for good. Only
     * weighed channels' coverage marks days ({@link EvidenceChannels}); an event on a day nobody covered is evidence
     * to show, not a count.
     *
     * @param channel   the report's evidence channel
     * @param coverage  the days the report's batch declared it covers, or null when it declared nothing
     * @param wallMs    the wall-clock time (used with the wall clock only)
     * @param timestamp the input record's timestamp
     */
    Stepped onReport(ReportLedger.Outcome outcome, String channel, Coverage coverage, long wallMs, long timestamp) {
        ClusterState event;
        PeriodTally tally;
        PeriodTally before;
        if (outcome instanceof ReportLedger.Outcome.Added added) {
            event = added.event();
            before = ledger.tally(event.period());
            tally = ledger.add(event);
        } else if (outcome instanceof ReportLedger.Outcome.Merged merged) {
            event = merged.after();
            before = ledger.tally(event.period());
            tally = ledger.merge(merged.before(), merged.after());
        } else {
            return Stepped.NONE;
        }
        taken.clear();
        Period period = event.period();
        long occurredMs = event.occurredAt().toEpochMilli();
        long clock = eventClock ? occurredMs : wallMs;
        if (state == null) {
            state = DyadState.start(period, clock);
        } else {
            if (period.isBefore(state.first())) {
                state = state.withFirst(period);
            }
            clock = eventClock ? Math.max(state.clockMs(), occurredMs) : wallMs;
        }
        Set<Period> changed = new HashSet<>();
        changed.add(period);
        changed.addAll(applyCoverage(channel, coverage, clock));
        changed.addAll(extendAssumed(clock));
        List<PendingStep.Touched> touched = new ArrayList<>(event.indicators().size());
        Map<String, Double> valuesBefore = before.indicatorValues();
        Map<String, Double> valuesAfter = ledger.tally(period).indicatorValues();
        for (String indicator : event.indicators()) {
            touched.add(new PendingStep.Touched(period, indicator, value(valuesBefore, indicator),
                    value(valuesAfter, indicator)));
        }
        Period earliestChange = java.util.Collections.min(changed);
        if (earliestChange.isBefore(state.current())) {
            assessor.restate(earliestChange);
        }
        Period target = max(max(Period.of(unit, Instant.ofEpochMilli(clock)), period), state.current());
        List<PendingStep> steps = new ArrayList<>(closeUntil(target, timestamp));
        Period restatedFrom = steps.isEmpty() ? earliestChange : min(earliestChange, steps.get(0).restatedFrom());
        steps.add(step(target, clock, List.of(event.key(key)), restatedFrom, timestamp, touched));
        Map<Period, PeriodTally> tallies = new java.util.HashMap<>();
        changed.forEach(p -> tallies.put(p, ledger.tally(p)));
        return new Stepped(steps, taken, tallies);
    }

    /**
     * Records what the report's channel covers: its declaration, or, for its first undeclared report, the start of
     * its assumed coverage. Returns the periods whose tallies changed.
     */
    private Set<Period> applyCoverage(String channel, Coverage coverage, long clockMs) {
        ChannelCoverage known = state.channels().get(channel);
        boolean weighed = EvidenceChannels.weighed(channel);
        ChannelCoverage now = known == null ? ChannelCoverage.seen(channel, weighed) : known;
        Set<Period> changed = new HashSet<>();
        if (coverage != null) {
            now = now.declared(coverage.from(), coverage.to());
            if (weighed && !coverage.equals(lastCoverage)) {
                // a batch repeats its declaration on every record: applying it again changes nothing (covering is
                // idempotent), so it is skipped; after a restart it is applied once more, harmlessly
                changed.addAll(ledger.cover(coverage, unit).keySet());
                lastCoverage = coverage;
            }
        } else if (now.assumedFrom() == null) {
            now = now.assumedFrom(day(clockMs).plusDays(1));
        }
        if (!now.equals(known)) {
            state = state.withChannel(now);
        }
        return changed;
    }

    /**
     * Marks the weighed channels' assumed coverage through the day of {@code clockMs}: from the first day assumed
     * (or the day after the last one marked) to the clock's day. Returns the periods whose tallies changed.
     */
    private Set<Period> extendAssumed(long clockMs) {
        LocalDate from = null;
        for (ChannelCoverage c : state.channels().values()) {
            if (c.weighed() && c.assumedFrom() != null && (from == null || c.assumedFrom().isBefore(from))) {
                from = c.assumedFrom();
            }
        }
        if (from == null) {
            return Set.of();
        }
        LocalDate through = state.assumedThrough();
        LocalDate start = through == null || through.isBefore(from) ? from : through.plusDays(1);
        LocalDate clockDay = day(clockMs);
        if (start.isAfter(clockDay)) {
            return Set.of();
        }
        Set<Period> changed = new HashSet<>(ledger.cover(new Coverage(start, clockDay), unit).keySet());
        state = state.withAssumedThrough(clockDay);
        return changed;
    }

    private static LocalDate day(long epochMs) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMs), ZoneOffset.UTC);
    }

    /** An indicator's count among a tally's values (a negative sum, from rounding, as 0). */
    private static double value(Map<String, Double> values, String indicator) {
        return Math.max(0, values.getOrDefault(indicator, 0.0));
    }

    /**
     * A tick of the wall clock: marks the assumed coverage through today, closes the periods the clock left behind,
     * and reports a moved change statistic.
     */
    Stepped onClock(long wallMs, long timestamp) {
        if (state == null) {
            return Stepped.NONE;
        }
        taken.clear();
        Set<Period> changed = extendAssumed(wallMs);
        Map<Period, PeriodTally> tallies = new java.util.HashMap<>();
        changed.forEach(p -> tallies.put(p, ledger.tally(p)));
        Period target = Period.of(unit, Instant.ofEpochMilli(wallMs));
        if (target.isAfter(state.current())) {
            List<PendingStep> steps = new ArrayList<>(closeUntil(target, timestamp));
            steps.add(step(target, wallMs, List.of(), target, timestamp, List.of()));
            return new Stepped(steps, taken, tallies);
        }
        DyadAssessor.Snapshot now = assessor.assess(ledger, state.first(), state.current(), wallMs);
        for (Scenario s : CusumState.MONITORED) {
            if (Math.abs(now.statistic(s) - state.lastChange().getOrDefault(s, 0.0)) > TICK_CHANGE) {
                return new Stepped(List.of(step(state.current(), wallMs, List.of(), state.current(), timestamp,
                        List.of())), taken, tallies);
            }
        }
        return new Stepped(List.of(), List.of(), tallies);
    }

    /** The latest snapshot (recomputed from the ledger after a restart). */
    DyadAssessor.Snapshot latest() {
        if (latest == null) {
            latest = assessor.assess(ledger, state.first(), state.current(), state.clockMs());
        }
        return latest;
    }

    /** The scenario whose change statistic is nearest its threshold. */
    Scenario leading(DyadAssessor.Snapshot snapshot) {
        return CusumState.MONITORED.stream()
                .max(Comparator.comparingDouble(s -> snapshot.statistic(s) / thresholds.threshold(s))).orElseThrow();
    }

    private List<PendingStep> closeUntil(Period target, long timestamp) {
        List<PendingStep> steps = new ArrayList<>();
        for (Period p = state.current(); p.isBefore(target); p = p.next()) {
            steps.add(step(p, p.end().toEpochMilli(), List.of(), p, timestamp, List.of()));
        }
        return steps;
    }

    private PendingStep step(Period current, long clock, List<StateKey.OfEvent> triggers, Period restatedFrom,
            long timestamp, List<PendingStep.Touched> touched) {
        DyadAssessor.Snapshot snapshot = assessor.assess(ledger, state.first(), current, clock);
        double elapsed = snapshot.elapsed();
        latest = snapshot;
        taken.add(snapshot);
        Map<Scenario, Double> change = new EnumMap<>(Scenario.class);
        for (Scenario s : CusumState.MONITORED) {
            change.put(s, snapshot.statistic(s));
        }
        List<StateKey.OfEvent> evidence = selector.select(snapshot.trailing(),
                EvidenceSelector.driving(snapshot.horizon(), leading(snapshot), indicatorIds));
        long revision = state.revision() + 1;
        AssessmentStep step = new AssessmentStep(revision, current.toString(), elapsed, snapshot.tally().events(),
                snapshot.now().posterior(), snapshot.horizon().posterior(), change, ids(triggers), ids(evidence),
                Map.of(), snapshot.familyStatistics(assessor.families()), snapshot.genericStatistics(assessor.families()));
        state = state.stepped(max(current, state.current()), Math.max(clock, eventClock ? state.clockMs() : clock),
                change);
        return new PendingStep(step, triggers, evidence, restatedFrom, timestamp, touched);
    }

    private static List<String> ids(List<StateKey.OfEvent> keys) {
        List<String> ids = new ArrayList<>(keys.size());
        keys.forEach(k -> ids.add(k.id()));
        return ids;
    }

    private static Period max(Period a, Period b) {
        return a.isAfter(b) ? a : b;
    }

    private static Period min(Period a, Period b) {
        return a.isBefore(b) ? a : b;
    }
}
