package io.dyadwatch.streams;

import io.dyadwatch.model.assessment.ChannelCoverage;
import io.dyadwatch.model.assessment.Period;
import java.time.LocalDate;
import java.util.TreeMap;
import io.dyadwatch.model.assessment.Scenario;
import java.util.Map;
import java.util.Objects;

/**
 * Where one dyad's assessment stands: its first and current period, its clock, its revision, and the steps
 * waiting to be published. Stored per dyad, written once per report (the record cache coalesces the writes
 * until the commit).
 *
 * @param first      the first period with an event
 * @param current    the current (open) period
 * @param clockMs    the dyad's clock, epoch milliseconds: the latest occurredAt seen (event clock) or the
 *                   wall-clock time of the latest step (wall clock)
 * @param revision   the latest step's revision
 * @param nextStep   sequence number of the next step
 * @param pending    steps waiting to be published
 * @param lastChange change statistics at the latest step
 * @param channels   the evidence channels seen, by name: what each covers and why
 * @param assumedThrough the last day the weighed channels' assumed coverage has been marked in the tallies, or null
 */
record DyadState(Period first, Period current, long clockMs, long revision, long nextStep, int pending,
        Map<Scenario, Double> lastChange, Map<String, ChannelCoverage> channels, LocalDate assumedThrough) {

    DyadState {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(current, "current");
        lastChange = Map.copyOf(lastChange == null ? Map.of() : lastChange);
        channels = java.util.Collections.unmodifiableMap(new TreeMap<>(channels == null ? Map.of() : channels));
        if (pending < 0) {
            throw new IllegalArgumentException("pending must be >= 0, got " + pending);
        }
    }

    /** The state of a dyad whose first event falls in {@code first}, before any step. */
    static DyadState start(Period first, long clockMs) {
        return new DyadState(first, first, clockMs, 0, 0, 0, Map.of(), Map.of(), null);
    }

    DyadState withFirst(Period earlier) {
        return new DyadState(earlier, current, clockMs, revision, nextStep, pending, lastChange, channels,
                assumedThrough);
    }

    /** With a channel's coverage changed. */
    DyadState withChannel(ChannelCoverage channel) {
        Map<String, ChannelCoverage> more = new TreeMap<>(channels);
        more.put(channel.channel(), channel);
        return new DyadState(first, current, clockMs, revision, nextStep, pending, lastChange, more, assumedThrough);
    }

    /** With assumed coverage marked through {@code day}. */
    DyadState withAssumedThrough(LocalDate day) {
        return new DyadState(first, current, clockMs, revision, nextStep, pending, lastChange, channels, day);
    }

    /** After one more step. */
    DyadState stepped(Period now, long clock, Map<Scenario, Double> change) {
        return new DyadState(first, now, clock, revision + 1, nextStep + 1, pending + 1, change, channels,
                assumedThrough);
    }

    /** After its waiting steps were published. */
    DyadState published() {
        return new DyadState(first, current, clockMs, revision, nextStep, 0, lastChange, channels, assumedThrough);
    }
}
