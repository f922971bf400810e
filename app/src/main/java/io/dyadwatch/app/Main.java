package io.dyadwatch.app;

import io.dyadwatch.app.cli.AlertsCommand;
import io.dyadwatch.app.cli.BacktestCommand;
import io.dyadwatch.app.cli.BenchCommand;
import io.dyadwatch.app.cli.BrokerCommand;
import io.dyadwatch.app.cli.DemoCommand;
import io.dyadwatch.app.cli.FeedCommand;
import io.dyadwatch.app.cli.CatalogCommand;
import io.dyadwatch.app.cli.CompletionCommand;
import io.dyadwatch.app.cli.CorrectCommand;
import io.dyadwatch.app.cli.ImportCommand;
import io.dyadwatch.app.cli.IngestCommand;
import io.dyadwatch.app.cli.SimulateCommand;
import io.dyadwatch.app.cli.PublishCommand;
import io.dyadwatch.app.cli.RunCommand;
import io.dyadwatch.app.cli.StreamsCommand;
import io.dyadwatch.app.wiring.KafkaUnreachableException;
import io.dyadwatch.model.settings.SettingsException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code dyadwatch} command line. */
@Command(name = "dyadwatch", mixinStandardHelpOptions = true, versionProvider = BuildInfo.Provider.class,
        description = {"DyadWatch: a streaming indications-and-warning monitor of military cooperation between states.",
                "Run 'dyadwatch <command> --help' for a command's options."},
        subcommands = {DemoCommand.class, BrokerCommand.class, RunCommand.class, IngestCommand.class, StreamsCommand.class,
                AlertsCommand.class, PublishCommand.class, ImportCommand.class, FeedCommand.class, CorrectCommand.class,
                SimulateCommand.class, CatalogCommand.class, BacktestCommand.class, BenchCommand.class,
                CompletionCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code of a bad setting or argument. */
    public static final int EXIT_USAGE = 2;
    /** Exit code when Kafka cannot be reached. */
    public static final int EXIT_KAFKA = 3;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int exit = execute(out, err, args);
        out.flush();
        err.flush();
        System.exit(exit);
    }

    /** Runs the command line with the given output streams and returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        shareVersion(cli, new BuildInfo.Provider());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("dyadwatch " + commandLine.getCommandName() + ": " + oneLine(e));
            commandLine.getErr().flush();
            return exitCode(e);
        });
        return cli.execute(args);
    }

    /** Every command answers --version with the build's version and commit. */
    private static void shareVersion(CommandLine command, CommandLine.IVersionProvider provider) {
        command.getCommandSpec().versionProvider(provider);
        command.getSubcommands().values().forEach(sub -> shareVersion(sub, provider));
    }

    private static int exitCode(Exception e) {
        if (e instanceof SettingsException || e instanceof IllegalArgumentException
                || e instanceof io.dyadwatch.catalog.CatalogException) {
            return EXIT_USAGE;
        }
        if (e instanceof KafkaUnreachableException) {
            return EXIT_KAFKA;
        }
        return 1;
    }

    private static String oneLine(Exception e) {
        if (e instanceof SettingsException || e instanceof KafkaUnreachableException || e instanceof UncheckedIOException
                || e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof java.io.IOException || e instanceof io.dyadwatch.catalog.CatalogException
                || e instanceof io.dyadwatch.producer.feed.SlotFailure) {
            return e.getMessage();
        }
        return "unexpected error: " + e;
    }
}
