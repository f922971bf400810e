package io.dyadwatch.producer.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** When a failed slot is tried again, and when a slot is too short to be a quiet quarter hour. */
class RetryRulesTest {

    @Test
    void shouldDoubleTheWaitUpToItsCapButNeverWaitLessThanRetryAfter() {
        RetryPolicy policy = RetryPolicy.STANDARD;

        assertThat(policy.delay(1, null)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.delay(3, null)).isEqualTo(Duration.ofMinutes(4));
        assertThat(policy.delay(40, null)).isEqualTo(Duration.ofHours(6));
        assertThat(policy.delay(1, Duration.ofSeconds(600))).isEqualTo(Duration.ofSeconds(600));
    }

    @Test
    void shouldReadRetryAfterInSecondsOrAsAnHttpDate() {
        Clock clock = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC);
        GdeltMirror mirror = new GdeltMirror(URI.create("http://127.0.0.1:1/g"), Duration.ofSeconds(1), clock);

        assertThat(mirror.retryAfter("120")).isEqualTo(Duration.ofSeconds(120));
        assertThat(mirror.retryAfter("Sun, 01 Jun 2025 10:05:00 GMT")).isEqualTo(Duration.ofMinutes(5));
        assertThat(mirror.retryAfter("soon")).isNull();
        assertThat(mirror.base().toString()).isEqualTo("http://127.0.0.1:1/g/");
    }

    @Test
    void shouldCallASlotShortOnlyAgainstEnoughRecentGoodSlots() {
        ShortSlotRule rule = new ShortSlotRule();
        assertThat(rule.verdict(0)).isEqualTo("no data rows");
        assertThat(rule.verdict(3)).as("no history yet").isNull();
        for (long rows : new long[] {1800, 2100, 1500, 1900}) {
            rule.accepted(rows);
        }
        assertThat(rule.verdict(200)).isNull();
        assertThat(rule.verdict(150)).isEqualTo("150 rows; the median of the last 4 good slots is 1850, the floor 10% of it is 185");
    }
}
