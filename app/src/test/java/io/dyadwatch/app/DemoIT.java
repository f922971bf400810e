package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.app.backtest.BacktestAlert;
import io.dyadwatch.app.trackrecord.TrackRecordReplay;
import io.dyadwatch.catalog.history.TurningPoints;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoIT {

    private static String demo() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--exit-when-done");

        assertThat(exit).as(err.toString()).isZero();
        return out.toString();
    }

    /**
     * The alert headlines the console printed for one dyad, sorted: alerts are keyed by fingerprint, so the console
     * prints them in the order the alerts topic's partitions deliver them, which may differ between runs.
     */
    private static List<String> alerts(String output, String dyad) {
        return output.lines().filter(l -> l.startsWith("[FIRING]") || l.startsWith("[RESOLVED]"))
                .filter(l -> l.contains(" " + dyad + " ")).sorted().toList();
    }

    @Test
    void shouldReplayTheBundledRecordsAndPrintTheSameAlertsEveryTimeAsEachRecordsBacktestDoes() throws IOException {
        String first = demo();
        String second = demo();

        assertThat(first).contains("bootstrap.servers=127.0.0.1:").contains("/metrics")
                .contains("[FIRING]").contains("Summary").contains("processing finished: yes");
        assertThat(first).containsPattern("events published: +\\d+ \\(refused by the contract: 0\\)")
                .contains("watched dyads:       [CHN-RUS, IRN-RUS, PRK-RUS]");

        List<TrackRecordReplay.DyadReplay> backtests = new TrackRecordReplay(null, Map.of(), Map.of())
                .run(TurningPoints.loadDefault());
        assertThat(backtests).hasSize(3);
        for (TrackRecordReplay.DyadReplay replay : backtests) {
            String dyad = replay.dyad().dyad().key();
            assertThat(alerts(second, dyad)).as("a second replay of the same records, %s", dyad)
                    .isEqualTo(alerts(first, dyad));
            assertThat(first).containsPattern("(?m)^  " + dyad + " +2025-Q4 ");
            List<String> fired = new ArrayList<>(alerts(first, dyad).stream().filter(l -> l.startsWith("[FIRING]")).toList());
            List<BacktestAlert> expected = replay.backtest().alerts();
            assertThat(fired).as("the demo's %s alerts are its record's backtest's", dyad).hasSize(expected.size());
            for (BacktestAlert alert : expected) {
                String line = fired.stream().filter(l -> l.endsWith(alert.alert().summary())).findFirst()
                        .orElseThrow(() -> new AssertionError("the demo did not fire " + alert.alert().summary()));
                fired.remove(line);
            }
        }
    }
}
