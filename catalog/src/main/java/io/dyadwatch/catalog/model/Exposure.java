package io.dyadwatch.catalog.model;

import io.dyadwatch.catalog.Catalog;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long each indicator was observed, in periods (quarters): the exposure of its count. The expected count of an
 * indicator scales with its exposure, and an exposure of 0 means the indicator was not observed at all: it adds no
 * likelihood term, whatever was (or was not) reported. Coverage can differ by indicator: a SIPRI file covers arms
 * transfers, not exercises.
 *
 * @param otherwise   exposure of every indicator not listed, finite and &gt;= 0
 * @param byIndicator exposure of listed indicators, each finite and &gt;= 0
 */
public record Exposure(double otherwise, Map<String, Double> byIndicator) {

    public Exposure {
        check(otherwise, "exposure");
        byIndicator = Collections.unmodifiableMap(new LinkedHashMap<>(byIndicator));
        byIndicator.forEach((id, e) -> check(e == null ? Double.NaN : e, "exposure of " + id));
    }

    /** Every indicator observed for the same time. */
    public static Exposure uniform(double periods) {
        return new Exposure(periods, Map.of());
    }

    /** Exposure per family of a catalog; families not listed get {@code otherwise}. */
    public static Exposure perFamily(Catalog catalog, Map<String, Double> byFamily, double otherwise) {
        Map<String, Double> byIndicator = new LinkedHashMap<>();
        byFamily.forEach((family, e) -> catalog.indicatorsOf(family).forEach(id -> byIndicator.put(id, e)));
        return new Exposure(otherwise, byIndicator);
    }

    /** The exposure of an indicator. */
    public double of(String indicatorId) {
        return byIndicator.getOrDefault(indicatorId, otherwise);
    }

    /** True when no indicator was observed at all. */
    public boolean nothingObserved() {
        return otherwise == 0 && byIndicator.values().stream().allMatch(e -> e == 0);
    }

    private static void check(double e, String name) {
        if (!(e >= 0) || Double.isInfinite(e)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + e);
        }
    }
}
