package io.dyadwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Progress lines go to a terminal only: never into a redirected file or a pipe. */
class TerminalProgressTest {

    @Test
    void shouldDrawOnATerminal() {
        StringWriter err = new StringWriter();
        try (TerminalProgress progress = new TerminalProgress(new PrintWriter(err), "lines", null, false, true)) {
            progress.advance(3);
        }

        assertThat(err.toString()).contains("\r3 lines").endsWith(System.lineSeparator());
    }

    @Test
    void shouldDrawNothingWhenTheStreamIsNoTerminalOrWhenQuiet() {
        StringWriter err = new StringWriter();
        try (TerminalProgress piped = new TerminalProgress(new PrintWriter(err), "lines", null, false, false);
                TerminalProgress quiet = new TerminalProgress(new PrintWriter(err), "lines", null, true, true)) {
            piped.advance(3);
            quiet.advance(3);
        }

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void shouldTellTerminalDevicesFromFilesAndPipes() {
        assertThat(Terminals.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(Terminals.isTerminalDevice("/dev/tty1")).isTrue();
        assertThat(Terminals.isTerminalDevice("pipe:[81234]")).isFalse();
        assertThat(Terminals.isTerminalDevice("/dev/null")).isFalse();
        assertThat(Terminals.isTerminalDevice("/tmp/out.log")).isFalse();
        assertThat(Terminals.isTerminalDevice("socket:[1]")).isFalse();
    }

    @Test
    void shouldFindThatTheTestsStandardErrorIsNoTerminal() {
        // surefire's forked JVM writes standard error into a pipe
        assertThat(Terminals.standardError()).isFalse();
    }
}
