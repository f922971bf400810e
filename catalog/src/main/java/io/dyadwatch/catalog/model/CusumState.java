package io.dyadwatch.catalog.model;

import io.dyadwatch.model.assessment.Scenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Page's CUSUMs of one dyad: one per monitored scenario over the whole catalog,
 * {@code S_t = max(0, S_{t-1} + LLR_t(scenario vs STATUS_QUO))}, and one per family and monitored scenario over that
 * family's indicators alone ({@link Assessment#familyLlrVsStatusQuo()}), which sees a move of a few activities sooner.
 * Immutable; serialises to JSON with Jackson as
 * {@code {"statistics":{"WEAKENING":0.0,"STRENGTHENING":1.2},"periods":3,"familyStatistics":{"patrols":{...}}}}.
 *
 * @param statistics       whole-scenario S_t per monitored scenario, each finite and &gt;= 0
 * @param periods          how many periods have been stepped in
 * @param familyStatistics per family stepped so far, S_t per monitored scenario (a family not present is at 0)
 * @param genericStatistics per family stepped so far, the out-of-scenario CUSUM of each generic move
 *                         ({@link ScenarioModel.Evaluation#genericLlrVsStatusQuo}; a family not present is at 0)
 */
public record CusumState(Map<Scenario, Double> statistics, long periods,
                         Map<String, Map<Scenario, Double>> familyStatistics,
                         Map<String, Map<GenericMove, Double>> genericStatistics) {

    /** The scenarios with a CUSUM: every scenario but STATUS_QUO. */
    public static final List<Scenario> MONITORED = List.of(Scenario.WEAKENING, Scenario.STRENGTHENING);

    /** A family CUSUM over its threshold. */
    public record FamilyAlarm(String family, Scenario scenario) {
    }

    public CusumState {
        statistics = monitored(statistics, "CUSUM statistic");
        if (periods < 0) {
            throw new IllegalArgumentException("periods must be >= 0, got " + periods);
        }
        Map<String, Map<Scenario, Double>> families = new LinkedHashMap<>();
        if (familyStatistics != null) {
            familyStatistics.forEach((f, m) -> families.put(f, monitored(m, "CUSUM statistic of family " + f)));
        }
        familyStatistics = Collections.unmodifiableMap(families);
        Map<String, Map<GenericMove, Double>> generic = new LinkedHashMap<>();
        if (genericStatistics != null) {
            genericStatistics.forEach((f, m) -> {
                EnumMap<GenericMove, Double> copy = new EnumMap<>(GenericMove.class);
                for (GenericMove move : GenericMove.values()) {
                    Double v = m == null ? null : m.get(move);
                    double value = v == null ? 0 : v;
                    if (!(value >= 0) || Double.isInfinite(value)) {
                        throw new IllegalArgumentException("generic statistic of " + f + " " + move
                                + " must be finite and >= 0, got " + v);
                    }
                    copy.put(move, value);
                }
                generic.put(f, Collections.unmodifiableMap(copy));
            });
        }
        genericStatistics = Collections.unmodifiableMap(generic);
    }

    /** Whole-scenario and family statistics (generic ones at 0). */
    public CusumState(Map<Scenario, Double> statistics, long periods, Map<String, Map<Scenario, Double>> familyStatistics) {
        this(statistics, periods, familyStatistics, Map.of());
    }

    /** Whole-scenario statistics only (families at 0). */
    public CusumState(Map<Scenario, Double> statistics, long periods) {
        this(statistics, periods, Map.of());
    }

    /** Every statistic 0, no period seen. */
    public static CusumState initial() {
        return new CusumState(Map.of(), 0, Map.of(), Map.of());
    }

    /**
     * The state after one more period whose whole-scenario log-likelihood ratios against STATUS_QUO are given (from
     * {@link Assessment#llrVsStatusQuo()}); the family statistics are left as they are (use {@link #step(Assessment)}).
     */
    public CusumState step(Map<Scenario, Double> llrVsStatusQuo) {
        return new CusumState(stepped(statistics, llrVsStatusQuo), periods + 1, familyStatistics, genericStatistics);
    }

    /** The state after one more assessed period: whole-scenario and family statistics. */
    public CusumState step(Assessment assessment) {
        Map<String, Map<Scenario, Double>> families = new LinkedHashMap<>(familyStatistics);
        assessment.familyLlrVsStatusQuo().forEach((f, llr) ->
                families.put(f, stepped(familyStatistics.getOrDefault(f, Map.of()), llr)));
        return new CusumState(stepped(statistics, assessment.llrVsStatusQuo()), periods + 1, families, genericStatistics);
    }

    /**
     * The state after one more evaluated period ({@link ScenarioModel#evaluate}): whole-scenario, family and
     * out-of-scenario statistics.
     */
    public CusumState step(ScenarioModel.Evaluation evaluation) {
        EnumMap<Scenario, Double> whole = new EnumMap<>(Scenario.class);
        for (Scenario s : MONITORED) {
            whole.put(s, evaluation.llrVsStatusQuo(s));
        }
        Map<String, Map<Scenario, Double>> families = new LinkedHashMap<>(familyStatistics);
        evaluation.familyLlrVsStatusQuo().forEach((f, llr) ->
                families.put(f, stepped(familyStatistics.getOrDefault(f, Map.of()), llr)));
        Map<String, Map<GenericMove, Double>> generic = new LinkedHashMap<>();
        for (String f : evaluation.familyLlrVsStatusQuo().keySet()) {
            EnumMap<GenericMove, Double> next = new EnumMap<>(GenericMove.class);
            for (GenericMove move : GenericMove.values()) {
                next.put(move, Math.max(0, genericStatistic(f, move) + evaluation.genericLlrVsStatusQuo(f, move)));
            }
            generic.put(f, next);
        }
        return new CusumState(stepped(statistics, whole), periods + 1, families, generic);
    }

    /** The whole-scenario statistic of one monitored scenario. */
    public double statistic(Scenario scenario) {
        Double v = statistics.get(scenario);
        if (v == null) {
            throw new IllegalArgumentException(scenario + " has no CUSUM; monitored: " + MONITORED);
        }
        return v;
    }

    /** The statistic of a family's CUSUM toward a monitored scenario; 0 for a family not stepped yet. */
    public double familyStatistic(String family, Scenario scenario) {
        statistic(scenario);
        Map<Scenario, Double> m = familyStatistics.get(family);
        return m == null ? 0 : m.get(scenario);
    }

    /** The out-of-scenario statistic of a family's generic move; 0 for a family not stepped yet. */
    public double genericStatistic(String family, GenericMove move) {
        Map<GenericMove, Double> m = genericStatistics.get(family);
        return m == null ? 0 : m.get(move);
    }

    /**
     * "Status quo rejected in family F, no scenario explains it": the families whose out-of-scenario CUSUM of some
     * generic move is over its threshold while neither whole-scenario CUSUM is over its own (a scenario alert names
     * the future that explains the movement; this one says none does). Family order.
     */
    public List<String> noScenarioFits(CusumThresholds thresholds) {
        if (!alarms(thresholds).isEmpty()) {
            return List.of();
        }
        return genericAlarms(thresholds).stream().map(GenericAlarm::family).distinct().toList();
    }

    /** An out-of-scenario CUSUM over its threshold. */
    public record GenericAlarm(String family, GenericMove move) {
    }

    /** The monitored out-of-scenario CUSUMs over their thresholds, in family order then move order. */
    public List<GenericAlarm> genericAlarms(CusumThresholds thresholds) {
        List<GenericAlarm> alarms = new ArrayList<>();
        genericStatistics.forEach((f, m) -> {
            for (GenericMove move : GenericMove.values()) {
                if (thresholds.monitorsGeneric(f, move) && m.get(move) > thresholds.genericThreshold(f, move)) {
                    alarms.add(new GenericAlarm(f, move));
                }
            }
        });
        return alarms;
    }

    /** The scenarios whose whole-scenario statistic exceeds its threshold. */
    public Set<Scenario> alarms(CusumThresholds thresholds) {
        Set<Scenario> alarms = EnumSet.noneOf(Scenario.class);
        for (Scenario s : MONITORED) {
            if (statistics.get(s) > thresholds.threshold(s)) {
                alarms.add(s);
            }
        }
        return alarms;
    }

    /** The family CUSUMs over their thresholds, in family order then scenario order. */
    public List<FamilyAlarm> familyAlarms(CusumThresholds thresholds) {
        List<FamilyAlarm> alarms = new ArrayList<>();
        familyStatistics.forEach((f, m) -> {
            for (Scenario s : MONITORED) {
                if (thresholds.monitorsFamily(f, s) && m.get(s) > thresholds.familyThreshold(f, s)) {
                    alarms.add(new FamilyAlarm(f, s));
                }
            }
        });
        return alarms;
    }

    /** The same state with these scenarios' whole-scenario statistics back at 0 (after an alarm has been raised). */
    public CusumState reset(Set<Scenario> scenarios) {
        EnumMap<Scenario, Double> next = new EnumMap<>(Scenario.class);
        next.putAll(statistics);
        scenarios.forEach(s -> next.replace(s, 0.0));
        return new CusumState(next, periods, familyStatistics, genericStatistics);
    }

    /** The same state with one family's statistic toward a scenario back at 0. */
    public CusumState resetFamily(String family, Scenario scenario) {
        Map<String, Map<Scenario, Double>> families = new LinkedHashMap<>(familyStatistics);
        Map<Scenario, Double> m = families.get(family);
        if (m != null) {
            EnumMap<Scenario, Double> next = new EnumMap<>(Scenario.class);
            next.putAll(m);
            next.replace(scenario, 0.0);
            families.put(family, next);
        }
        return new CusumState(statistics, periods, families, genericStatistics);
    }

    private static Map<Scenario, Double> stepped(Map<Scenario, Double> before, Map<Scenario, Double> llr) {
        EnumMap<Scenario, Double> next = new EnumMap<>(Scenario.class);
        for (Scenario s : MONITORED) {
            Double increment = llr.get(s);
            if (increment == null || increment.isNaN()) {
                throw new IllegalArgumentException("missing log-likelihood ratio for " + s);
            }
            next.put(s, Math.max(0, before.getOrDefault(s, 0.0) + increment));
        }
        return next;
    }

    private static Map<Scenario, Double> monitored(Map<Scenario, Double> values, String name) {
        EnumMap<Scenario, Double> copy = new EnumMap<>(Scenario.class);
        for (Scenario s : MONITORED) {
            Double v = values == null ? null : values.get(s);
            double value = v == null ? 0 : v;
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(name + " of " + s + " must be finite and >= 0, got " + v);
            }
            copy.put(s, value);
        }
        return Collections.unmodifiableMap(copy);
    }
}
