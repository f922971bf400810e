package io.dyadwatch.catalog.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Confirmed real-world events of one period by <em>kind</em>: the set of indicators each event matched, as one
 * observation (a rich exercise matching three exercise indicators is one count under its three-indicator key, not three
 * counts). Keys are the indicator ids sorted alphabetically; {@link #key} gives the same key as text for a store.
 *
 * @param counts confirmed events per kind (sorted indicator ids, at least one), each finite and &gt;= 0
 */
public record KindCounts(Map<List<String>, Double> counts) {

    /** Separator of the ids in a {@link #key}. */
    public static final String SEPARATOR = "+";

    public KindCounts {
        Map<List<String>, Double> sorted = new TreeMap<>(KindCounts::compare);
        Objects.requireNonNull(counts, "counts").forEach((indicators, count) -> {
            if (count == null || !(count >= 0) || count.isInfinite()) {
                throw new IllegalArgumentException("count of kind " + indicators + " must be finite and >= 0, got " + count);
            }
            sorted.merge(sortedIds(indicators), count, Double::sum);
        });
        counts = Collections.unmodifiableMap(sorted);
    }

    /** No event. */
    public static KindCounts none() {
        return new KindCounts(Map.of());
    }

    /** Each indicator's count read as that many events matching that indicator alone. */
    public static KindCounts ofSingleIndicators(Map<String, Double> countsByIndicator) {
        Map<List<String>, Double> m = new TreeMap<>(KindCounts::compare);
        countsByIndicator.forEach((id, n) -> m.put(List.of(id), n));
        return new KindCounts(m);
    }

    /** Counts keyed by {@link #key} text (a store's form), e.g. {@code {"exercise-high-end+exercise-routine": 2.0}}. */
    public static KindCounts ofKeys(Map<String, Double> countsByKey) {
        Map<List<String>, Double> m = new TreeMap<>(KindCounts::compare);
        countsByKey.forEach((key, n) -> m.merge(parseKey(key), n, Double::sum));
        return new KindCounts(m);
    }

    /** These counts with {@code count} more events matching exactly {@code indicators}. */
    public KindCounts plus(Collection<String> indicators, double count) {
        Map<List<String>, Double> m = new TreeMap<>(KindCounts::compare);
        m.putAll(counts);
        m.merge(sortedIds(indicators), count, Double::sum);
        return new KindCounts(m);
    }

    /** Total events. */
    public double events() {
        return counts.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The key of an event's indicator set as text: the ids sorted alphabetically, joined by {@value #SEPARATOR}. */
    public static String key(Collection<String> indicators) {
        return String.join(SEPARATOR, sortedIds(indicators));
    }

    /** The indicator ids of a {@link #key}. */
    public static List<String> parseKey(String key) {
        return sortedIds(Arrays.asList(Objects.requireNonNull(key, "key").split("\\+")));
    }

    /** The ids sorted alphabetically, distinct, at least one, none blank. */
    static List<String> sortedIds(Collection<String> indicators) {
        Objects.requireNonNull(indicators, "indicators");
        List<String> ids = new ArrayList<>(new java.util.TreeSet<>(indicators));
        if (ids.isEmpty() || ids.stream().anyMatch(id -> id == null || id.isBlank())) {
            throw new IllegalArgumentException("a kind is a non-empty set of indicator ids, got " + indicators);
        }
        return List.copyOf(ids);
    }

    private static int compare(List<String> a, List<String> b) {
        return String.join(SEPARATOR, a).compareTo(String.join(SEPARATOR, b));
    }
}
