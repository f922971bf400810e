package io.dyadwatch.catalog.model;

import io.dyadwatch.model.assessment.Scenario;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** Unmodifiable per-scenario maps in scenario order. */
final class ScenarioMaps {

    private ScenarioMaps() {
    }

    static Map<Scenario, Double> copy(Map<Scenario, Double> values, String name) {
        Objects.requireNonNull(values, name);
        EnumMap<Scenario, Double> copy = new EnumMap<>(Scenario.class);
        values.forEach((s, v) -> copy.put(Objects.requireNonNull(s, name + " key"), Objects.requireNonNull(v, name + " value")));
        return Collections.unmodifiableMap(copy);
    }
}
