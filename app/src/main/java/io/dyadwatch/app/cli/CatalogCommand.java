package io.dyadwatch.app.cli;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.catalog.CatalogProblem;
import io.dyadwatch.catalog.CatalogValidation;
import io.dyadwatch.catalog.model.OperatingCharacteristic;
import io.dyadwatch.catalog.model.ScenarioModel;
import io.dyadwatch.catalog.model.StoredCalibration;
import io.dyadwatch.catalog.report.CatalogReport;
import io.dyadwatch.model.event.Dyad;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dyadwatch catalog validate|show|calibrate [FILE]}. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "Check, print or calibrate the scenario and indicator catalog (the bundled one, or FILE).",
        subcommands = {CatalogCommand.Validate.class, CatalogCommand.Show.class, CatalogCommand.Calibrate.class})
public final class CatalogCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Schema and consistency check. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check a catalog: every problem with its line, field, what is wrong and what is allowed.",
                    "Exit code 0 when valid, 2 otherwise."})
    static final class Validate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "0..1", description = "Catalog YAML (default: the bundled catalog).")
        Path file;

        @Override
        public Integer call() throws IOException {
            List<CatalogProblem> problems;
            String origin;
            if (file == null) {
                origin = "bundled catalog " + Catalog.DEFAULT_RESOURCE;
                try (InputStream in = Catalog.class.getResourceAsStream(Catalog.DEFAULT_RESOURCE)) {
                    problems = CatalogValidation.validate(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } else {
                origin = file.toString();
                problems = CatalogValidation.validate(file);
            }
            (problems.isEmpty() ? spec.commandLine().getOut() : spec.commandLine().getErr())
                    .print(CatalogReport.validation(origin, problems));
            return problems.isEmpty() ? 0 : 2;
        }
    }

    /** The Indicators Validator matrix, the baselines and the calibration of each dyad. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Print, for each dyad (or --dyad), the Indicators Validator matrix (indicators x scenarios),",
                    "each indicator's diagnosticity, family and events counted in the reference window; the window,",
                    "the derived rates and dispersion; and the calibrated alarm thresholds."})
    static final class Show implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DyadSelection selection;

        @Override
        public Integer call() {
            Catalog catalog = selection.catalog();
            ScenarioModel model = new ScenarioModel(catalog);
            PrintWriter out = spec.commandLine().getOut();
            for (Dyad d : selection.dyads(catalog)) {
                out.print(CatalogReport.show(catalog, d));
                out.print(CatalogReport.calibration(catalog, model.thresholds(d)));
                out.println();
            }
            return 0;
        }
    }

    /** Each dyad's operating characteristic, from simulating the pipeline. */
    @Command(name = "calibrate", mixinStandardHelpOptions = true,
            description = {"Calibrate each dyad's alarm thresholds (or --dyad's) by simulating the pipeline, and print",
                    "its operating characteristic: the false-alarm probability over the budget's periods on fresh",
                    "status-quo histories (at the stored baselines and with true rates drawn from their posterior),",
                    "the median and 90th-percentile detection delay of a whole-scenario shift, of each family shift",
                    "and of each out-of-scenario shift, against an oracle: the CUSUM of the simulator's true",
                    "likelihood; each statistic's drift check; and the split of the budget.",
                    "Progress goes to standard error. With --write, store the calibration of every dyad in FILE instead",
                    "(the shipped one: catalog/src/main/resources/catalog/dyadwatch-calibration.json)."})
    static final class Calibrate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DyadSelection selection;

        @Option(names = "--false-alarm-runs", defaultValue = "1000",
                description = "Fresh status-quo histories for the false-alarm probability (default ${DEFAULT-VALUE}).")
        int falseAlarmRuns;

        @Option(names = "--delay-runs", defaultValue = "400",
                description = "Histories per shift for the delays (default ${DEFAULT-VALUE}).")
        int delayRuns;

        @Option(names = "--write", paramLabel = "FILE",
                description = "Calibrate every dyad and write the thresholds to FILE (a stored calibration).")
        Path write;

        @Option(names = "--whole-shares", paramLabel = "N",
                description = "Shares of the budget for each whole-scenario CUSUM (default: the shipped split's 4; 1 is"
                        + " the equal split): shows the trade against the out-of-scenario delays. Not with --write.")
        Double wholeShares;

        @Option(names = "--seed", defaultValue = "1",
                description = "Seed of the fresh histories (default ${DEFAULT-VALUE}; the calibration has its own).")
        long seed;

        @Override
        public Integer call() throws IOException {
            if (falseAlarmRuns < 1 || delayRuns < 1) {
                throw new IllegalArgumentException("--false-alarm-runs and --delay-runs must be >= 1");
            }
            Catalog catalog = selection.catalog();
            ScenarioModel model = new ScenarioModel(catalog);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (write != null && wholeShares != null) {
                throw new IllegalArgumentException("--whole-shares measures another split; the stored calibration is"
                        + " always the shipped split (drop --whole-shares or --write)");
            }
            if (write != null) {
                err.println("calibrating " + catalog.dyads().size() + " dyads on " + catalog.cusum().calibrationRuns()
                        + " histories each");
                err.flush();
                Files.writeString(write, StoredCalibration.calibrateAll(model), StandardCharsets.UTF_8);
                out.println("wrote the calibration of " + catalog.dyads().keySet() + " for catalog "
                        + StoredCalibration.key(catalog) + " to " + write);
                return 0;
            }
            for (Dyad d : selection.dyads(catalog)) {
                java.util.function.Consumer<String> progress = line -> {
                    err.println(line);
                    err.flush();
                };
                OperatingCharacteristic oc = wholeShares == null
                        ? OperatingCharacteristic.measure(model, d, falseAlarmRuns, delayRuns, seed, progress)
                        : OperatingCharacteristic.measure(model, d, falseAlarmRuns, delayRuns, seed, wholeShares, progress);
                out.print(CatalogReport.operatingCharacteristic(catalog, oc));
                out.print(CatalogReport.drifts(model.drifts(d)));
                out.print(wholeShares == null ? CatalogReport.shares()
                        : "Budget split measured here: each whole-scenario CUSUM " + wholeShares + " shares (the shipped"
                                + " split: " + CatalogReport.shares().trim() + ")\n");
                out.println();
                out.flush();
            }
            return 0;
        }
    }

    /** The catalog (bundled, or FILE) and the dyads to print (every watched one, or --dyad). */
    static final class DyadSelection {

        @Parameters(paramLabel = "FILE", arity = "0..1", description = "Catalog YAML (default: the bundled catalog).")
        Path file;

        @Option(names = "--dyad", paramLabel = "DYAD", description = "Only this dyad (default: every watched dyad).")
        String dyad;

        Catalog catalog() {
            return file == null ? Catalog.loadDefault() : Catalog.load(file);
        }

        List<Dyad> dyads(Catalog catalog) {
            if (dyad == null) {
                return List.copyOf(catalog.dyads().keySet());
            }
            Dyad d = Dyad.parse(dyad);
            catalog.dyad(d);
            return List.of(d);
        }
    }
}
