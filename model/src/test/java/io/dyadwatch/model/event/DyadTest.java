package io.dyadwatch.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DyadTest {

    @Test
    void shouldKeyByCodesSortedAndJoined() {
        assertThat(Dyad.of(List.of("RUS", "CHN")).key()).isEqualTo("CHN-RUS");
        assertThat(Dyad.parse("rus-irn-chn").key()).isEqualTo("CHN-IRN-RUS");
    }

    @Test
    void shouldBeContainedInEveryEventWithAllItsMembers() {
        Dyad dyad = Dyad.parse("CHN-RUS");

        assertThat(dyad.isContainedIn(List.of("IRN", "RUS", "CHN"))).isTrue();
        assertThat(dyad.isContainedIn(List.of("IRN", "RUS"))).isFalse();
    }

    @Test
    void shouldRefuseUnknownCodesAndSingletons() {
        assertThatThrownBy(() -> Dyad.parse("RUS-XXX")).hasMessageContaining("XXX");
        assertThatThrownBy(() -> Dyad.parse("RUS-RUS")).hasMessageContaining("two or more");
    }

    @Test
    void shouldSortBetterGradesFirst() {
        assertThat(List.of(Grade.parse("C3"), Grade.parse("A2"), Grade.parse("A1")).stream().sorted().toList())
                .containsExactly(Grade.parse("A1"), Grade.parse("A2"), Grade.parse("C3"));
    }
}
