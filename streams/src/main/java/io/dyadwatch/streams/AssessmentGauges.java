package io.dyadwatch.streams;

import io.dyadwatch.model.assessment.Assessment;
import io.dyadwatch.model.assessment.Scenario;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The latest assessment of each dyad held by this instance, as gauges for dashboards: scenario probabilities
 * (current period and trailing horizon), change statistics and their thresholds, and the current period's
 * indicator values. Tag values are bounded: watched dyads, three scenarios, catalog indicators. One instance per
 * topology, shared by its tasks (a dyad's gauge survives the task moving between threads). Thread-safe.
 */
final class AssessmentGauges {

    static final String PROBABILITY = "dyadwatch.scenario.probability";
    static final String CHANGE = "dyadwatch.change.statistic";
    static final String THRESHOLD = "dyadwatch.change.threshold";
    static final String INDICATOR = "dyadwatch.indicator.value";
    static final String REVISION = "dyadwatch.assessment.revision";

    private final MeterRegistry registry;
    private final java.util.List<String> indicators;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    /** @param indicators every catalog indicator id: each dyad gets a series per indicator, 0 when quiet */
    AssessmentGauges(MeterRegistry registry, java.util.List<String> indicators) {
        this.registry = registry;
        this.indicators = java.util.List.copyOf(indicators);
    }

    void update(Assessment a) {
        for (Scenario s : Scenario.values()) {
            set(PROBABILITY, "Scenario probability for the dyad", a.probabilities().getOrDefault(s, 0.0),
                    "dyad", a.dyad(), "scenario", s.name(), "horizon", "current");
            set(PROBABILITY, "Scenario probability for the dyad", a.trailingProbabilities().getOrDefault(s, 0.0),
                    "dyad", a.dyad(), "scenario", s.name(), "horizon", "trailing");
        }
        a.changeStatistics().forEach((s, v) -> set(CHANGE, "CUSUM change statistic toward the scenario", v,
                "dyad", a.dyad(), "scenario", s.name()));
        a.thresholds().forEach((s, v) -> set(THRESHOLD, "Alarm threshold of the change statistic", v,
                "dyad", a.dyad(), "scenario", s.name()));
        for (String indicator : indicators) {
            set(INDICATOR, "Weighted indicator value in the current period", a.indicators().getOrDefault(indicator, 0.0),
                    "dyad", a.dyad(), "indicator", indicator);
        }
        set(REVISION, "Revision of the dyad's assessment", a.revision(), "dyad", a.dyad());
    }

    /**
     * Removes every series of a dyad: called when the task holding it leaves this instance (a rebalance, a
     * shutdown), so that no stale value stays exported here while another instance publishes the live one.
     */
    void remove(String dyad) {
        values.keySet().removeIf(key -> key.contains("|" + dyad + "|") || key.endsWith("|" + dyad));
        for (io.micrometer.core.instrument.Meter meter : java.util.List.copyOf(registry.getMeters())) {
            if (meter.getId().getName().startsWith("dyadwatch.") && dyad.equals(meter.getId().getTag("dyad"))) {
                registry.remove(meter);
            }
        }
    }

    private void set(String name, String description, double value, String... tags) {
        String key = name + "|" + String.join("|", java.util.Arrays.copyOfRange(tags, 1, tags.length));
        values.computeIfAbsent(key, k -> {
            AtomicLong holder = new AtomicLong(Double.doubleToLongBits(0.0));
            Gauge.builder(name, holder, h -> Double.longBitsToDouble(h.get())).description(description).tags(tags)
                    .strongReference(true).register(registry);
            return holder;
        }).set(Double.doubleToLongBits(value));
    }
}
