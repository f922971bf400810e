package io.dyadwatch.producer.feed;

import io.dyadwatch.model.channel.ChannelVolume;
import io.dyadwatch.model.event.Channels;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.producer.importing.ImportReport;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one slot's export held: its events for the watched dyads, every row of each watched dyad (its volume), and
 * the import's account of every row.
 *
 * @param slot   the slot
 * @param events its events, in file order
 * @param rows   rows per watched two-country dyad key, every such dyad present (0 when none)
 * @param report the import report (rows read, kept, skipped, malformed)
 */
public record SlotContents(Slot slot, List<Event> events, Map<String, Long> rows, ImportReport report) {

    public SlotContents {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(report, "report");
        events = List.copyOf(events);
        rows = Collections.unmodifiableMap(new TreeMap<>(rows));
    }

    /** The slot's volume per watched dyad, in the channel. */
    public List<ChannelVolume> volumes(String channel) {
        return rows.entrySet().stream().map(e -> new ChannelVolume(e.getKey(), Channels.require(channel),
                slot.start(), slot.end(), e.getValue())).toList();
    }
}
