package io.dyadwatch.catalog.baseline;

import io.dyadwatch.catalog.model.Quarter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a dyad's status-quo baselines come from, and what they are.
 *
 * @param basis              derived from a record, or analyst judgement
 * @param source             the record's resource name, or {@code analyst judgement}
 * @param from               first quarter of the reference window, null for judgement
 * @param to                 last quarter of the window (inclusive), null for judgement
 * @param eventsCounted      confirmed real-world events in the window that count for at least one indicator
 * @param eventsUnconfirmed  events in the window that matched an indicator but were not confirmed (not counted)
 * @param counts             confirmed events per indicator in the window (empty for judgement)
 * @param rates              baseline events per quarter per indicator
 * @param dispersion         negative-binomial size k per family; {@code Double.POSITIVE_INFINITY} means Poisson
 * @param countedEvents      the counted events, for simulation (empty for judgement)
 */
public record BaselineInfo(Basis basis, String source, Quarter from, Quarter to, int eventsCounted,
                           int eventsUnconfirmed, Map<String, Integer> counts, Map<String, Double> rates,
                           Map<String, Double> dispersion, List<CountedEvent> countedEvents) {

    /** How the baselines were set. */
    public enum Basis {
        /** Counted from a record over a reference window. */
        RECORD,
        /** Stated by an analyst in the catalog. */
        JUDGEMENT
    }

    /** The source of analyst baselines. */
    public static final String JUDGEMENT_SOURCE = "analyst judgement";

    public BaselineInfo {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(source, "source");
        if (basis == Basis.RECORD && (from == null || to == null)) {
            throw new IllegalArgumentException("record baselines need their window");
        }
        if (eventsCounted < 0 || eventsUnconfirmed < 0) {
            throw new IllegalArgumentException("event counts must be >= 0");
        }
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        rates = Collections.unmodifiableMap(new LinkedHashMap<>(rates));
        rates.forEach((id, r) -> {
            if (r == null || !(r > 0) || r.isInfinite()) {
                throw new IllegalArgumentException("baseline of " + id + " must be finite and > 0, got " + r);
            }
        });
        dispersion = Collections.unmodifiableMap(new LinkedHashMap<>(dispersion));
        dispersion.forEach((f, k) -> {
            if (k == null || !(k > 0)) {
                throw new IllegalArgumentException("dispersion of " + f + " must be > 0 (infinite for Poisson), got " + k);
            }
        });
        countedEvents = List.copyOf(countedEvents);
    }

    /** Analyst baselines: no window, Poisson counts. */
    public static BaselineInfo judgement(Map<String, Double> rates) {
        return new BaselineInfo(Basis.JUDGEMENT, JUDGEMENT_SOURCE, null, null, 0, 0, Map.of(), rates, Map.of(), List.of());
    }

    /** Quarters in the window, 0 for judgement. */
    public int quarters() {
        return from == null ? 0 : (to.year() - from.year()) * 4 + to.quarter() - from.quarter() + 1;
    }

    /** Share of the window's matched events that were confirmed, 1 when none matched (or for judgement). */
    public double confirmedShare() {
        int all = eventsCounted + eventsUnconfirmed;
        return all == 0 ? 1 : (double) eventsCounted / all;
    }

    /** The negative-binomial size of a family, {@code Double.POSITIVE_INFINITY} (Poisson) when none was estimated. */
    public double dispersion(String family) {
        return dispersion.getOrDefault(family, Double.POSITIVE_INFINITY);
    }

    /**
     * One confirmed real-world event of the window.
     *
     * @param id         id of its first report
     * @param quarter    the quarter it fell in
     * @param indicators the indicators it counts for (catalog order)
     * @param template   its first report, a template for simulated events of the same kind
     */
    public record CountedEvent(String id, Quarter quarter, List<String> indicators,
                               io.dyadwatch.model.event.Event template) {

        public CountedEvent {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(quarter, "quarter");
            indicators = List.copyOf(indicators);
            Objects.requireNonNull(template, "template");
        }
    }
}
