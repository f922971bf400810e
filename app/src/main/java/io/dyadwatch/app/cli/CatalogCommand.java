package io.dyadwatch.app.cli;

import io.dyadwatch.catalog.Catalog;
import io.dyadwatch.catalog.CatalogProblem;
import io.dyadwatch.catalog.CatalogValidation;
import io.dyadwatch.catalog.report.CatalogReport;
import io.dyadwatch.model.event.Dyad;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dyadwatch catalog validate|show [FILE]}. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "Check or print the scenario and indicator catalog (the bundled one, or FILE).",
        subcommands = {CatalogCommand.Validate.class, CatalogCommand.Show.class})
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

    /** The Indicators Validator matrix. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Print the Indicators Validator matrix (indicators x scenarios), each indicator's",
                    "diagnosticity, and flag indicators that do not tell the scenarios apart."})
    static final class Show implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "0..1", description = "Catalog YAML (default: the bundled catalog).")
        Path file;

        @Option(names = "--dyad", paramLabel = "DYAD", description = "Baselines of this dyad (default: the catalog's default dyad).")
        String dyad;

        @Override
        public Integer call() {
            Catalog catalog = file == null ? Catalog.loadDefault() : Catalog.load(file);
            spec.commandLine().getOut().print(dyad == null ? CatalogReport.show(catalog)
                    : CatalogReport.show(catalog, Dyad.parse(dyad)));
            return 0;
        }
    }
}
