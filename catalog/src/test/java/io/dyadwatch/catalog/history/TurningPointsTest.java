package io.dyadwatch.catalog.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.catalog.baseline.BaselineInfo;
import io.dyadwatch.catalog.model.Quarter;
import io.dyadwatch.model.assessment.Scenario;
import org.junit.jupiter.api.Test;

class TurningPointsTest {

    @Test
    void shouldListEveryDyadWithARecordInTheBundledFile() {
        TurningPoints points = TurningPoints.loadDefault();
        Catalog.loadDefault().dyads().forEach((dyad, profile) -> {
            if (profile.baselineInfo().basis() == BaselineInfo.Basis.RECORD) {
                assertThat(points.lists(dyad.key())).as(dyad.key()).isTrue();
            }
        });
        assertThat(points.of("CHN-RUS")).isEmpty();
        assertThat(points.none().get("CHN-RUS")).contains("persist, if not deepen");
        assertThat(points.of("PRK-RUS")).singleElement().satisfies(p -> {
            assertThat(p.scenario()).isEqualTo(Scenario.STRENGTHENING);
            assertThat(p.began()).isEqualTo(Quarter.parse("2023-Q3"));
            assertThat(p.sources()).isNotEmpty();
        });
        assertThat(points.of("IRN-RUS")).singleElement()
                .satisfies(p -> assertThat(p.began()).isEqualTo(Quarter.parse("2022-Q3")));
    }

    @Test
    void shouldNameThePlaceOfABadQuarter() {
        String yaml = "dyads:\n  PRK-RUS:\n    turningPoints:\n      - {scenario: STRENGTHENING, began: 2023-Q5, sources: [x], why: y}\n";
        assertThatThrownBy(() -> TurningPoints.parse(yaml, "tp.yml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tp.yml: dyads.PRK-RUS.turningPoints[0].began: '2023-Q5' is not a quarter");
    }

    @Test
    void shouldRefuseADyadWithNeitherTurningPointsNorAReasonForNone() {
        assertThatThrownBy(() -> TurningPoints.parse("dyads:\n  CHN-RUS:\n    turningPoints: []\n", "tp.yml"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'none:' sentence");
    }

    @Test
    void shouldRefuseATurnTowardTheStatusQuoAndUnknownKeys() {
        assertThatThrownBy(() -> TurningPoints.parse("dyads:\n  PRK-RUS:\n    turningPoints:\n"
                + "      - {scenario: STATUS_QUO, began: 2023-Q3, sources: [x], why: y}\n", "tp.yml"))
                .hasMessageContaining("not STATUS_QUO");
        assertThatThrownBy(() -> TurningPoints.parse("dyads:\n  PRK-RUS:\n    turningPoints: []\n    none: x\n    note: y\n",
                "tp.yml")).hasMessageContaining("unknown key 'note'");
    }
}
