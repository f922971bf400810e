package io.dyadwatch.app.backtest;

import static io.dyadwatch.app.backtest.BacktestEvents.exercise;
import static io.dyadwatch.app.backtest.BacktestEvents.treaty;
import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.app.cli.BacktestCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void shouldExplainItsOptions() {
        Run run = run("--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("--events").contains("--dyad").contains("--from").contains("--to")
                .contains("--report").contains("--quiet");
    }
}
