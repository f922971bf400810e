package io.dyadwatch.app.cli;

import io.dyadwatch.app.backtest.BacktestReport;
import io.dyadwatch.app.trackrecord.TrackRecordReplay;
import io.dyadwatch.app.trackrecord.TrackRecordReport;
import io.dyadwatch.catalog.history.TurningPoints;
import io.dyadwatch.model.settings.SettingsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code backtest --track-record}: the track record of every bundled record, printed, reported and optionally kept in docs. */
final class TrackRecordRun {

    private TrackRecordRun() {
    }

    static int run(BacktestCommand command, PrintWriter out, PrintWriter err) throws IOException {
        if (!command.trackRecord) {
            throw new IllegalArgumentException("--update-docs goes with --track-record");
        }
        if (!command.events.isEmpty() || command.dyad != null || command.from != null || command.to != null) {
            throw new IllegalArgumentException("--track-record replays every bundled record whole, each for its own dyad:"
                    + " it takes no --events, --dyad, --from or --to");
        }
        Map<String, String> flags = new LinkedHashMap<>();
        for (String set : command.sets) {
            int eq = set.indexOf('=');
            if (eq <= 0) {
                throw new SettingsException("--set needs KEY=VALUE, got '" + set + "'");
            }
            flags.put(set.substring(0, eq).trim(), set.substring(eq + 1).trim());
        }
        if (command.catalog != null) {
            flags.put("catalog.file", command.catalog.toString());
        }
        List<TrackRecordReplay.DyadReplay> replays = new TrackRecordReplay(command.config, System.getenv(), flags)
                .run(TurningPoints.loadDefault());
        Map<String, String> blocks = TrackRecordReport.blocks(replays);
        blocks.values().forEach(text -> {
            out.print(text);
            out.println();
        });
        for (TrackRecordReplay.DyadReplay r : replays) {
            BacktestReport.write(r.backtest(), command.report.resolve(r.dyad().dyad().key()), false);
        }
        out.println("Reports: " + command.report.toAbsolutePath() + "/DYAD (index.html, chart.svg, periods.csv, alerts.json)");
        for (Path doc : command.updateDocs) {
            List<String> updated = TrackRecordReport.update(doc, blocks);
            err.println("updated " + doc + ": " + String.join(", ", updated));
        }
        out.flush();
        err.flush();
        return 0;
    }
}
