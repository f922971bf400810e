package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DemoIT {

    @Test
    void shouldReplayTheBundledEventsAndPrintAlertsAndASummary() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--exit-when-done");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("bootstrap.servers=127.0.0.1:").contains("/metrics")
                .contains("[FIRING]").contains("Summary").contains("processing finished: yes");
        assertThat(out.toString()).containsPattern("events published: +\\d+ \\(refused by the contract: 0\\)");
    }
}
