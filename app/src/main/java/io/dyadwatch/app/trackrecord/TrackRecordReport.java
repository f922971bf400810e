package io.dyadwatch.app.trackrecord;

import io.dyadwatch.app.backtest.SummaryTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code backtest --track-record} prints, as named blocks: {@value #TABLE} (the scored table) and
 * {@code backtest-DYAD} (each record's per-year backtest), the same text the Markdown files keep ({@link DocBlocks}).
 */
public final class TrackRecordReport {

    /** The block of the scored table. */
    public static final String TABLE = "track-record";

    private TrackRecordReport() {
    }

    /** The blocks, the table first, then each dyad's per-year backtest in catalog order. */
    public static Map<String, String> blocks(List<TrackRecordReplay.DyadReplay> replays) {
        Map<String, String> blocks = new LinkedHashMap<>();
        blocks.put(TABLE, TrackRecordTable.format(replays.stream().map(TrackRecordReplay.DyadReplay::score).toList()));
        for (TrackRecordReplay.DyadReplay r : replays) {
            blocks.put(backtestBlock(r.dyad().dyad().key()), SummaryTable.format(r.backtest(), false));
        }
        return blocks;
    }

    /** The name of a dyad's per-year backtest block. */
    public static String backtestBlock(String dyad) {
        return "backtest-" + dyad;
    }

    /**
     * Rewrites the blocks a Markdown file holds (the others are left alone).
     *
     * @return the names of the blocks rewritten
     * @throws IllegalArgumentException when the file holds none of them
     */
    public static List<String> update(Path markdown, Map<String, String> blocks) throws IOException {
        String text = Files.readString(markdown, StandardCharsets.UTF_8);
        List<String> updated = new java.util.ArrayList<>();
        for (Map.Entry<String, String> block : blocks.entrySet()) {
            if (DocBlocks.extract(text, block.getKey()).isPresent()) {
                text = DocBlocks.replace(text, block.getKey(), block.getValue());
                updated.add(block.getKey());
            }
        }
        if (updated.isEmpty()) {
            throw new IllegalArgumentException(markdown + " holds none of the blocks " + blocks.keySet()
                    + "; mark where one belongs with " + DocBlocks.open(TABLE) + " and " + DocBlocks.close(TABLE));
        }
        Files.writeString(markdown, text, StandardCharsets.UTF_8);
        return updated;
    }
}
