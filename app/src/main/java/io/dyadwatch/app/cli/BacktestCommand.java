package io.dyadwatch.app.cli;

import io.dyadwatch.app.backtest.Backtest;
import io.dyadwatch.app.backtest.BacktestReport;
import io.dyadwatch.app.backtest.BacktestResult;
import io.dyadwatch.app.backtest.EventInput;
import io.dyadwatch.app.backtest.SummaryTable;
import io.dyadwatch.app.backtest.BacktestWindow;
import io.dyadwatch.app.wiring.Analysis;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.model.event.Coverage;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.settings.SettingsException;
import io.dyadwatch.producer.JsonLinesPublisher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dyadwatch backtest}: replay events through the topology and the alert rules by event time, and report. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        header = "Replay events through the production topologies by event time and report.",
        description = {"Replay events through the same topology, model and alert rules as the services, by event time,",
                "in-process and without a broker. Writes a report (periods.csv, alerts.json, chart.svg, index.html) and",
                "prints a summary per year (per period with --dyad, --from or --to). Lines the event contract refuses are",
                "reported with their line number and counted; only unreadable input makes the exit code non-zero."})
public final class BacktestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--events", paramLabel = "FILE", arity = "1..*",
            description = "JSON-lines event files to replay together (e.g. the record and an 'import sipri' output); "
                    + "default: the bundled Russia-China record.")
    List<Path> events = new ArrayList<>();

    @Option(names = "--covers", paramLabel = "[FILE=]FROM..TO",
            description = "The days an input covers, both included (ISO dates): absence of reports in them is "
                    + "evidence. FILE=FROM..TO for one of the --events files (repeatable, once per file); "
                    + "FROM..TO alone when there is one input (one --events file, or the bundled record). Wins "
                    + "over the file's own span line {\"covers\":\"FROM..TO\"}; an input with neither declares "
                    + "nothing, and its channel's coverage is assumed from the first event received.")
    List<String> covers = new ArrayList<>();

    @Option(names = "--dyad", paramLabel = "DYAD",
            description = "Dyad or group to replay, like CHN-RUS (default CHN-RUS); its profile must be in the "
                    + "catalog.")
    String dyad;

    @Option(names = "--from", paramLabel = "PERIOD",
            description = "First period reported, like 2019-Q1; earlier events are still replayed (the change "
                    + "statistics enter the window as a running service would have had them).")
    String from;

    @Option(names = "--to", paramLabel = "PERIOD", description = "Last period replayed and reported, like 2023-Q4.")
    String to;

    @Option(names = "--report", paramLabel = "DIR", defaultValue = "backtest-report",
            description = "Directory for the report (default ${DEFAULT-VALUE}); created when missing, files replaced.")
    Path report;

    @Option(names = "--quiet", description = "No progress line (there is none anyway unless output is a terminal).")
    boolean quiet;

    @Option(names = "--catalog", paramLabel = "FILE",
            description = "Scenario and indicator catalog (YAML) instead of the bundled one (setting catalog.file).")
    Path catalog;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (.properties or .yml/.yaml).")
    Path config;

    @Option(names = "--track-record",
            description = "Replay every bundled record, each for its own dyad, and score the alerts against the turning "
                    + "points of data/history/turning-points.yml (docs/backtest.md); prints the table and each record's "
                    + "per-year backtest, and writes each dyad's report under --report DIR/DYAD.")
    boolean trackRecord;

    @Option(names = "--update-docs", paramLabel = "FILE", arity = "1..*",
            description = "With --track-record: rewrite the generated blocks these Markdown files hold "
                    + "(<!-- generated:track-record --> ...).")
    List<Path> updateDocs = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Any setting, e.g. --set alerts.rules.file=rules.yml. Repeatable. streams.clock is always"
                    + " event.")
    List<String> sets = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (trackRecord || !updateDocs.isEmpty()) {
            return TrackRecordRun.run(this, out, err);
        }
        Dyad watched = Dyad.parse(dyad == null ? "CHN-RUS" : dyad);
        Settings settings = Settings.resolve(config, System.getenv(), flags(watched));
        Analysis analysis = Analysis.load(settings);
        Map<Path, Coverage> declared = InputCoverage.parse(covers, events);
        List<EventInput> inputs = new ArrayList<>();
        if (events.isEmpty()) {
            inputs.add(EventInput.bundledRecord(declared.get(InputCoverage.BUNDLED)));
        }
        events.forEach(file -> inputs.add(EventInput.file(file, declared.get(InputCoverage.key(file)))));
        BacktestWindow window = new BacktestWindow(from, to);

        java.util.concurrent.atomic.AtomicLong perMille = new java.util.concurrent.atomic.AtomicLong();
        BacktestResult result;
        try (TerminalProgress progress = new TerminalProgress(err, "events replayed", perMille::get, quiet)) {
            result = new Backtest(settings, analysis, watched).run(inputs, window, (done, total) -> {
                perMille.set(total == 0 ? 1000 : done * 1000 / total);
                progress.step();
            });
        }
        result.refused().forEach(line -> err.println(JsonLinesPublisher.describe(line)));
        err.flush();
        boolean perPeriod = dyad != null || window.bounded();
        out.print(SummaryTable.format(result, perPeriod));
        Path page = BacktestReport.write(result, report, perPeriod);
        out.println("Report: " + page.toAbsolutePath().getParent() + " (index.html, chart.svg, periods.csv, alerts.json)");
        out.flush();
        return 0;
    }

    private Map<String, String> flags(Dyad watched) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (String set : sets) {
            int eq = set.indexOf('=');
            if (eq <= 0) {
                throw new SettingsException("--set needs KEY=VALUE, got '" + set + "'");
            }
            flags.put(set.substring(0, eq).trim(), set.substring(eq + 1).trim());
        }
        if (catalog != null) {
            flags.put("catalog.file", catalog.toString());
        }
        flags.put("dyads", watched.key());
        flags.put("streams.clock", "event");
        return flags;
    }
}
