package io.dyadwatch.model.channel;

import io.dyadwatch.model.event.Channels;
import io.dyadwatch.model.event.Dyad;
import java.time.Instant;
import java.util.Objects;

/**
 * What one collection slot of a channel covered for one dyad, published on {@code dyadwatch.coverage} (key = dyad):
 * the slot's span, and its volume, the number of ALL rows of the dyad in the slot, mapped to an event or not. The
 * volume is the channel's exposure (docs/importers.md): twice the media attention expects twice the rows of every
 * kind, so counts of a news channel are read per row of the dyad, not per day. A slot that failed (missing, corrupt,
 * too short) has no volume record: it is a {@link CoverageGap}, never a zero.
 *
 * @param dyad      the watched dyad's key, like {@code CHN-RUS}
 * @param channel   the evidence channel ({@link Channels})
 * @param slotStart first instant covered (UTC)
 * @param slotEnd   first instant after the slot, after {@code slotStart}
 * @param rows      every row of the dyad in the slot, 0 or more
 */
public record ChannelVolume(String dyad, String channel, Instant slotStart, Instant slotEnd, long rows) {

    public ChannelVolume {
        dyad = Dyad.parse(Objects.requireNonNull(dyad, "dyad")).key();
        channel = Channels.require(channel);
        Objects.requireNonNull(slotStart, "slotStart");
        Objects.requireNonNull(slotEnd, "slotEnd");
        if (!slotEnd.isAfter(slotStart)) {
            throw new IllegalArgumentException("a slot ends (" + slotEnd + ") after it starts (" + slotStart + ")");
        }
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative, got " + rows);
        }
    }
}
