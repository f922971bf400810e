package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.app.cli.AlertsTailCommand;
import io.dyadwatch.model.alert.Alert;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code alerts tail} prints the topic's alerts for a watch officer and stops at its end. */
class AlertsTailIT {

    private final SinkFixtures kafka = new SinkFixtures("tail");

    @Test
    void shouldPrintEveryAlertWithItsEvidenceAndStopAtTheEndOfTheTopic() {
        Alert firing = SinkFixtures.firing("it-tail");
        kafka.publish(firing, SinkFixtures.resolved(firing));

        String out = tail();

        assertThat(out.lines().filter(l -> l.contains("CHN-RUS"))).hasSize(2);
        assertThat(out).contains("FIRING   WARNING  CHN-RUS     STRENGTHENING 2024-Q3 r17  " + firing.summary())
                .contains("RESOLVED WARNING  CHN-RUS")
                .contains("2024-07-24 COMBINED_PATROL        Combined bomber patrol off Alaska (NORAD, A1)");
    }

    @Test
    void shouldShowOnlyTheRequestedStatus() {
        Alert firing = SinkFixtures.firing("it-tail-status");
        kafka.publish(firing, SinkFixtures.resolved(firing));

        String out = tail("--status", "resolved");

        assertThat(out).contains("RESOLVED").doesNotContain("FIRING");
    }

    private String tail(String... extra) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = new String[4 + extra.length];
        args[0] = "--bootstrap-servers";
        args[1] = SharedKafka.bootstrapServers();
        args[2] = "--set";
        args[3] = "topic.prefix=" + kafka.ids.prefix();
        System.arraycopy(extra, 0, args, 4, extra.length);
        int exit = new CommandLine(new AlertsTailCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        return out.toString();
    }
}
