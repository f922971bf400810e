package io.dyadwatch.catalog.model;

import io.dyadwatch.model.assessment.Scenario;
import java.util.Map;
import java.util.Objects;

/**
 * What one indicator did to the assessment of one period.
 *
 * @param indicatorId    the indicator
 * @param observed       weighted count observed in the period
 * @param expected       expected count under each scenario (baseline x relative rate)
 * @param llrVsStatusQuo this indicator's term of each scenario's log-likelihood ratio against STATUS_QUO:
 *                       (negative binomial, docs/model.md); 0 for STATUS_QUO, and 0 for every scenario when unobserved
 * @param exposure       periods the indicator was observed; 0 means not observed (no likelihood term)
 */
public record IndicatorContribution(String indicatorId, double observed, Map<Scenario, Double> expected,
                                    Map<Scenario, Double> llrVsStatusQuo, double exposure) {

    public IndicatorContribution {
        Objects.requireNonNull(indicatorId, "indicatorId");
        if (!(observed >= 0)) {
            throw new IllegalArgumentException("observed must be >= 0, got " + observed);
        }
        expected = ScenarioMaps.copy(expected, "expected");
        llrVsStatusQuo = ScenarioMaps.copy(llrVsStatusQuo, "llrVsStatusQuo");
        if (!(exposure >= 0)) {
            throw new IllegalArgumentException("exposure must be >= 0, got " + exposure);
        }
    }

    /** A contribution over one whole period. */
    public IndicatorContribution(String indicatorId, double observed, Map<Scenario, Double> expected,
                                 Map<Scenario, Double> llrVsStatusQuo) {
        this(indicatorId, observed, expected, llrVsStatusQuo, 1);
    }

    /** False when the indicator was not observed (exposure 0): it took no part in the assessment. */
    public boolean observedAtAll() {
        return exposure > 0;
    }

    /**
     * True when this indicator counted against {@code scenario} because activity it expects did not happen: the
     * scenario expects more than STATUS_QUO, fewer than it expects were observed, and the term is negative.
     */
    public boolean expectedButMissing(Scenario scenario) {
        double e = expected.get(scenario);
        return observedAtAll() && e > expected.get(Scenario.STATUS_QUO) && observed < e && llrVsStatusQuo.get(scenario) < 0;
    }
}
