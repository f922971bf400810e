package io.dyadwatch.app.trackrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.dyadwatch.catalog.history.TurningPoints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replays every bundled record (a backtest of each, as {@code backtest --track-record} runs them) and checks that the
 * tables README.md and docs/backtest.md show are the ones the code prints today. It never rewrites the docs: when they
 * are stale it fails with the difference; {@code ./dyadwatch backtest --track-record --update-docs README.md
 * docs/backtest.md} rewrites them.
 */
class TrackRecordDocsTest {

    /** Maven runs a module's tests from the module directory. */
    private static final Path README = Path.of("../README.md");
    private static final Path BACKTEST_DOC = Path.of("../docs/backtest.md");

    private static List<TrackRecordReplay.DyadReplay> replays;
    private static Map<String, String> blocks;

    @BeforeAll
    static void replayEveryRecord() throws IOException {
        replays = new TrackRecordReplay(null, Map.of(), Map.of()).run(TurningPoints.loadDefault());
        blocks = TrackRecordReport.blocks(replays);
    }

    @Test
    void shouldReplayEveryBundledRecordForItsOwnDyad() {
        assertThat(replays).extracting(r -> r.dyad().dyad().key()).containsExactly("CHN-RUS", "IRN-RUS", "PRK-RUS");
        for (TrackRecordReplay.DyadReplay r : replays) {
            assertThat(r.backtest().refused()).as(r.dyad().record()).isEmpty();
            assertThat(r.backtest().periods()).as(r.dyad().record()).isNotEmpty();
            assertThat(r.score().quartersInSample()).isEqualTo(24);
        }
    }

    @Test
    void shouldShowInDocsBacktestTheTrackRecordAndEveryRecordsPerYearTableAsPrinted() throws IOException {
        String doc = Files.readString(BACKTEST_DOC, StandardCharsets.UTF_8);
        blocks.forEach((name, printed) -> compare(BACKTEST_DOC, name, DocBlocks.extract(doc, name), printed));
    }

    @Test
    void shouldShowInTheReadmeTheTrackRecordAsPrinted() throws IOException {
        String doc = Files.readString(README, StandardCharsets.UTF_8);
        compare(README, TrackRecordReport.TABLE, DocBlocks.extract(doc, TrackRecordReport.TABLE),
                blocks.get(TrackRecordReport.TABLE));
    }

    private static void compare(Path doc, String block, Optional<String> shown, String printed) {
        if (shown.isEmpty()) {
            fail(doc + " has no block " + DocBlocks.open(block) + "; add the markers where it belongs");
        }
        if (!shown.get().equals(printed)) {
            fail(doc + ", block " + block + ", is stale (run ./dyadwatch backtest --track-record --update-docs "
                    + "README.md docs/backtest.md):\n" + diff(shown.get(), printed));
        }
    }

    /** The lines that differ, numbered: {@code -} as the docs show it, {@code +} as the code prints it. */
    static String diff(String shown, String printed) {
        String[] a = shown.split("\n", -1);
        String[] b = printed.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String left = i < a.length ? a[i] : null;
            String right = i < b.length ? b[i] : null;
            if (left == null || !left.equals(right)) {
                if (left != null) {
                    out.append(String.format("%4d - %s%n", i + 1, left));
                }
                if (right != null) {
                    out.append(String.format("%4d + %s%n", i + 1, right));
                }
            }
        }
        return out.toString();
    }
}
