package io.dyadwatch.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "A dyad that goes silent moves toward WEAKENING": for every watched dyad, a quarter with nothing reported
 * must favour WEAKENING over STATUS_QUO. With Poisson counts that holds exactly when the dyad expects fewer
 * events in all under WEAKENING than under STATUS_QUO: ln P(0|W) - ln P(0|SQ) = sum_i b_i (r_SQ,i - r_W,i).
 */
class SilenceIsEvidenceTest {

    private final Catalog catalog = Catalog.loadDefault();
    private final ScenarioModel model = new ScenarioModel(catalog);

    @Test
    void shouldMoveEveryWatchedDyadTowardWeakeningWhenNothingIsReported() {
        for (Dyad dyad : catalog.dyads().keySet()) {
            double byHand = 0;
            KindLikelihood kl = model.parameters(dyad).kinds();
            for (int f = 0; f < kl.families().size(); f++) {
                double l0 = kl.familyRate(f, Scenario.STATUS_QUO);
                double l1 = kl.familyRate(f, Scenario.WEAKENING);
                double k = kl.size(f);
                // no event of the family: -(l1 - l0) for Poisson, k ln((k + l0) / (k + l1)) for a negative binomial
                byHand += Double.isInfinite(k) ? l0 - l1 : k * Math.log((k + l0) / (k + l1));
            }
            double llr = model.assess(dyad, Map.of()).llrVsStatusQuo().get(Scenario.WEAKENING);

            assertThat(llr).as("%s: LLR(W vs SQ) of a silent quarter", dyad).isCloseTo(byHand,
                    org.assertj.core.data.Offset.offset(1e-9));
            assertThat(llr).as("%s: silence must favour WEAKENING", dyad).isPositive();
        }
    }
}
