package io.dyadwatch.producer.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class SlotTest {

    @Test
    void shouldNameSlotsInUtcWhateverTheLocalTimeZone() {
        TimeZone before = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            // 2025-03-09 07:00Z is when New York springs forward: local time would skip an hour of slots
            Slot slot = Slot.containing(Instant.parse("2025-03-09T06:59:59Z"));
            assertThat(slot.label()).isEqualTo("20250309064500");
            assertThat(slot.next().label()).isEqualTo("20250309070000");
            assertThat(slot.next().next().label()).isEqualTo("20250309071500");
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @Test
    void shouldReadBackItsOwnLabelAndRefuseTimesOffTheQuarterHour() {
        assertThat(Slot.parse("20250601101500").start()).isEqualTo(Instant.parse("2025-06-01T10:15:00Z"));
        assertThat(Slot.parse("20250601101500").end()).isEqualTo(Instant.parse("2025-06-01T10:30:00Z"));
        assertThatThrownBy(() -> Slot.parse("20250601101000")).hasMessageContaining("quarter hour");
        assertThatThrownBy(() -> Slot.parse("2025060110150")).hasMessageContaining("YYYYMMDDHHMMSS");
        assertThatThrownBy(() -> Slot.parse("20251301101500")).hasMessageContaining("not a valid time");
    }
}
