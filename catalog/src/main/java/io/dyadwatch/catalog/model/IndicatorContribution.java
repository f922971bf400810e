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
 *                       {@code observed * ln(expected_s / expected_SQ) - (expected_s - expected_SQ)}; 0 for STATUS_QUO
 */
public record IndicatorContribution(String indicatorId, double observed, Map<Scenario, Double> expected,
                                    Map<Scenario, Double> llrVsStatusQuo) {

    public IndicatorContribution {
        Objects.requireNonNull(indicatorId, "indicatorId");
        if (!(observed >= 0)) {
            throw new IllegalArgumentException("observed must be >= 0, got " + observed);
        }
        expected = ScenarioMaps.copy(expected, "expected");
        llrVsStatusQuo = ScenarioMaps.copy(llrVsStatusQuo, "llrVsStatusQuo");
    }

    /**
     * True when this indicator counted against {@code scenario} because activity it expects did not happen: the
     * scenario expects more than STATUS_QUO, fewer than it expects were observed, and the term is negative.
     */
    public boolean expectedButMissing(Scenario scenario) {
        double e = expected.get(scenario);
        return e > expected.get(Scenario.STATUS_QUO) && observed < e && llrVsStatusQuo.get(scenario) < 0;
    }
}
