package io.dyadwatch.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecordSpanTest {

    @Test
    void shouldReadTheSpanAndChannelAFileStatesOnItsFirstLine() {
        RecordSpan span = RecordSpan.parse("{\"covers\":\"2016-01-01..2025-12-31\",\"channel\":\"curated\"}").orElseThrow();

        assertThat(span.covers()).isEqualTo(Coverage.parse("2016-01-01..2025-12-31"));
        assertThat(span.channel()).isEqualTo("curated");
        assertThat(RecordSpan.parse(span.line())).contains(span);
    }

    @Test
    void shouldNotTakeAnEventForASpanLine() {
        assertThat(RecordSpan.parse("{\"id\":\"x\",\"covers\":\"2016-01-01..2025-12-31\"}")).isEmpty();
        assertThat(RecordSpan.parse("{\"id\":\"hist:1\",\"type\":\"JOINT_EXERCISE\"}")).isEmpty();
        assertThat(RecordSpan.parse("not json \"covers\"")).isEmpty();
    }

    @Test
    void shouldRefuseASpanLineWithAnUnknownKeyOrABadCoverageOrChannel() {
        assertThatThrownBy(() -> RecordSpan.parse("{\"covers\":\"2016-01-01..2025-12-31\",\"cover\":1}"))
                .hasMessageContaining("unknown key 'cover'");
        assertThatThrownBy(() -> RecordSpan.parse("{\"covers\":\"2016-01-01\"}"))
                .hasMessageContaining("FROM..TO");
        assertThatThrownBy(() -> RecordSpan.parse("{\"covers\":\"2016-01-01..2025-12-31\",\"channel\":\"Curated!\"}"))
                .hasMessageContaining("channel");
    }
}
