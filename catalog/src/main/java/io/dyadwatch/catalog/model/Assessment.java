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
 * @param familyLlrVsStatusQuo per family, the log-likelihood ratio of a move of that family alone toward each
 *                       scenario (the family's indicators at the scenario's rates, the rest unchanged): the sum of the
 *                       family's contributions; the increment of the family CUSUMs
 */
public record Assessment(Dyad dyad, Map<String, Double> counts, Map<Scenario, Double> logLikelihood,
                         Map<Scenario, Double> posterior, Map<Scenario, Double> llrVsStatusQuo,
                         List<IndicatorContribution> contributions,
                         Map<String, Map<Scenario, Double>> familyLlrVsStatusQuo) {

    public Assessment {
        Objects.requireNonNull(dyad, "dyad");
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        logLikelihood = ScenarioMaps.copy(logLikelihood, "logLikelihood");
        posterior = ScenarioMaps.copy(posterior, "posterior");
        llrVsStatusQuo = ScenarioMaps.copy(llrVsStatusQuo, "llrVsStatusQuo");
        contributions = List.copyOf(contributions);
        Map<String, Map<Scenario, Double>> families = new LinkedHashMap<>();
        (familyLlrVsStatusQuo == null ? Map.<String, Map<Scenario, Double>>of() : familyLlrVsStatusQuo)
                .forEach((f, llr) -> families.put(Objects.requireNonNull(f, "family"), ScenarioMaps.copy(llr, "family llr")));
        familyLlrVsStatusQuo = Collections.unmodifiableMap(families);
    }

    /** An assessment without family terms. */
    public Assessment(Dyad dyad, Map<String, Double> counts, Map<Scenario, Double> logLikelihood,
                      Map<Scenario, Double> posterior, Map<Scenario, Double> llrVsStatusQuo,
                      List<IndicatorContribution> contributions) {
        this(dyad, counts, logLikelihood, posterior, llrVsStatusQuo, contributions, Map.of());
    }

    /** The ids of the indicators that were not observed (exposure 0) and so took no part. */
    public List<String> unobserved() {
        return contributions.stream().filter(c -> !c.observedAtAll()).map(IndicatorContribution::indicatorId).toList();
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
