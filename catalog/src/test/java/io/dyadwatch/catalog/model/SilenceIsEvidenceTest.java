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
 *
 * <p>One stated exception, PRK-RUS: its reference window (2016-2021, derived from its record) is mostly Russian
 * criticism of North Korea's tests and votes for UN sanctions ({@code public-distancing}, 11 of 17 counted events),
 * which the catalog expects 3.5 times as often under WEAKENING. For that dyad a weakening would be loud, not silent, and a
 * silent quarter favours the status quo (docs/dataset.md, "Reference windows"). The test keeps it in view: it fails
 * if PRK-RUS's silence ever turns toward WEAKENING, or another dyad's away from it.
 */
class SilenceIsEvidenceTest {

    /** The dyad whose status quo is full of the distancing a weakening would bring more of. */
    private static final Dyad LOUD_WEAKENING = Dyad.parse("PRK-RUS");

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
            if (dyad.equals(LOUD_WEAKENING)) {
                assertThat(llr).as("%s: silence favours the status quo (a weakening would be loud)", dyad).isNegative();
            } else {
                assertThat(llr).as("%s: silence must favour WEAKENING", dyad).isPositive();
            }
        }
    }
}
