package io.dyadwatch.app.backtest;

import static io.dyadwatch.app.backtest.BacktestEvents.exercise;
import static io.dyadwatch.app.backtest.BacktestEvents.treaty;
import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.app.cli.BacktestCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BacktestCommandTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BacktestCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void shouldPrintAPerPeriodSummaryReportRefusedLinesAndExitZero(@TempDir Path dir) throws Exception {
        Path events = dir.resolve("events.jsonl");
        Files.writeString(events, String.join("\n", exercise("a", "2023-02-10"), "{\"id\":1}",
                treaty("t", "2023-05-20", "Mutual-defence treaty."), exercise("b", "2023-08-15")) + "\n");
        Path report = dir.resolve("report");

        Run run = run("--events", events.toString(), "--dyad", "CHN-RUS", "--report", report.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains(events + ":2: WRONG_TYPE").doesNotContain("replaying");
        assertThat(run.out()).contains("period").contains("2023-Q1").contains("2023-Q2").contains("2023-Q3")
                .contains("4 read, 3 accepted, 1 refused").doesNotContain("2023-Q4");
        assertThat(run.out().lines().filter(l -> l.startsWith("2023-Q2")).findFirst().orElseThrow()).endsWith("1");
        assertThat(report.resolve("index.html")).exists();
        assertThat(report.resolve("chart.svg")).exists();
        assertThat(report.resolve("periods.csv")).exists();
        assertThat(report.resolve("alerts.json")).exists();
    }

    @Test
    void shouldExitNonZeroWhenAnInputCannotBeRead(@TempDir Path dir) {
        Run run = run("--events", dir.resolve("nope.jsonl").toString(), "--report", dir.resolve("r").toString());

        assertThat(run.exit()).isNotZero();
        assertThat(dir.resolve("r")).doesNotExist();
    }

    /** Through the program's one error handler, as a user runs it. */
    static Run main(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "backtest";
        System.arraycopy(args, 0, all, 1, args.length);
        int exit = io.dyadwatch.app.Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void shouldDeclareWhatOneFileCoversWithCoversAlone(@TempDir Path dir) throws Exception {
        Path events = Files.writeString(dir.resolve("one.jsonl"), exercise("a", "2023-02-10") + "\n");

        Run run = main("--events", events.toString(), "--covers", "2023-01-01..2023-12-31",
                "--report", dir.resolve("r").toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Inputs: " + events + ": covers 2023-01-01..2023-12-31 (--covers)");
    }

    @Test
    void shouldPairEachCoversWithItsFile(@TempDir Path dir) throws Exception {
        Path one = Files.writeString(dir.resolve("one.jsonl"), exercise("a", "2023-02-10") + "\n");
        Path two = Files.writeString(dir.resolve("two.jsonl"), exercise("b", "2023-05-10") + "\n");

        Run run = main("--events", one.toString(), two.toString(), "--covers", two + "=2023-04-01..2023-06-30",
                "--report", dir.resolve("r").toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Inputs: " + one + ": no declared coverage (assumed from first receipt); "
                + two + ": covers 2023-04-01..2023-06-30 (--covers)");
    }

    @Test
    void shouldRefuseCoversThatDoNotSayWhichInputTheyCoverWithExitTwo(@TempDir Path dir) throws Exception {
        Path one = Files.writeString(dir.resolve("one.jsonl"), exercise("a", "2023-02-10") + "\n");
        Path two = Files.writeString(dir.resolve("two.jsonl"), exercise("b", "2023-05-10") + "\n");
        String report = dir.resolve("r").toString();

        Run ambiguous = main("--events", one.toString(), two.toString(), "--covers", "2023-01-01..2023-12-31",
                "--report", report);
        Run unknown = main("--events", one.toString(), "--covers", dir.resolve("three.jsonl") + "=2023-01-01..2023-12-31",
                "--report", report);
        Run twice = main("--events", one.toString(), "--covers", "2023-01-01..2023-12-31",
                "--covers", one + "=2023-01-01..2023-06-30", "--report", report);
        Run nonsense = main("--events", one.toString(), "--covers", "last year", "--report", report);

        assertThat(List.of(ambiguous, unknown, twice, nonsense)).extracting(Run::exit).containsOnly(2);
        assertThat(ambiguous.err()).contains("does not say which of the 2 --events files");
        assertThat(unknown.err()).contains("three.jsonl is not one of the --events files");
        assertThat(twice.err()).contains("declares an input a second time");
        assertThat(nonsense.err()).contains("--covers last year: coverage is written FROM..TO");
        assertThat(dir.resolve("r")).doesNotExist();
    }

    @Test
    void shouldRefuseAMalformedSpanLineWithItsLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path events = Files.writeString(dir.resolve("bad.jsonl"), "{\"covers\":\"2023-01-01..2023\"}\n"
                + exercise("a", "2023-02-10") + "\n");

        Run run = main("--events", events.toString(), "--report", dir.resolve("r").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("dyadwatch backtest: " + events + ":1: the record's span line")
                .doesNotContain("\tat ");
    }

    @Test
    void shouldExplainItsOptions() {
        Run run = run("--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("--events").contains("--dyad").contains("--from").contains("--to")
                .contains("--report").contains("--quiet");
    }
}
