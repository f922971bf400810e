package io.dyadwatch.producer.feed;

import io.dyadwatch.model.channel.ChannelVolume;
import io.dyadwatch.model.channel.CoverageGap;
import io.dyadwatch.model.channel.FeedCheckpoint;
import io.dyadwatch.model.event.Channels;
import io.dyadwatch.model.event.Coverage;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventJson;
import io.dyadwatch.model.event.RecordSpan;
import io.dyadwatch.model.json.Json;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A backfill written as the channel's reference record: {@code FILE} holds the events as JSON lines, its first line
 * the {@link RecordSpan} of the span ({@code {"covers":"FROM..TO","channel":"gdelt"}}); beside it
 * {@code FILE.volume.jsonl} holds one {@link ChannelVolume} per slot read and watched dyad, and
 * {@code FILE.gaps.jsonl} one {@link CoverageGap} per slot not read, so the days the span states are read together
 * with the slots that were not covered inside them.
 */
public final class RecordFileSlotOutput implements SlotOutput, AutoCloseable {

    private final Writer events;
    private final Writer volumes;
    private final Writer gaps;
    private long eventsWritten;

    /** Creates (or replaces) the three files and writes the span line. */
    public RecordFileSlotOutput(Path file, Coverage covers) throws IOException {
        this.events = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.volumes = Files.newBufferedWriter(sibling(file, ".volume.jsonl"), StandardCharsets.UTF_8);
        this.gaps = Files.newBufferedWriter(sibling(file, ".gaps.jsonl"), StandardCharsets.UTF_8);
        events.write(new RecordSpan(covers, Channels.GDELT).line());
        events.write('\n');
    }

    /** The file beside {@code file} with the suffix added to its name. */
    public static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    @Override
    public void slotRead(SlotContents slot, CoverageGap closedGap, FeedCheckpoint checkpoint) throws IOException {
        for (Event event : slot.events()) {
            events.write(EventJson.toJson(event));
            events.write('\n');
            eventsWritten++;
        }
        for (ChannelVolume volume : slot.volumes(Channels.GDELT)) {
            volumes.write(Json.MAPPER.writeValueAsString(volume));
            volumes.write('\n');
        }
    }

    @Override
    public void slotMissed(CoverageGap gap, FeedCheckpoint checkpoint) throws IOException {
        gaps.write(Json.MAPPER.writeValueAsString(gap));
        gaps.write('\n');
    }

    /** Events written so far. */
    public long eventsWritten() {
        return eventsWritten;
    }

    @Override
    public void close() throws IOException {
        try (Writer e = events; Writer v = volumes; Writer g = gaps) {
            e.flush();
            v.flush();
            g.flush();
        }
    }
}
