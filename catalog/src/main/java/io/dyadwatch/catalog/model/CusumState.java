package io.dyadwatch.catalog.model;

import io.dyadwatch.model.assessment.Scenario;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Page's CUSUM of each non-status-quo scenario against STATUS_QUO, for one dyad:
 * {@code S_t = max(0, S_{t-1} + LLR_t(scenario vs STATUS_QUO))}. Immutable; serialises to JSON with Jackson as
 * {@code {"statistics":{"WEAKENING":0.0,"STRENGTHENING":1.2},"periods":3}} for a state store.
 *
 * @param statistics S_t per monitored scenario, each finite and &gt;= 0
 * @param periods    how many periods have been stepped in
 */
public record CusumState(Map<Scenario, Double> statistics, long periods) {

    /** The scenarios with a CUSUM: every scenario but STATUS_QUO. */
    public static final List<Scenario> MONITORED = List.of(Scenario.WEAKENING, Scenario.STRENGTHENING);

    public CusumState {
        EnumMap<Scenario, Double> copy = new EnumMap<>(Scenario.class);
        for (Scenario s : MONITORED) {
            Double v = statistics == null ? null : statistics.get(s);
            double value = v == null ? 0 : v;
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("CUSUM statistic of " + s + " must be finite and >= 0, got " + v);
            }
            copy.put(s, value);
        }
        if (periods < 0) {
            throw new IllegalArgumentException("periods must be >= 0, got " + periods);
        }
        statistics = Collections.unmodifiableMap(copy);
    }

    /** Every statistic 0, no period seen. */
    public static CusumState initial() {
        return new CusumState(Map.of(), 0);
    }

    /** The state after one more period whose log-likelihood ratios against STATUS_QUO are given (from {@link Assessment#llrVsStatusQuo()}). */
    public CusumState step(Map<Scenario, Double> llrVsStatusQuo) {
        EnumMap<Scenario, Double> next = new EnumMap<>(Scenario.class);
        for (Scenario s : MONITORED) {
            Double llr = llrVsStatusQuo.get(s);
            if (llr == null || llr.isNaN()) {
                throw new IllegalArgumentException("missing log-likelihood ratio for " + s);
            }
            next.put(s, Math.max(0, statistics.get(s) + llr));
        }
        return new CusumState(next, periods + 1);
    }

    /** The state after one more assessed period. */
    public CusumState step(Assessment assessment) {
        return step(assessment.llrVsStatusQuo());
    }

    /** The statistic of one monitored scenario. */
    public double statistic(Scenario scenario) {
        Double v = statistics.get(scenario);
        if (v == null) {
            throw new IllegalArgumentException(scenario + " has no CUSUM; monitored: " + MONITORED);
        }
        return v;
    }

    /** The scenarios whose statistic exceeds its threshold. */
    public Set<Scenario> alarms(CusumThresholds thresholds) {
        Set<Scenario> alarms = EnumSet.noneOf(Scenario.class);
        for (Scenario s : MONITORED) {
            if (statistics.get(s) > thresholds.threshold(s)) {
                alarms.add(s);
            }
        }
        return alarms;
    }

    /** The same state with these scenarios' statistics back at 0 (after an alarm has been raised). */
    public CusumState reset(Set<Scenario> scenarios) {
        EnumMap<Scenario, Double> next = new EnumMap<>(Scenario.class);
        next.putAll(statistics);
        scenarios.forEach(s -> next.replace(s, 0.0));
        return new CusumState(next, periods);
    }
}
