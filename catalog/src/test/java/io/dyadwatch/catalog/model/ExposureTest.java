package io.dyadwatch.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Dyad;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExposureTest {

    private final Catalog catalog = Catalog.loadDefault();
    private final ScenarioModel model = new ScenarioModel(catalog);
    private final Dyad dyad = Dyad.parse("CHN-RUS");

    @Test
    void shouldWeighSilenceByTheShareOfThePeriodObserved() {
        double fullQuarter = model.assess(dyad, Map.of(), 1.0).llrVsStatusQuo().get(Scenario.WEAKENING);
        double quarterGone = model.assess(dyad, Map.of(), 0.25).llrVsStatusQuo().get(Scenario.WEAKENING);

        // NB with size e k and mean e lambda: the no-event term e k ln((k + l0) / (k + l1)) is linear in the exposure e
        assertThat(quarterGone).isCloseTo(fullQuarter * 0.25, within(1e-9));
        assertThat(fullQuarter).isPositive();
    }

    @Test
    void shouldMatchTheNegativeBinomialLogLikelihoodRatioWithScaledMeanAndSize() {
        String id = "exercise-high-end";
        double exposure = 2.5;
        double x = 3;
        KindLikelihood kl = model.parameters(dyad).kinds();
        int kind = kl.singleton(id);
        int f = kl.families().indexOf("exercises");
        double l0 = kl.familyRate(f, Scenario.STATUS_QUO);
        double l1 = kl.familyRate(f, Scenario.STRENGTHENING);
        double k = kl.size(f);

        Assessment a = model.assess(dyad, Map.of(id, x), exposure);

        // the family's NB with mean e Λ and size e k, and the multinomial of its kinds:
        // n [ln(λ1/λ0) + ln((k + Λ0) / (k + Λ1))] + e k ln((k + Λ0) / (k + Λ1))
        double shared = Math.log((k + l0) / (k + l1));
        double expected = x * (Math.log(kl.rate(kind, Scenario.STRENGTHENING) / kl.rate(kind, Scenario.STATUS_QUO)) + shared)
                + exposure * k * shared;
        assertThat(k).isFinite();
        assertThat(a.familyLlrVsStatusQuo().get("exercises").get(Scenario.STRENGTHENING)).isCloseTo(expected, within(1e-9));
        assertThat(contribution(a, id).expected().get(Scenario.STATUS_QUO))
                .isCloseTo(exposure * model.expectedCount(dyad, id, Scenario.STATUS_QUO), within(1e-12));
    }

    @Test
    void shouldAddNoTermForAnIndicatorThatWasNotObserved() {
        Exposure noPatrols = Exposure.perFamily(catalog, Map.of("patrols", 0.0), 1.0);
        Assessment covered = model.assess(dyad, Map.of(), 1.0);
        Assessment uncovered = model.assess(dyad, Map.of("combined-air-patrol", 2.0), noPatrols);

        for (String id : catalog.indicatorsOf("patrols")) {
            IndicatorContribution c = contribution(uncovered, id);
            assertThat(c.observedAtAll()).isFalse();
            assertThat(c.llrVsStatusQuo().values()).allSatisfy(v -> assertThat(v).isZero());
            assertThat(c.expectedButMissing(Scenario.STRENGTHENING)).isFalse();
        }
        assertThat(uncovered.unobserved()).containsExactlyElementsOf(catalog.indicatorsOf("patrols"));
        assertThat(uncovered.familyLlrVsStatusQuo().get("patrols").get(Scenario.WEAKENING)).isZero();
        // the other families add the same terms as when everything was covered
        double others = covered.llrVsStatusQuo().get(Scenario.WEAKENING)
                - covered.familyLlrVsStatusQuo().get("patrols").get(Scenario.WEAKENING);
        assertThat(uncovered.llrVsStatusQuo().get(Scenario.WEAKENING)).isCloseTo(others, within(1e-12));
    }

    @Test
    void shouldLeaveThePriorAloneWhenNothingWasObserved() {
        Assessment a = model.assess(dyad, Map.of(), Exposure.uniform(0));
        catalog.dyad(dyad).priors().forEach((s, p) -> assertThat(a.posterior().get(s)).isCloseTo(p, within(1e-12)));
        assertThat(a.llrVsStatusQuo().values()).allSatisfy(v -> assertThat(v).isZero());
        assertThat(Exposure.uniform(0).nothingObserved()).isTrue();
    }

    @Test
    void shouldRefuseANegativeExposure() {
        assertThatThrownBy(() -> Exposure.uniform(-1)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> new Exposure(1, Map.of("x", Double.NaN))).hasMessageContaining("exposure of x");
        assertThatThrownBy(() -> model.assess(dyad, Map.of(), 0.0)).hasMessageContaining("> 0");
    }

    private static IndicatorContribution contribution(Assessment a, String id) {
        return a.contributions().stream().filter(c -> c.indicatorId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void shouldReportTheNegativeBinomialOrPoissonLogLikelihoodOfTheObservedIndicators() {
        Map<String, Double> counts = Map.of("exercise-high-end", 2.0, "summit-head-of-state", 1.0);
        for (Dyad d : List.of(dyad, Dyad.parse("IRN-RUS"))) {
            Assessment a = model.assess(d, counts, 0.6);
            KindLikelihood kl = model.parameters(d).kinds();
            for (Scenario s : Scenario.values()) {
                // per family: NB of its total (mean e Λ, size e k) times the multinomial of its kinds
                double byHand = 0;
                for (int f = 0; f < kl.families().size(); f++) {
                    double total = 0;
                    double rate = kl.familyRate(f, s);
                    double multinomial = 0;
                    for (var e : counts.entrySet()) {
                        int k = kl.singleton(e.getKey());
                        if (kl.family()[k] == f) {
                            total += e.getValue();
                            multinomial += e.getValue() * Math.log(kl.rate(k, s) / rate) - PoissonMath.logFactorial(e.getValue());
                        }
                    }
                    byHand += NegativeBinomial.logPmf(total, 0.6, rate, kl.size(f)) + PoissonMath.logFactorial(total)
                            + multinomial;
                }
                assertThat(a.logLikelihood().get(s)).as("%s %s", d, s).isCloseTo(byHand, within(1e-9));
            }
            assertThat(a.logLikelihood().get(Scenario.STRENGTHENING) - a.logLikelihood().get(Scenario.STATUS_QUO))
                    .isCloseTo(a.llrVsStatusQuo().get(Scenario.STRENGTHENING), within(1e-9));
        }
    }
}
