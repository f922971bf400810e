package io.dyadwatch.streams;

import io.dyadwatch.alerts.AssessedStep;
import io.dyadwatch.catalog.model.CusumState;
import io.dyadwatch.catalog.model.CusumThresholds;
import io.dyadwatch.catalog.model.Exposure;
import io.dyadwatch.catalog.model.IndicatorContribution;
import io.dyadwatch.catalog.model.ScenarioModel;
import io.dyadwatch.model.assessment.Assessment;
import io.dyadwatch.model.assessment.AssessmentStep;
import io.dyadwatch.model.assessment.Driver;
import io.dyadwatch.model.assessment.EvidenceItem;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Assembles what the analyst hands on, in plain Java: each step as the alert rules see it ({@link AssessedStep}),
 * and the parts a published assessment shares with it (drivers, thresholds, indicator values).
 */
final class AssessmentAssembly {

    private final ScenarioModel model;
    private final int horizonPeriods;

    AssessmentAssembly(ScenarioModel model, int horizonPeriods) {
        this.model = model;
        this.horizonPeriods = horizonPeriods;
    }

    /**
     * A step as the alert rules see it, valid until the dyad's next change: figures from the step, content
     * (evidence, drivers, explanations, coverage) resolved on demand from the stores and the snapshot as they are
     * now, which is as they were at the step.
     *
     * @param events the events by key, as the stores hold them now
     */
    AssessedStep step(DyadBook book, PendingStep pending, DyadAssessor.Snapshot snapshot,
            Function<StateKey.OfEvent, ClusterState> events, Instant now) {
        return new StepAtHand(book, pending, snapshot, events, now);
    }

    /** The indicators that moved each monitored scenario most over the snapshot's horizon, largest first. */
    List<Driver> drivers(String dyad, DyadAssessor.Snapshot snapshot) {
        double[] counts = snapshot.horizon().counts();
        Map<String, Double> byId = new HashMap<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                byId.put(model.indicatorIds().get(i), counts[i]);
            }
        }
        io.dyadwatch.catalog.model.Assessment horizon = model.assess(Dyad.parse(dyad), byId,
                Exposure.uniform(snapshot.horizon().exposure()));
        List<Driver> drivers = new ArrayList<>();
        for (Scenario s : CusumState.MONITORED) {
            for (IndicatorContribution c : horizon.drivers(s, 3)) {
                drivers.add(new Driver(s, c.indicatorId(), c.observed(), c.expected().get(Scenario.STATUS_QUO),
                        c.expected().get(s), c.llrVsStatusQuo().get(s), c.expectedButMissing(s)));
            }
        }
        return drivers;
    }

    /** The drivers that favour their scenario, in words. */
    static List<String> explanations(List<Driver> drivers) {
        return drivers.stream().filter(d -> d.llr() > 0).map(Driver::explain).toList();
    }

    /** The threshold of each monitored scenario's change statistic. */
    /** The thresholds of the monitored out-of-scenario statistics, by family and move name. */
    static Map<String, Map<String, Double>> genericLimits(CusumThresholds thresholds) {
        Map<String, Map<String, Double>> limits = new java.util.LinkedHashMap<>();
        thresholds.genericThresholds().forEach((family, moves) -> {
            Map<String, Double> m = new java.util.LinkedHashMap<>();
            moves.forEach((move, h) -> {
                if (thresholds.monitorsGeneric(family, move)) {
                    m.put(move.name(), h);
                }
            });
            if (!m.isEmpty()) {
                limits.put(family, m);
            }
        });
        return limits;
    }

    static Map<Scenario, Double> limits(CusumThresholds thresholds) {
        Map<Scenario, Double> limits = new EnumMap<>(Scenario.class);
        for (Scenario s : CusumState.MONITORED) {
            limits.put(s, thresholds.threshold(s));
        }
        return limits;
    }

    /** Weighted indicator values with negative sums (from rounding) as 0. */
    static Map<String, Double> positive(Map<String, Double> weighted) {
        Map<String, Double> clean = new HashMap<>();
        weighted.forEach((k, v) -> clean.put(k, Math.max(0, v)));
        return clean;
    }

    static List<EvidenceItem> items(List<StateKey.OfEvent> keys, Function<StateKey.OfEvent, ClusterState> events) {
        List<EvidenceItem> items = new ArrayList<>(keys.size());
        for (StateKey.OfEvent key : keys) {
            ClusterState event = events.apply(key);
            if (event != null) { // null: forgotten after the retention
                items.add(event.evidence());
            }
        }
        return items;
    }

    private final class StepAtHand implements AssessedStep {
        private final DyadBook book;
        private final PendingStep pending;
        private final DyadAssessor.Snapshot snapshot;
        private final Function<StateKey.OfEvent, ClusterState> events;
        private final Instant now;
        private Assessment figures;
        private Assessment content;

        StepAtHand(DyadBook book, PendingStep pending, DyadAssessor.Snapshot snapshot,
                Function<StateKey.OfEvent, ClusterState> events, Instant now) {
            this.book = book;
            this.pending = pending;
            this.snapshot = snapshot;
            this.events = events;
            this.now = now;
        }

        @Override
        public Assessment figures() {
            if (figures == null) {
                figures = assemble(List.of(), List.of(), List.of());
            }
            return figures;
        }

        @Override
        public Assessment withContent() {
            if (content == null) {
                List<Driver> drivers = drivers(book.key(), snapshot);
                content = assemble(drivers, items(pending.evidence(), events),
                        List.copyOf(book.state().channels().values()));
            }
            return content;
        }

        private Assessment assemble(List<Driver> drivers, List<EvidenceItem> evidence,
                List<io.dyadwatch.model.assessment.ChannelCoverage> coverage) {
            AssessmentStep step = pending.step();
            CusumThresholds thresholds = book.thresholds();
            return new Assessment(book.key(), step.period(), step.periodElapsed(), step.revision(), now,
                    step.eventsInPeriod(), positive(book.ledger().tally(snapshot.period()).indicatorValues()),
                    step.probabilities(), step.trailingProbabilities(), horizonPeriods, step.changeStatistics(),
                    limits(thresholds), drivers, explanations(drivers), evidence, items(pending.triggers(), events),
                    List.of(), List.of(), step.familyChangeStatistics(), thresholds.familyThresholds(),
                    thresholds.probabilityLevels(), coverage, step.outOfScenarioStatistics(), genericLimits(thresholds));
        }
    }
}
