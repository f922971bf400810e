package io.dyadwatch.streams;

import io.dyadwatch.model.assessment.AssessmentStep;
import io.dyadwatch.model.assessment.ChannelCoverage;
import io.dyadwatch.model.assessment.Period;
import io.dyadwatch.model.assessment.PeriodResult;
import io.dyadwatch.model.assessment.PeriodUnit;
import io.dyadwatch.model.assessment.Scenario;
import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The binary serdes of the analyst's stored values (format in {@link StateSerde}). */
final class AnalystSerdes {

    private static final Scenario[] SCENARIOS = Scenario.values();
    private static final PeriodUnit[] UNITS = PeriodUnit.values();

    static final StateSerde<ClusterState> EVENT = new StateSerde<>(ClusterState.class, (v, out) -> {
        out.string(v.id());
        out.string(v.type());
        out.instant(v.occurredAt());
        period(v.period(), out);
        out.string(v.name());
        out.string(v.location());
        out.string(v.summary());
        out.list(v.sources(), (s, o) -> {
            o.string(s.name());
            o.string(s.url());
            o.string(s.grade());
        });
        out.strings(v.reportIds());
        out.writeLong(v.reports());
        out.strings(v.indicators());
        out.writeDouble(v.weight());
        out.writeLong(v.firstSeen());
        out.writeByte(v.weighed() ? 1 : 0);
    }, in -> new ClusterState(in.string(), in.string(), in.instant(), period(in), in.string(), in.string(),
            in.string(), in.list(i -> new ClusterState.SourceRef(i.string(), i.string(), i.string())), in.strings(),
            in.readLong(), in.strings(), in.readDouble(), in.readLong(), in.readByte() == 1));

