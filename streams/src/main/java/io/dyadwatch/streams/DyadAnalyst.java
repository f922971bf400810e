package io.dyadwatch.streams;

import io.dyadwatch.alerts.StepRules;
import io.dyadwatch.catalog.model.CusumState;
import io.dyadwatch.catalog.model.ScenarioModel;
import io.dyadwatch.model.assessment.Assessment;
import io.dyadwatch.model.assessment.AssessmentStep;
import io.dyadwatch.model.assessment.Driver;
import io.dyadwatch.model.assessment.EvidenceItem;
import io.dyadwatch.model.assessment.IndicatorValue;
import io.dyadwatch.model.assessment.Period;
import io.dyadwatch.model.assessment.PeriodResult;
import io.dyadwatch.model.assessment.PeriodUnit;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Coverage;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The analyst of every dyad on this task, keyed by dyad: a thin shell that reads each record, asks the plain-Java
 * parts what it means ({@link ReportLedger}: counted before? a new event or another report of one?;
 * {@link DyadBook}: the dyad's new tallies and assessment steps), writes what changed, and publishes the waiting
 * steps of each dyad as one assessment every {@code streams.assessment.interval.ms}, or at once when
 * {@code streams.assessment.max.pending} are waiting. Publication only decides when steps are seen: every step is
 * in the assessment, so the alert rules see every crossing.
 *
 * <p>The dyads' ledgers and assessors are kept as objects between records and rebuilt from the stores when a
 * dyad is first seen after {@link #init} (after a restore, a rebalance or a crash): never trusted across them.
 */
final class DyadAnalyst implements Processor<String, Event, String, Output> {

    /** The supplier, declaring the stores it uses. */
    static ProcessorSupplier<String, Event, String, Output> supplier(ScenarioModel model, StreamsSettings settings,
            StepRules rules, MeterRegistry registry, AssessmentGauges gauges) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Event, String, Output> get() {
                return new DyadAnalyst(model, settings, rules, registry, gauges);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                Set<StoreBuilder<?>> stores = new java.util.HashSet<>(AnalystStores.all());
                stores.addAll(rules.stores());
                return stores;
            }
        };
    }

    private static final Period FIRST_PERIOD = new Period(PeriodUnit.MONTH, 0);
    private static final Period LAST_PERIOD = new Period(PeriodUnit.YEAR, 9999);

    private final ScenarioModel model;
    private final StreamsSettings settings;
    private final PeriodUnit unit;
    private final PipelineMeters meters;
    private final AssessmentGauges gauges;
    private final EvidenceSelector selector;
    private final StepRules rules;
    private final AssessmentAssembly assembly;
    private StepRules.ForTask alerting;
    private final Map<String, DyadBook> books = new HashMap<>();
    private ProcessorContext<String, Output> context;
    private ReportLedger reports;
    private KeyValueStore<StateKey.OfReport, Long> reportStore;
    private KeyValueStore<StateKey.OfEvent, ClusterState> eventStore;
    private KeyValueStore<StateKey.OfPeriod, PeriodTally> periodStore;
    private KeyValueStore<String, DyadState> dyadStore;
    private KeyValueStore<StateKey.OfStep, PendingStep> stepStore;
    private KeyValueStore<StateKey.OfPeriod, PeriodResult> historyStore;
    private KeyValueStore<String, Assessment> assessmentStore;

    DyadAnalyst(ScenarioModel model, StreamsSettings settings, StepRules rules, MeterRegistry registry,
            AssessmentGauges gauges) {
        this.model = model;
        this.rules = rules;
        this.assembly = new AssessmentAssembly(model, settings.horizonPeriods());
        this.settings = settings;
        this.unit = settings.period();
        this.meters = new PipelineMeters(registry);
        this.gauges = gauges;
        this.selector = new EvidenceSelector(settings.evidenceSize());
    }

    @Override
    public void init(ProcessorContext<String, Output> context) {
        this.context = context;
        books.clear();
        reportStore = context.getStateStore(AnalystStores.REPORTS);
        eventStore = context.getStateStore(AnalystStores.EVENTS);
        periodStore = context.getStateStore(AnalystStores.PERIODS);
        dyadStore = context.getStateStore(AnalystStores.DYADS);
        stepStore = context.getStateStore(AnalystStores.STEPS);
        historyStore = context.getStateStore(AnalystStores.HISTORY);
        assessmentStore = context.getStateStore(AnalystStores.ASSESSMENTS);
        alerting = rules.open(context, (alert, timestamp) -> {
            context.forward(new Record<String, Output>(alert.fingerprint(), new Output.AlertOut(alert), timestamp));
            // alerts are rare and urgent: commit (and so publish, under exactly-once) now, not at the next interval
            context.commit();
        });
        reports = new ReportLedger(new StoresForReports(), model.catalog()::indicatorsFor, unit,
                (int) settings.corroborationWindow().toDays());
        context.schedule(settings.assessmentInterval(), PunctuationType.WALL_CLOCK_TIME, now -> publishAll());
        if (!settings.eventClock()) {
            context.schedule(settings.clockInterval(), PunctuationType.WALL_CLOCK_TIME, this::onClockTick);
        }
        context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, this::forgetExpired);
        rebuildHistory();
    }

    /** The history store has no changelog: after a restore it is rewritten from the ledgers, dyad by dyad. */
    private void rebuildHistory() {
        List<String> dyads = new ArrayList<>();
        try (KeyValueIterator<String, DyadState> it = dyadStore.all()) {
            it.forEachRemaining(kv -> dyads.add(kv.key));
        }
        for (String dyad : dyads) {
            DyadBook book = book(dyad);
            publishHistory(book, book.state().first());
        }
    }

    @Override
    public void process(Record<String, Event> record) {
        String dyad = record.key();
        long now = context.currentSystemTimeMs();
        ReportLedger.Outcome outcome = reports.record(dyad, record.value(), now);
        if (outcome instanceof ReportLedger.Outcome.Duplicate) {
            meters.duplicate();
            return;
        }
        if (outcome instanceof ReportLedger.Outcome.Merged merged) {
            if (merged.corroborated()) {
                meters.corroborated();
            } else {
                meters.repeatedStory();
            }
        }
        DyadBook book = book(dyad);
        long firstStep = book.state() == null ? 0 : book.state().nextStep();
        DyadBook.Stepped change = book.onReport(outcome, record.value().channel(), coverageOf(record), now,
                record.timestamp());
        change.tallies().forEach((period, tally) -> periodStore.put(new StateKey.OfPeriod(dyad, period), tally));
        keep(book, firstStep, change.steps());
        ClusterState reported = outcome instanceof ReportLedger.Outcome.Added added ? added.event()
                : ((ReportLedger.Outcome.Merged) outcome).after();
        judge(book, change, key -> key.id().equals(reported.id()) ? reported : eventStore.get(key), record.timestamp());
        if (book.state().pending() >= settings.assessmentMaxPending()) {
            publish(book);
        }
    }

    @Override
    public void close() {
        // the task leaves this instance (or stops): its dyads' gauges go with it, no stale series stays behind
        books.keySet().forEach(gauges::remove);
        books.clear();
    }

    /** The coverage the record's batch declared ({@link Coverage#HEADER}; the entrance refused malformed ones). */
    static Coverage coverageOf(Record<String, Event> record) {
        org.apache.kafka.common.header.Header header = record.headers().lastHeader(Coverage.HEADER);
        if (header == null || header.value() == null) {
            return null;
        }
        try {
            return Coverage.parse(new String(header.value(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Hands each step of a change to the alert rules, in order, while the stores still show the dyad at it. */
    private void judge(DyadBook book, DyadBook.Stepped change, Function<StateKey.OfEvent, ClusterState> events,
            long timestamp) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        for (int i = 0; i < change.steps().size(); i++) {
            alerting.onStep(book.key(), assembly.step(book, change.steps().get(i), change.snapshots().get(i), events,
                    now), timestamp);
        }
    }

    private void keep(DyadBook book, long firstStep, List<PendingStep> steps) {
        for (int i = 0; i < steps.size(); i++) {
            stepStore.put(new StateKey.OfStep(book.key(), firstStep + i), steps.get(i));
        }
        dyadStore.put(book.key(), book.state());
    }

    private DyadBook book(String dyad) {
        DyadBook book = books.get(dyad);
        if (book == null) {
            Map<Period, PeriodTally> tallies = new HashMap<>();
            try (KeyValueIterator<StateKey.OfPeriod, PeriodTally> it = periodStore.range(
                    new StateKey.OfPeriod(dyad, FIRST_PERIOD), new StateKey.OfPeriod(dyad, LAST_PERIOD))) {
                it.forEachRemaining(kv -> tallies.put(kv.key.period(), kv.value));
            }
            Dyad parsed = Dyad.parse(dyad);
            book = new DyadBook(dyad, unit, settings.eventClock(),
                    PeriodLedger.of(dyad, settings.evidenceSize() * 2, tallies),
                    new DyadAssessor(model, parsed, unit, settings.horizonPeriods()), selector,
                    model.thresholds(parsed), model.indicatorIds(), dyadStore.get(dyad));
            books.put(dyad, book);
        }
        return book;
    }

    private void publishAll() {
        List<String> waiting = new ArrayList<>();
        try (KeyValueIterator<String, DyadState> it = dyadStore.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value.pending() > 0) {
                    waiting.add(kv.key);
                }
            });
        }
        waiting.forEach(dyad -> publish(book(dyad)));
        if (!waiting.isEmpty()) {
            // under exactly-once, outputs are visible downstream once committed: commit now, not at the next interval
            context.commit();
        }
    }

    /** Publishes the dyad's waiting steps as one assessment, with the indicator values and history they changed. */
    private void publish(DyadBook book) {
        String dyad = book.key();
        List<KeyValue<StateKey.OfStep, PendingStep>> steps = new ArrayList<>();
        try (KeyValueIterator<StateKey.OfStep, PendingStep> it = stepStore.range(new StateKey.OfStep(dyad, 0),
                new StateKey.OfStep(dyad, Long.MAX_VALUE))) {
            it.forEachRemaining(steps::add);
        }
        if (steps.isEmpty()) {
            return;
        }
        Map<String, ClusterState> events = new HashMap<>();
        Map<String, EvidenceItem> triggers = new LinkedHashMap<>();
        Period restatedFrom = null;
        long timestamp = 0;
        for (KeyValue<StateKey.OfStep, PendingStep> kv : steps) {
            PendingStep step = kv.value;
            for (StateKey.OfEvent key : step.triggers()) {
                ClusterState event = lookup(key, events);
                if (event != null) {
                    triggers.putIfAbsent(event.id(), event.evidence());
                }
            }
            step.evidence().forEach(key -> lookup(key, events));
            restatedFrom = restatedFrom == null || step.restatedFrom().isBefore(restatedFrom) ? step.restatedFrom()
                    : restatedFrom;
            timestamp = Math.max(timestamp, step.timestamp());
        }
        PendingStep last = steps.get(steps.size() - 1).value;
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        publishIndicators(book, triggers.keySet(), events, now, timestamp);
        publishHistory(book, restatedFrom);
        Assessment assessment = assessment(book, last, steps, events, triggers, now);
        assessmentStore.put(dyad, assessment);
        gauges.update(assessment);
        context.forward(new Record<String, Output>(dyad, new Output.AssessmentOut(assessment), timestamp));
        steps.forEach(kv -> stepStore.delete(kv.key));
        book.published();
        dyadStore.put(dyad, book.state());
    }

    private ClusterState lookup(StateKey.OfEvent key, Map<String, ClusterState> events) {
        ClusterState event = events.get(key.id());
        if (event == null && !events.containsKey(key.id())) {
            event = eventStore.get(key);
            events.put(key.id(), event); // null: forgotten after the retention
        }
        return event;
    }

    private Assessment assessment(DyadBook book, PendingStep last, List<KeyValue<StateKey.OfStep, PendingStep>> steps,
            Map<String, ClusterState> events, Map<String, EvidenceItem> triggers, Instant now) {
        DyadAssessor.Snapshot snapshot = book.latest();
        AssessmentStep step = last.step();
        Map<Scenario, Double> limits = AssessmentAssembly.limits(book.thresholds());
        List<Driver> drivers = assembly.drivers(book.key(), snapshot);
        List<EvidenceItem> evidence = items(step.evidence(), events);
        Map<String, EvidenceItem> cited = new LinkedHashMap<>();
        for (KeyValue<StateKey.OfStep, PendingStep> kv : steps) {
            for (EvidenceItem item : items(kv.value.step().evidence(), events)) {
                if (!triggers.containsKey(item.id()) && !step.evidence().contains(item.id())) {
                    cited.putIfAbsent(item.id(), item);
                }
            }
        }
        return new Assessment(book.key(), step.period(), step.periodElapsed(), step.revision(), now,
                step.eventsInPeriod(), AssessmentAssembly.positive(snapshot.tally().indicatorValues()), step.probabilities(),
                step.trailingProbabilities(), settings.horizonPeriods(), step.changeStatistics(), limits, drivers,
                AssessmentAssembly.explanations(drivers), evidence,
                List.copyOf(triggers.values()), published(book, steps),
                List.copyOf(cited.values()), step.familyChangeStatistics(), book.thresholds().familyThresholds(),
                book.thresholds().probabilityLevels(), List.copyOf(book.state().channels().values()),
                step.outOfScenarioStatistics(), AssessmentAssembly.genericLimits(book.thresholds()));
    }

    /**
     * The steps as published: each with the current period's indicator values (all of them on the first step and
     * on a step in a new period, otherwise those it changed), and without evidence ids that repeat the previous
     * step's. The values of an earlier step are the ledger's now with the later steps' changes undone.
     */
    private static List<AssessmentStep> published(DyadBook book, List<KeyValue<StateKey.OfStep, PendingStep>> steps) {
        List<AssessmentStep> out = new ArrayList<>(steps.size());
        String previousPeriod = null;
        List<String> previousEvidence = null;
        for (int k = 0; k < steps.size(); k++) {
            PendingStep pending = steps.get(k).value;
            AssessmentStep step = pending.step();
            Period period = Period.parse(step.period());
            Map<String, Double> values = new HashMap<>();
            if (!step.period().equals(previousPeriod)) {
                book.ledger().tally(period).indicatorValues().forEach((id, v) -> values.put(id, Math.max(0, v)));
                for (int j = steps.size() - 1; j > k; j--) {
                    List<PendingStep.Touched> later = steps.get(j).value.touched();
                    for (int t = later.size() - 1; t >= 0; t--) {
                        if (later.get(t).period().equals(period)) {
                            values.put(later.get(t).indicator(), later.get(t).before());
                        }
                    }
                }
                values.values().removeIf(v -> v == 0);
            } else {
                for (PendingStep.Touched t : pending.touched()) {
                    if (t.period().equals(period)) {
                        values.put(t.indicator(), t.after());
                    }
                }
            }
            List<String> evidence = step.evidence().equals(previousEvidence) ? null : step.evidence();
            out.add(step.with(evidence, values));
            previousPeriod = step.period();
            previousEvidence = step.evidence();
        }
        return out;
    }

    private static List<EvidenceItem> items(List<String> ids, Map<String, ClusterState> events) {
        List<EvidenceItem> items = new ArrayList<>(ids.size());
        for (String id : ids) {
            ClusterState event = events.get(id);
            if (event != null) {
                items.add(event.evidence());
            }
        }
        return items;
    }

    private void publishIndicators(DyadBook book, Set<String> triggerIds, Map<String, ClusterState> events,
            Instant now, long timestamp) {
        Set<String> published = new java.util.HashSet<>();
        for (String id : triggerIds) {
            ClusterState event = events.get(id);
            PeriodTally tally = book.ledger().tally(event.period());
            for (String indicator : event.indicators()) {
                if (published.add(event.period() + "|" + indicator)) {
                    IndicatorValue value = new IndicatorValue(book.key(), indicator, event.period().toString(),
                            tally.counts().getOrDefault(indicator, 0L),
                            Math.max(0, tally.indicatorValues().getOrDefault(indicator, 0.0)), tally.revision(), now);
                    context.forward(new Record<String, Output>(value.key(), new Output.IndicatorOut(value), timestamp));
                }
            }
        }
    }

    /** Rewrites the dyad's results from {@code from} to its current period. */
    private void publishHistory(DyadBook book, Period from) {
        DyadState state = book.state();
        DyadAssessor.Snapshot latest = book.latest();
        Period start = from.isBefore(state.first()) ? state.first() : from;
        for (Period p = start; !p.isAfter(state.current()); p = p.next()) {
            PeriodTally tally = book.ledger().tally(p);
            PeriodResult result;
            if (p.equals(latest.period())) {
                result = result(book.key(), p, latest.elapsed(), tally, latest.now(), latest.cusum(), state.revision());
            } else {
                DyadAssessor.Closed closed = book.assessor().closedResult(p);
                if (closed == null) {
                    continue;
                }
                result = result(book.key(), p, closed.observed(), tally, closed.evaluation(), closed.after(),
                        state.revision());
            }
            historyStore.put(new StateKey.OfPeriod(book.key(), p), result);
        }
    }

    private static PeriodResult result(String dyad, Period period, double exposure, PeriodTally tally,
            ScenarioModel.Evaluation evaluation, double[] cusum, long revision) {
        return new PeriodResult(dyad, period.toString(), exposure, tally.events(), AssessmentAssembly.positive(tally.indicatorValues()),
                evaluation.posterior(), DyadAssessor.statistics(cusum), revision);
    }


    /** Wall clock: closes the periods the clock left behind and reports moved change statistics. */
    private void onClockTick(long nowMs) {
        List<String> dyads = new ArrayList<>();
        try (KeyValueIterator<String, DyadState> it = dyadStore.all()) {
            it.forEachRemaining(kv -> dyads.add(kv.key));
        }
        for (String dyad : dyads) {
            DyadBook book = book(dyad);
            long firstStep = book.state().nextStep();
            DyadBook.Stepped change = book.onClock(nowMs, nowMs);
            change.tallies().forEach((period, tally) -> periodStore.put(new StateKey.OfPeriod(dyad, period), tally));
            if (!change.steps().isEmpty() || !change.tallies().isEmpty()) {
                keep(book, firstStep, change.steps());
            }
            judge(book, change, eventStore::get, nowMs);
        }
        publishAll(); // a closed period is news: publish it now rather than at the next assessment interval
    }

    /** Forgets reports and events first seen before the de-duplication retention. */
    private void forgetExpired(long nowMs) {
        long cutoff = nowMs - settings.dedupRetention().toMillis();
        List<StateKey.OfReport> expired = new ArrayList<>();
        try (KeyValueIterator<StateKey.OfReport, Long> it = reportStore.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value < cutoff) {
                    expired.add(kv.key);
                }
            });
        }
        expired.forEach(reportStore::delete);
        List<StateKey.OfEvent> old = new ArrayList<>();
        try (KeyValueIterator<StateKey.OfEvent, ClusterState> it = eventStore.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value.firstSeen() < cutoff) {
                    old.add(kv.key);
                }
            });
        }
        old.forEach(eventStore::delete);
    }

    /** The report ledger's view of the stores. */
    private final class StoresForReports implements ReportLedger.Store {
        @Override
        public boolean contains(StateKey.OfReport report) {
            return reportStore.get(report) != null;
        }

        @Override
        public void remember(StateKey.OfReport report, long firstSeenMs) {
            reportStore.put(report, firstSeenMs);
        }

        @Override
        public List<ClusterState> events(String dyad, String type, String match, LocalDate from, LocalDate to) {
            StateKey.OfEvent[] range = StateKey.eventRange(dyad, type, match, from, to);
            List<ClusterState> events = new ArrayList<>();
            try (KeyValueIterator<StateKey.OfEvent, ClusterState> it = eventStore.range(range[0], range[1])) {
                it.forEachRemaining(kv -> events.add(kv.value));
            }
            return events;
        }

        @Override
        public void put(StateKey.OfEvent key, ClusterState event) {
            eventStore.put(key, event);
        }
    }
}
