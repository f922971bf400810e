package io.dyadwatch.catalog.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RatePosteriorTest {

    @Test
    void shouldGiveTheJeffreysIntervalOfAnIndicatorNeverSeenInTwentyFourQuarters() {
        RatePosterior never = new RatePosterior(0.5, 24);
        // Gamma(1/2) is chi-square(1) / 2: 95th percentile 3.8415 / 2, 5th 0.003932 / 2
        assertThat(never.quantile(0.95)).isCloseTo(3.841459 / 2 / 24, within(1e-6));
        assertThat(never.quantile(0.05)).isCloseTo(0.00393214 / 2 / 24, within(1e-7));
        assertThat(never.mean()).isCloseTo(0.5 / 24, within(1e-12));
    }

    @Test
    void shouldTakeAJudgementAsWorthATwentyFourQuarterWindow() {
        RatePosterior judged = RatePosterior.judgement(0.25);
        assertThat(judged.shape()).isEqualTo(6);
        assertThat(judged.mean()).isCloseTo(0.25, within(1e-12));
        assertThat(RatePosterior.judgement(0.005).shape()).isEqualTo(0.5);
    }
}
