package io.dyadwatch.catalog.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyadwatch.model.event.Grade;
import io.dyadwatch.model.event.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfirmationTest {

    @Test
    void shouldConfirmAReportFromAReliableSourceWithCredibleInformationAlone() {
        for (String g : List.of("A1", "A2", "B1", "B2")) {
            assertThat(Confirmation.confirmsAlone(Grade.parse(g))).as(g).isTrue();
        }
        for (String g : List.of("A3", "B3", "C1", "C2", "F6", "E1")) {
            assertThat(Confirmation.confirmsAlone(Grade.parse(g))).as(g).isFalse();
        }
    }

    @Test
    void shouldConfirmAnEventReportedByTwoIndependentSourcesWhateverTheirGrades() {
        assertThat(Confirmation.isConfirmed(Grade.parse("C3"), 1)).isFalse();
        assertThat(Confirmation.isConfirmed(Grade.parse("C3"), 2)).isTrue();
        assertThat(Confirmation.isConfirmed(List.of(new Source("Reuters", null, Grade.parse("C3")),
                new Source("TASS", null, Grade.parse("F6"))))).isTrue();
    }

    @Test
    void shouldNotCountTheSameSourceTwiceAsCorroboration() {
        List<Source> repeated = List.of(new Source("TASS", null, Grade.parse("C3")), new Source(" tass ", null, Grade.parse("D4")));
        assertThat(Confirmation.independentSources(repeated)).isEqualTo(1);
        assertThat(Confirmation.isConfirmed(repeated)).isFalse();
    }

    @Test
    void shouldRefuseAnEventWithoutReports() {
        assertThatThrownBy(() -> Confirmation.isConfirmed(List.of())).hasMessageContaining("at least one report");
        assertThatThrownBy(() -> Confirmation.isConfirmed(Grade.parse("A1"), 0)).hasMessageContaining("at least one source");
    }
}