    /** Counts and weighted sums share their indicator ids: each id is written once, a missing value as -1 / NaN. */
    static final StateSerde<PeriodTally> TALLY = new StateSerde<>(PeriodTally.class, (v, out) -> {
        out.writeLong(v.events());
        Set<String> ids = new LinkedHashSet<>(v.weighted().keySet());
        ids.addAll(v.counts().keySet());
        out.writeInt(ids.size());
        for (String id : ids) {
            out.string(id);
            out.writeLong(v.counts().getOrDefault(id, -1L));
            out.writeDouble(v.weighted().getOrDefault(id, Double.NaN));
        }
        out.list(v.top(), (r, o) -> {
            o.string(r.key().dyad());
            o.string(r.key().type());
            o.string(r.key().match());
            o.writeLong(r.key().epochDay());
            o.string(r.key().id());
            o.writeDouble(r.weight());
            o.writeLong(r.occurredAtMs());
            o.strings(r.indicators());
        });
        out.writeLong(v.revision());
        long[] covered = v.covered().toLongArray();
        out.writeInt(covered.length);
        for (long word : covered) {
            out.writeLong(word);
        }
        out.writeInt(v.pending().size());
        for (Map.Entry<Integer, Map<String, Double>> day : v.pending().entrySet()) {
            out.writeInt(day.getKey());
            out.writeInt(day.getValue().size());
            for (Map.Entry<String, Double> sum : day.getValue().entrySet()) {
                out.string(sum.getKey());
                out.writeDouble(sum.getValue());
            }
        }
    }, in -> {
        long events = in.readLong();
        int n = in.readInt();
        Map<String, Long> counts = new HashMap<>(n * 2);
        Map<String, Double> weighted = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            String id = in.string();
            long count = in.readLong();
            double weight = in.readDouble();
            if (count >= 0) {
                counts.put(id, count);
            }
            if (!Double.isNaN(weight)) {
                weighted.put(id, weight);
            }
        }
        return new PeriodTally(events, counts, weighted, in.list(i -> new PeriodTally.Ranked(
                new StateKey.OfEvent(i.string(), i.string(), i.string(), i.readLong(), i.string()), i.readDouble(),
                i.readLong(),
                i.strings())), in.readLong(), covered(in), pending(in));
    });

    private static Map<Integer, Map<String, Double>> pending(StateSerde.In in) throws IOException {
        int days = in.readInt();
        if (days < 0 || days > PeriodTally.MAX_DAY + 1) {
            throw new IOException("corrupt pending days: " + days);
        }
        Map<Integer, Map<String, Double>> pending = new HashMap<>(days * 2);
        for (int d = 0; d < days; d++) {
            int day = in.readInt();
            int n = in.readInt();
            Map<String, Double> sums = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                sums.put(in.string(), in.readDouble());
            }
            pending.put(day, sums);
        }
        return pending;
    }

    private static java.util.BitSet covered(StateSerde.In in) throws IOException {
        int words = in.readInt();
        if (words < 0 || words > 8) { // a year is 366 days: 6 words
            throw new IOException("corrupt coverage of " + words + " words");
        }
        long[] bits = new long[words];
        for (int i = 0; i < words; i++) {
            bits[i] = in.readLong();
        }
        return java.util.BitSet.valueOf(bits);
    }

    static final StateSerde<DyadState> DYAD = new StateSerde<>(DyadState.class, (v, out) -> {
        period(v.first(), out);
        period(v.current(), out);
        out.writeLong(v.clockMs());
        out.writeLong(v.revision());
        out.writeLong(v.nextStep());
        out.writeInt(v.pending());
        scenarios(v.lastChange(), out);
        out.list(List.copyOf(v.channels().values()), (c, o) -> {
            o.string(c.channel());
            o.writeByte(c.weighed() ? 1 : 0);
            day(c.declaredFrom(), o);
            day(c.declaredTo(), o);
            day(c.assumedFrom(), o);
        });
        day(v.assumedThrough(), out);
    }, in -> {
        Period first = period(in);
        Period current = period(in);
        long clock = in.readLong();
        long revision = in.readLong();
        long nextStep = in.readLong();
        int pending = in.readInt();
        Map<Scenario, Double> lastChange = scenarios(in);
        Map<String, ChannelCoverage> channels = new HashMap<>();
        for (ChannelCoverage c : in.list(i -> new ChannelCoverage(i.string(), i.readByte() == 1, day(i), day(i),
                day(i)))) {
            channels.put(c.channel(), c);
        }
        return new DyadState(first, current, clock, revision, nextStep, pending, lastChange, channels, day(in));
    });

    /** A day, or null, as its epoch day (Long.MIN_VALUE for null). */
    private static void day(java.time.LocalDate day, StateSerde.Out out) throws IOException {
        out.writeLong(day == null ? Long.MIN_VALUE : day.toEpochDay());
    }

    private static java.time.LocalDate day(StateSerde.In in) throws IOException {
        long epochDay = in.readLong();
        return epochDay == Long.MIN_VALUE ? null : java.time.LocalDate.ofEpochDay(epochDay);
    }

    static final StateSerde<PendingStep> STEP = new StateSerde<>(PendingStep.class, (v, out) -> {
        AssessmentStep s = v.step();
        out.writeLong(s.revision());
        out.string(s.period());
        out.writeDouble(s.periodElapsed());
        out.writeLong(s.eventsInPeriod());
        scenarios(s.probabilities(), out);
        scenarios(s.trailingProbabilities(), out);
        scenarios(s.changeStatistics(), out);
        out.writeInt(s.familyChangeStatistics().size());
        for (Map.Entry<String, Map<Scenario, Double>> e : s.familyChangeStatistics().entrySet()) {
            out.string(e.getKey());
            scenarios(e.getValue(), out);
        }
        out.writeInt(s.outOfScenarioStatistics().size());
        for (Map.Entry<String, Map<String, Double>> e : s.outOfScenarioStatistics().entrySet()) {
            out.string(e.getKey());
            out.writeInt(e.getValue().size());
            for (Map.Entry<String, Double> move : e.getValue().entrySet()) {
                out.string(move.getKey());
                out.writeDouble(move.getValue());
            }
        }
        out.list(v.triggers(), AnalystSerdes::eventKey);
        out.list(v.evidence(), AnalystSerdes::eventKey);
        period(v.restatedFrom(), out);
        out.writeLong(v.timestamp());
        out.list(v.touched(), (t, o) -> {
            period(t.period(), o);
            o.string(t.indicator());
            o.writeDouble(t.before());
            o.writeDouble(t.after());
        });
    }, in -> {
        long revision = in.readLong();
        String period = in.string();
        double elapsed = in.readDouble();
        long events = in.readLong();
        Map<Scenario, Double> probabilities = scenarios(in);
        Map<Scenario, Double> trailing = scenarios(in);
        Map<Scenario, Double> change = scenarios(in);
        int families = in.readInt();
        Map<String, Map<Scenario, Double>> familyChange = new java.util.LinkedHashMap<>();
        for (int i = 0; i < families; i++) {
            familyChange.put(in.string(), scenarios(in));
        }
        int generic = in.readInt();
        Map<String, Map<String, Double>> outOfScenario = new java.util.LinkedHashMap<>();
        for (int i = 0; i < generic; i++) {
            String family = in.string();
            int moves = in.readInt();
            Map<String, Double> m = new java.util.LinkedHashMap<>();
            for (int j = 0; j < moves; j++) {
                m.put(in.string(), in.readDouble());
            }
            outOfScenario.put(family, m);
        }
        var triggers = in.list(AnalystSerdes::eventKey);
        var evidence = in.list(AnalystSerdes::eventKey);
        return new PendingStep(new AssessmentStep(revision, period, elapsed, events, probabilities, trailing, change,
                triggers.stream().map(StateKey.OfEvent::id).toList(), evidence.stream().map(StateKey.OfEvent::id).toList(),
                Map.of(), familyChange, outOfScenario), triggers, evidence, period(in), in.readLong(),
                in.list(i -> new PendingStep.Touched(period(i), i.string(), i.readDouble(), i.readDouble())));
    });

    static final StateSerde<PeriodResult> RESULT = new StateSerde<>(PeriodResult.class, (v, out) -> {
        out.string(v.dyad());
        out.string(v.period());
        out.writeDouble(v.exposure());
        out.writeLong(v.eventsInPeriod());
        out.writeInt(v.indicators().size());
        for (Map.Entry<String, Double> e : v.indicators().entrySet()) {
            out.string(e.getKey());
            out.writeDouble(e.getValue());
        }
        scenarios(v.probabilities(), out);
        scenarios(v.changeStatistics(), out);
        out.writeLong(v.revision());
    }, in -> {
        String dyad = in.string();
        String period = in.string();
        double exposure = in.readDouble();
        long events = in.readLong();
        int n = in.readInt();
        Map<String, Double> indicators = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            indicators.put(in.string(), in.readDouble());
        }
        return new PeriodResult(dyad, period, exposure, events, indicators, scenarios(in), scenarios(in), in.readLong());
    });

    private static void eventKey(StateKey.OfEvent k, StateSerde.Out out) throws IOException {
        out.string(k.dyad());
        out.string(k.type());
        out.string(k.match());
        out.writeLong(k.epochDay());
        out.string(k.id());
    }

    private static StateKey.OfEvent eventKey(StateSerde.In in) throws IOException {
        return new StateKey.OfEvent(in.string(), in.string(), in.string(), in.readLong(), in.string());
    }

    private static void period(Period p, StateSerde.Out out) throws IOException {
        out.writeByte(p.unit().ordinal());
        out.writeInt(p.index());
    }

    private static Period period(StateSerde.In in) throws IOException {
        int unit = in.readByte();
        if (unit < 0 || unit >= UNITS.length) {
            throw new IOException("corrupt period unit " + unit);
        }
        return new Period(UNITS[unit], in.readInt());
    }

    /** A scenario map as a presence mask and the values present, in scenario order. */
    private static void scenarios(Map<Scenario, Double> values, StateSerde.Out out) throws IOException {
        int mask = 0;
        for (Scenario s : SCENARIOS) {
            if (values.containsKey(s)) {
                mask |= 1 << s.ordinal();
            }
        }
        out.writeByte(mask);
        for (Scenario s : SCENARIOS) {
            Double v = values.get(s);
            if (v != null) {
                out.writeDouble(v);
            }
        }
    }

    private static Map<Scenario, Double> scenarios(StateSerde.In in) throws IOException {
        int mask = in.readByte();
        Map<Scenario, Double> values = new EnumMap<>(Scenario.class);
        for (Scenario s : SCENARIOS) {
            if ((mask & (1 << s.ordinal())) != 0) {
                values.put(s, in.readDouble());
            }
        }
        return values;
    }

    private AnalystSerdes() {
    }
}
