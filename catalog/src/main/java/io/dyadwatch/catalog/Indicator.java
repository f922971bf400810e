package io.dyadwatch.catalog;

import io.dyadwatch.catalog.match.EventMatcher;
import io.dyadwatch.model.assessment.Scenario;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An observable activity tracked against the scenarios: one row of the Indicators Validator matrix.
 *
 * @param id            stable identifier, lower case with hyphens
 * @param description   what is counted
 * @param citation      the seed passage it comes from
 * @param matcher       which events count
 * @param relativeRates expected rate under each scenario, relative to the dyad's baseline (all three, each &gt; 0)
 * @param example       a typical event
 * @param family        the activity family it belongs to (one of the catalog's families)
 * @param rationale     one sentence on why its rates are what they are, with its seed reason
 * @param signature     when one confirmed event of it changes the picture at once (a signature event): why, and its
 *                      status-quo rate by judgement; null for an ordinary indicator
 */
public record Indicator(String id, String description, Citation citation, EventMatcher matcher,
                        Map<Scenario, Double> relativeRates, IndicatorExample example, String family, String rationale,
                        SignatureJudgement signature) {

    /** Allowed indicator ids. */
    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public Indicator {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("indicator id must be lower case words joined by '-', got '" + id + "'");
        }
        Citation.requireText(description, "description");
        Objects.requireNonNull(citation, "citation");
        Objects.requireNonNull(matcher, "matcher");
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(family, "family");
        rationale = rationale == null ? "" : rationale;
        EnumMap<Scenario, Double> rates = new EnumMap<>(Scenario.class);
        for (Scenario s : Scenario.values()) {
            Double r = relativeRates.get(s);
            if (r == null || !(r > 0) || r.isInfinite()) {
                throw new IllegalArgumentException("indicator " + id + " needs a finite rate > 0 for " + s + ", got " + r);
            }
            rates.put(s, r);
        }
        relativeRates = java.util.Collections.unmodifiableMap(rates);
    }

    /** An ordinary indicator (no signature). */
    public Indicator(String id, String description, Citation citation, EventMatcher matcher,
                     Map<Scenario, Double> relativeRates, IndicatorExample example, String family, String rationale) {
        this(id, description, citation, matcher, relativeRates, example, family, rationale, null);
    }

    /** The relative rate under a scenario. */
    public double relativeRate(Scenario scenario) {
        return relativeRates.get(scenario);
    }
}
