package io.dyadwatch.producer.feed;

import io.dyadwatch.model.channel.CoverageGap;
import io.dyadwatch.model.event.EventType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a backfill did: every slot of the span accounted for, read or a gap ({@code slots = read + gaps}).
 *
 * @param from        first slot
 * @param to          last slot
 * @param slots       slots in the span
 * @param read        slots read
 * @param unlisted    of those, slots served but not in the manifest (read without a checksum to check)
 * @param rowsRead    export rows read
 * @param rowsByDyad  rows of each watched dyad (its volume), mapped or not
 * @param eventsKept  events kept per dyad and type
 * @param corroborations later mentions published as corroborating reports of their events ({@code --mentions})
 * @param gaps        the slots not read, each with its reason and detail, in slot order
 */
public record BackfillSummary(Slot from, Slot to, long slots, long read, long unlisted, long rowsRead,
        Map<String, Long> rowsByDyad, Map<String, Map<EventType, Long>> eventsKept, long corroborations,
        List<CoverageGap> gaps) {

    public BackfillSummary {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        rowsByDyad = Collections.unmodifiableMap(new TreeMap<>(rowsByDyad));
        Map<String, Map<EventType, Long>> events = new TreeMap<>();
        eventsKept.forEach((dyad, byType) -> events.put(dyad, Collections.unmodifiableMap(new EnumMap<>(byType))));
        eventsKept = Collections.unmodifiableMap(events);
        gaps = List.copyOf(gaps);
        if (read + gaps.size() != slots) {
            throw new IllegalArgumentException("slots read (" + read + ") + gaps (" + gaps.size() + ") != slots ("
                    + slots + ")");
        }
    }

    /** Gaps per reason. */
    public Map<String, Long> gapsByReason() {
        Map<String, Long> counts = new TreeMap<>();
        gaps.forEach(gap -> counts.merge(gap.reason(), 1L, Long::sum));
        return counts;
    }

    /** The summary for a person, one fact a line. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("GDELT backfill ").append(from).append("..").append(to).append(" (UTC)\n");
        out.append("  slots:          ").append(slots).append('\n');
        out.append("  read:           ").append(read);
        if (unlisted > 0) {
            out.append(" (").append(unlisted).append(" served but not listed: no checksum to check)");
        }
        out.append('\n');
        out.append("  rows read:      ").append(rowsRead).append('\n');
        out.append("  rows of watched dyads (volume):\n");
        rowsByDyad.forEach((dyad, rows) -> out.append("    ").append(dyad).append(": ").append(rows).append('\n'));
        long events = eventsKept.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
        out.append("  events kept:    ").append(events).append('\n');
        eventsKept.forEach((dyad, byType) -> byType.forEach((type, count) ->
                out.append("    ").append(dyad).append(' ').append(type).append(": ").append(count).append('\n')));
        if (corroborations > 0) {
            out.append("  corroborating reports (later mentions from new sources): ").append(corroborations).append('\n');
        }
        out.append("  slots skipped:  ").append(gaps.size()).append(" (gaps: not covered)\n");
        gapsByReason().forEach((reason, count) -> out.append("    ").append(reason).append(": ").append(count)
                .append('\n'));
        gaps.forEach(gap -> out.append("    ").append(Slot.containing(gap.slotStart())).append(' ').append(gap.reason())
                .append(": ").append(gap.detail()).append('\n'));
        return out.toString();
    }
}
