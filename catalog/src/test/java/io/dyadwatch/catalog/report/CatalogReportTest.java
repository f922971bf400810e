package io.dyadwatch.catalog.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.catalog.CatalogProblem;
import io.dyadwatch.catalog.TestCatalogs;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogReportTest {

    private static final Catalog SMALL = Catalog.parse(TestCatalogs.small(), "small");

    @Test
    void shouldMeasureDiagnosticityAtTheBaselineCountAndAtOneEvent() {
        // patrol: baseline b = 0.5, rates SQ 1, W 0.2, S 2; LLR(s vs t) at count x is x ln(r_s/r_t) - b (r_s - r_t)
        IndicatorDiagnosticity d = IndicatorDiagnosticity.of(SMALL.indicator("patrol"), 0.5);
        // at x = 0.5 the largest is SQ vs W: 0.5 ln 5 - 0.5 x 0.8
        assertThat(d.atBaseline()).isCloseTo(0.5 * Math.log(5) - 0.4, within(1e-12));
        // at x = 1 the largest is S vs W: ln 10 - 0.5 x 1.8
        assertThat(d.atOneEvent()).isCloseTo(Math.log(10) - 0.9, within(1e-12));
        assertThat(d.nonDiagnostic()).isFalse();
        assertThat(d.weak()).isFalse();
    }

    @Test
    void shouldRenderTheIndicatorsValidatorMatrix() {
        String text = CatalogReport.show(SMALL);
        assertThat(text).contains("Indicators Validator matrix: CHN-RUS")
                .contains("indicator   STATUS_QUO  WEAKENING  STRENGTHENING  baseline/q     90% interval     D@base        D@1  family"
                        + "      events  flag")
                .contains("Baselines: analyst judgement")
                .contains("2 indicators, 0 non-diagnostic, 0 weak.")
                .contains("Priors: STATUS_QUO 0.60, WEAKENING 0.20, STRENGTHENING 0.20");
        assertThat(text.lines().filter(l -> l.startsWith("patrol ")).findFirst().orElseThrow())
                .isEqualTo("patrol            1.00      0.200           2.00       0.500      0.289-0.759      0.405       1.40  patrols"
                        + "          -");
    }

    @Test
    void shouldFlagAnIndicatorWithTheSameRateUnderEveryScenario() {
        Catalog flat = Catalog.parse(TestCatalogs.small().replace("{STATUS_QUO: 1.0, WEAKENING: 4.0, STRENGTHENING: 0.5}",
                "{STATUS_QUO: 1.0, WEAKENING: 1.0, STRENGTHENING: 1.0}"), "flat");
        String text = CatalogReport.show(flat);
        assertThat(text.lines().filter(l -> l.startsWith("distancing")).findFirst().orElseThrow()).endsWith("NON-DIAGNOSTIC");
        assertThat(text).contains("2 indicators, 1 non-diagnostic, 0 weak.");
        assertThat(IndicatorDiagnosticity.of(flat.indicator("distancing"), 0.1).atOneEvent()).isZero();
    }

    @Test
    void shouldFlagAWeakIndicator() {
        Catalog weak = Catalog.parse(TestCatalogs.small().replace("{STATUS_QUO: 1.0, WEAKENING: 4.0, STRENGTHENING: 0.5}",
                "{STATUS_QUO: 1.0, WEAKENING: 1.02, STRENGTHENING: 1.0}"), "weak");
        assertThat(CatalogReport.show(weak)).contains("1 weak.");
    }

    @Test
    void shouldShowTheShippedCatalogWithEveryIndicator() {
        Catalog catalog = Catalog.loadDefault();
        String text = CatalogReport.show(catalog);
        catalog.indicators().forEach(i -> assertThat(text).contains(i.id() + " "));
        assertThat(text).contains("0 non-diagnostic")
                .contains("Baselines: derived from history/russia-china-2012-2025.jsonl over 2016-Q1..2021-Q4 (24 quarters)")
                .contains("Dispersion (negative-binomial size k per family");
    }

    @Test
    void shouldListValidationProblemsOnePerLine() {
        assertThat(CatalogReport.validation("c.yml", List.of())).isEqualTo("c.yml: valid\n");
        assertThat(CatalogReport.validation("c.yml", List.of(new CatalogProblem(12, "dyads.CHN-RUS.priors", "priors sum to 1.1"))))
                .isEqualTo("c.yml:line 12: dyads.CHN-RUS.priors: priors sum to 1.1\n1 problem\n");
    }
}
