package io.dyadwatch.catalog.report;

import io.dyadwatch.catalog.Indicator;
import io.dyadwatch.catalog.model.ScenarioModel;
import io.dyadwatch.model.assessment.Scenario;

/**
 * How well one indicator tells the scenarios apart, for one dyad's baseline b.
 *
 * @param indicatorId     the indicator
 * @param baseline        b, events per quarter under the status quo
 * @param atBaseline      largest |LLR| between two scenarios when the count equals the status-quo expectation
 *                        b x rate(STATUS_QUO): {@code max |x ln(r_s/r_t) - b (r_s - r_t)|}
 * @param atOneEvent      the same when exactly one event is observed (how much a single sighting says)
 * @param nonDiagnostic   every scenario expects the same rate: the indicator says nothing about which future unfolds
 * @param weak            diagnostic in principle, but both measures are below {@link #WEAK_BELOW} nats
 */
public record IndicatorDiagnosticity(String indicatorId, double baseline, double atBaseline, double atOneEvent,
                                     boolean nonDiagnostic, boolean weak) {

    /** Below this many nats (about a 1.1 likelihood ratio) an indicator is flagged weak. */
    public static final double WEAK_BELOW = 0.1;

    /** Relative rates closer than this count as equal. */
    public static final double EQUAL_RATES = 1e-9;

    /** The diagnosticity of an indicator at a baseline. */
    public static IndicatorDiagnosticity of(Indicator indicator, double baseline) {
        double sqCount = baseline * indicator.relativeRate(Scenario.STATUS_QUO);
        double atBaseline = 0;
        double atOne = 0;
        double minRate = Double.POSITIVE_INFINITY;
        double maxRate = 0;
        for (Scenario s : Scenario.values()) {
            double rs = indicator.relativeRate(s);
            minRate = Math.min(minRate, rs);
            maxRate = Math.max(maxRate, rs);
            for (Scenario t : Scenario.values()) {
                double rt = indicator.relativeRate(t);
                atBaseline = Math.max(atBaseline, Math.abs(ScenarioModel.logLikelihoodRatio(sqCount, baseline, rs, rt)));
                atOne = Math.max(atOne, Math.abs(ScenarioModel.logLikelihoodRatio(1, baseline, rs, rt)));
            }
        }
        boolean nonDiagnostic = maxRate - minRate < EQUAL_RATES;
        boolean weak = !nonDiagnostic && Math.max(atBaseline, atOne) < WEAK_BELOW;
        return new IndicatorDiagnosticity(indicator.id(), baseline, atBaseline, atOne, nonDiagnostic, weak);
    }
}
