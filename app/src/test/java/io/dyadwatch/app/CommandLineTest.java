package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A port nothing listens on: a command that contacted Kafka there would wait and exit 3. */
    private static int unusedPort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "broker", "run", "streams", "alerts", "publish", "import", "simulate", "catalog",
            "backtest", "feed", "correct"})
    void shouldExplainEveryCommandsOptions(String command) {
        Run run = run(command, "--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Usage: dyadwatch " + command).contains("--help");
    }

    @Test
    void shouldListEveryCommandInTheTopLevelHelp() {
        assertThat(run("--help").out()).contains("demo", "broker", "run", "streams", "alerts", "publish", "import",
                "simulate", "catalog", "backtest", "feed", "correct");
    }

    @Test
    void shouldRefuseAnUnknownSettingWithOneLineAndExitCodeTwo() {
        Run run = run("publish", "--set", "topic.prefx=x", "some.jsonl");

        assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err()).contains("unknown setting").contains("topic.prefx").doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void shouldRefuseACoverageThatIsNoCoverageWithExitCodeTwo() {
        Run run = run("publish", "--covers", "2024-13-01..2024-12-31", "some.jsonl");

        assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err()).contains("--covers").contains("ISO date").doesNotContain("\tat ");
    }

    @Test
    void shouldRefuseAMalformedSpanLineWithFileAndLineAndExitCodeTwoBeforeContactingKafka() throws Exception {
        int port = unusedPort();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("span", ".jsonl");
        java.nio.file.Files.writeString(file, "{\"covers\":\"2024-07-01..2024-08-31\",\"channel\":\"Wire\"}\n");

        // nothing listens on the port: had publish contacted Kafka it would wait admin.timeout.ms and exit 3
        Run run = run("publish", "--bootstrap-servers", "127.0.0.1:" + port, "--set", "admin.timeout.ms=20000",
                file.toString());

        assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err().strip()).startsWith("dyadwatch publish: " + file + ":1: the record's span line")
                .contains("channel").doesNotContain("\tat ");
        java.nio.file.Files.delete(file);
    }

    @Test
    void shouldRefuseMissingFilesAtOnceWithExitCodeTwoBeforeContactingKafka() throws Exception {
        int port = unusedPort();
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("publish");
        long start = System.nanoTime();

        // nothing listens on the port: had publish contacted Kafka it would wait admin.timeout.ms and exit 3
        Run run = run("publish", "--bootstrap-servers", "127.0.0.1:" + port, "--set", "admin.timeout.ms=20000",
                "missing.jsonl", dir.toString());

        assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err().strip()).isEqualTo("dyadwatch publish: no such file: missing.jsonl; " + dir
                + " is a directory, not a JSON-lines file");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(10));
    }

    @Test
    void shouldRefuseARulesFileWithADuplicateKeyInOneLineWithFileAndLineAndExitCodeTwo() throws Exception {
        java.nio.file.Path rules = java.nio.file.Files.writeString(java.nio.file.Files.createTempFile("rules", ".yml"),
                "version: 1\nrules: []\nversion: 2\n");

        Run run = run("run", "--bootstrap-servers", "127.0.0.1:1", "--set", "alerts.rules.file=" + rules);

        assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err().strip()).startsWith("dyadwatch run: " + rules + ":3: duplicate key 'version'");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void shouldReportAnUnreachableBrokerInOneLineWithExitCodeThree() throws Exception {
        int port = unusedPort();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("unreachable", ".jsonl");
        Run run = run("publish", "--bootstrap-servers", "127.0.0.1:" + port, "--set", "admin.timeout.ms=1500",
                file.toString());

        assertThat(run.exit()).isEqualTo(Main.EXIT_KAFKA);
        assertThat(run.err().strip()).startsWith("dyadwatch publish: cannot reach Kafka at 127.0.0.1:" + port)
                .doesNotContain("\tat ");
        assertThat(run.err().strip().lines()).hasSize(1);
    }
}
