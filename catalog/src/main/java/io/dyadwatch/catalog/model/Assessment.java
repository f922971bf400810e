package io.dyadwatch.catalog.model;

import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The model's judgement of one dyad in one period.
 *
 * @param dyad           the dyad or group
 * @param counts         weighted count per indicator, as given (absent = 0)
 * @param logLikelihood  ln P(counts | scenario), Poisson, continuous in the count
 * @param posterior      P(scenario | counts) from the dyad's priors; sums to 1
 * @param llrVsStatusQuo ln P(counts | scenario) - ln P(counts | STATUS_QUO); the CUSUM increment
 * @param contributions  one per catalog indicator, in catalog order; their terms sum to {@code llrVsStatusQuo}
 */
public record Assessment(Dyad dyad, Map<String, Double> counts, Map<Scenario, Double> logLikelihood,
                         Map<Scenario, Double> posterior, Map<Scenario, Double> llrVsStatusQuo,
                         List<IndicatorContribution> contributions) {

    public Assessment {
        Objects.requireNonNull(dyad, "dyad");
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        logLikelihood = ScenarioMaps.copy(logLikelihood, "logLikelihood");
        posterior = ScenarioMaps.copy(posterior, "posterior");
        llrVsStatusQuo = ScenarioMaps.copy(llrVsStatusQuo, "llrVsStatusQuo");
        contributions = List.copyOf(contributions);
    }

    /** The scenario with the highest posterior. */
    public Scenario mostLikely() {
        return posterior.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /**
     * The indicators that moved {@code scenario} most against STATUS_QUO, largest absolute term first, at most
     * {@code limit}, leaving out terms smaller than 1e-9.
     */
    public List<IndicatorContribution> drivers(Scenario scenario, int limit) {
        return contributions.stream()
                .filter(c -> Math.abs(c.llrVsStatusQuo().get(scenario)) > 1e-9)
                .sorted(Comparator.comparingDouble((IndicatorContribution c) -> -Math.abs(c.llrVsStatusQuo().get(scenario))))
                .limit(limit)
                .toList();
    }
}
