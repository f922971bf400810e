package io.dyadwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The usage errors of {@code backtest --track-record}: a message and the usage exit code, before any replay. */
class TrackRecordRunTest {

    private static final int EXIT_USAGE = 2;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {String.valueOf(exit), err.toString()};
    }

    @Test
    void shouldRefuseATrackRecordOfOneDyadOrWindow() {
        String[] run = run("backtest", "--track-record", "--dyad", "PRK-RUS");

        assertThat(run[0]).isEqualTo(String.valueOf(EXIT_USAGE));
        assertThat(run[1]).contains("--track-record replays every bundled record whole")
                .contains("it takes no --events, --dyad, --from or --to");
    }

    @Test
    void shouldRefuseUpdateDocsWithoutTrackRecord() {
        String[] run = run("backtest", "--update-docs", "README.md");

        assertThat(run[0]).isEqualTo(String.valueOf(EXIT_USAGE));
        assertThat(run[1]).contains("--update-docs goes with --track-record");
    }
}
