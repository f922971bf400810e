package io.dyadwatch.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.catalog.TestCatalogs;
import io.dyadwatch.catalog.baseline.RecordResource;
import io.dyadwatch.model.event.Dyad;
import org.junit.jupiter.api.Test;

class StoredCalibrationTest {

    private static final String REFRESH = "the shipped calibration is stale: run ./dyadwatch catalog calibrate --write "
            + "catalog/src/main/resources/catalog/dyadwatch-calibration.json";

    private static StoredCalibration shipped() {
        return StoredCalibration.parse(RecordResource.text(StoredCalibration.RESOURCE));
    }

    @Test
    void shouldBeCalibratedForTheShippedCatalogItsRecordsAndThisCalibration() {
        Catalog catalog = Catalog.loadDefault();
        assertThat(shipped().key()).as(REFRESH).isEqualTo(StoredCalibration.key(catalog));
        assertThat(shipped().thresholds().keySet()).containsExactlyElementsOf(
                catalog.dyads().keySet().stream().map(Dyad::key).toList());
    }

    @Test
    void shouldHoldWhatAFreshCalibrationGives() {
        ScenarioModel model = new ScenarioModel(Catalog.loadDefault());
        Dyad chnRus = Dyad.parse("CHN-RUS");
        CusumThresholds fresh = model.calibrate(chnRus);
        assertThat(shipped().thresholds().get("CHN-RUS")).as(REFRESH).isEqualTo(fresh);
        assertThat(model.thresholds(chnRus)).isEqualTo(fresh);
    }

    @Test
    void shouldBeIgnoredByAnyOtherCatalog() {
        Catalog edited = Catalog.parse(TestCatalogs.defaultText().replace("calibrationRuns: 20000", "calibrationRuns: 19999"),
                "edited");
        assertThat(edited.fingerprint()).isNotEqualTo(Catalog.loadDefault().fingerprint());
        assertThat(StoredCalibration.shippedFor(edited)).isEmpty();
        assertThat(StoredCalibration.shippedFor(Catalog.loadDefault())).isNotEmpty();
    }
}
