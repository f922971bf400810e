package io.dyadwatch.catalog.model;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.catalog.DyadProfile;
import io.dyadwatch.catalog.Indicator;
import io.dyadwatch.catalog.baseline.BaselineInfo;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.EventType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The kinds of real-world events a dyad produces, for simulation: a kind is a set of indicators one event counts for
 * at once (a rich exercise counts for several), with its rate of confirmed events per quarter.
 *
 * <p>For a dyad with a reference record: each distinct indicator set a counted event of the window matched, at its
 * rate in the window (events / quarters), with that event as template; plus one single-indicator kind per indicator
 * for the rest of its baseline (the half pseudo-event), with the indicator's example as template. For analyst
 * baselines: one single-indicator kind per indicator at its baseline. Either way each indicator's rate, summed over
 * the kinds it belongs to, is its baseline.
 *
 * <p>{@link #under} moves the rates to other indicator rates: every kind takes the geometric mean of its indicators'
 * multipliers (a single-indicator kind its indicator's own). Under the status quo each indicator's rate is exactly its
 * baseline; under a move, an indicator seen mostly in rich events moves by about the mean of their features'
 * multipliers rather than exactly by its own.
 *
 * @param kinds the kinds
 */
public record EventKinds(List<Kind> kinds) {

    /**
     * One kind of event.
     *
     * @param indicators  the indicators it counts for, catalog order, at least one
     * @param family      the family of its first indicator (whose overdispersion it shares)
     * @param rate        confirmed events per quarter
     * @param type        event type of the template
     * @param attributes  attributes of the template
     * @param summary     summary of the template
     * @param fromRecord  true for a kind seen in the reference record, false for a single-indicator kind that makes up
     *                    the rest of an indicator's rate (template: the indicator's example)
     */
    public record Kind(List<String> indicators, String family, double rate, EventType type,
                       Map<String, Object> attributes, String summary, boolean fromRecord) {

        public Kind {
            indicators = List.copyOf(indicators);
            if (indicators.isEmpty()) {
                throw new IllegalArgumentException("a kind counts for at least one indicator");
            }
            Objects.requireNonNull(family, "family");
            if (!(rate >= 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("rate must be finite and >= 0, got " + rate);
            }
            Objects.requireNonNull(type, "type");
            attributes = attributes == null ? Map.of() : attributes;
            summary = summary == null ? "" : summary;
        }

        Kind withRate(double newRate) {
            return new Kind(indicators, family, newRate, type, attributes, summary, fromRecord);
        }
    }

    public EventKinds {
        kinds = List.copyOf(kinds);
    }

    /** The status-quo kinds of a watched dyad of a model. */
    public static EventKinds of(ScenarioModel model, Dyad dyad) {
        return of(model.catalog(), model.catalog().dyad(dyad));
    }

    /** The status-quo kinds of a dyad profile of a catalog. */
    public static EventKinds of(Catalog catalog, DyadProfile profile) {
        BaselineInfo info = profile.baselineInfo();
        Map<List<String>, Kind> byIndicators = new LinkedHashMap<>();
        if (info.basis() == BaselineInfo.Basis.RECORD) {
            double perEvent = 1.0 / info.quarters();
            for (BaselineInfo.CountedEvent e : info.countedEvents()) {
                Kind known = byIndicators.get(e.indicators());
                byIndicators.put(e.indicators(), known != null ? known.withRate(known.rate() + perEvent)
                        : new Kind(e.indicators(), catalog.indicator(e.indicators().get(0)).family(), perEvent,
                        e.template().type(), e.template().attributes(), e.template().summary(), true));
            }
        }
        List<Kind> kinds = new ArrayList<>(byIndicators.values());
        Map<String, Double> multipliers = new LinkedHashMap<>();
        catalog.indicators().forEach(i -> multipliers.put(i.id(), 1.0));
        return new EventKinds(kinds).completed(catalog, profile, multipliers);
    }

    /**
     * The kinds when indicator i moves by {@code multipliers[i]} (an indicator not listed keeps its rate): a
     * whole-scenario shift, a family shift, anything in between. Every kind moves by the geometric mean of its
     * indicators' multipliers (a single-indicator kind by its indicator's own): the features of one event move
     * together, each feature's judgement weighing the same (docs/model.md, section 3).
     */
    public EventKinds under(ScenarioModel model, Dyad dyad, Map<String, Double> multipliers) {
        return under(model.catalog(), model.catalog().dyad(dyad), multipliers);
    }

    /** {@link #under(ScenarioModel, Dyad, Map)} for a dyad profile of a catalog. */
    public EventKinds under(Catalog catalog, DyadProfile profile, Map<String, Double> multipliers) {
        List<Kind> moved = new ArrayList<>();
        for (Kind k : kinds) {
            moved.add(k.withRate(k.rate() * multiplier(k.indicators(), multipliers)));
        }
        return new EventKinds(moved);
    }

    /** The multiplier of a kind: the geometric mean of its indicators' multipliers (1 for an indicator not listed). */
    public static double multiplier(List<String> indicators, Map<String, Double> multipliers) {
        double log = 0;
        for (String id : indicators) {
            log += Math.log(multipliers.getOrDefault(id, 1.0));
        }
        return Math.exp(log / indicators.size());
    }

    /** Multipliers that put every indicator at its rate under a scenario, or only a family's indicators (family non-null). */
    public static Map<String, Double> multipliers(ScenarioModel model, Dyad dyad, Scenario scenario, String family) {
        model.parameters(dyad);
        return multipliers(model.catalog(), scenario, family);
    }

    /**
     * The catalog's relative rates under a scenario for every indicator, or only for a family's indicators (family
     * non-null; the others 1).
     */
    public static Map<String, Double> multipliers(Catalog catalog, Scenario scenario, String family) {
        if (family != null) {
            catalog.indicatorsOf(family);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        for (Indicator i : catalog.indicators()) {
            boolean moves = family == null || family.equals(i.family());
            m.put(i.id(), moves ? i.relativeRate(scenario) : 1.0);
        }
        return m;
    }

    /** The rate of confirmed events of an indicator per quarter, summed over its kinds. */
    public double rateOf(String indicatorId) {
        return kinds.stream().filter(k -> k.indicators().contains(indicatorId)).mapToDouble(Kind::rate).sum();
    }

    /** These kinds plus single-indicator kinds for what each indicator lacks of its baseline x multiplier. */
    private EventKinds completed(Catalog catalog, DyadProfile profile, Map<String, Double> multipliers) {
        List<Kind> all = new ArrayList<>(kinds);
        for (Indicator i : catalog.indicators()) {
            double target = profile.baseline(i.id()) * multipliers.getOrDefault(i.id(), 1.0);
            double rest = target - rateOf(i.id());
            if (rest > 1e-12) {
                all.add(new Kind(List.of(i.id()), i.family(), rest, i.example().type(), i.example().attributes(),
                        i.example().summary(), false));
            }
        }
        return new EventKinds(all);
    }
}
