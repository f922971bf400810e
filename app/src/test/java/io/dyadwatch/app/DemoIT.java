package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.app.backtest.Backtest;
import io.dyadwatch.app.backtest.BacktestResult;
import io.dyadwatch.app.backtest.EventInput;
import io.dyadwatch.app.backtest.BacktestWindow;
import io.dyadwatch.app.wiring.Analysis;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.model.event.Dyad;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoIT {

    private static String demo() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--exit-when-done");

        assertThat(exit).as(err.toString()).isZero();
        return out.toString();
    }

    /** The alert headlines the console printed, in order. */
    private static List<String> alerts(String output) {
        return output.lines().filter(l -> l.startsWith("[FIRING]") || l.startsWith("[RESOLVED]")).toList();
    }

    @Test
    void shouldReplayTheBundledEventsAndPrintTheSameAlertsEveryTimeAsTheBacktestDoes() throws IOException {
        String first = demo();
        String second = demo();

        assertThat(first).contains("bootstrap.servers=127.0.0.1:").contains("/metrics")
                .contains("[FIRING]").contains("Summary").contains("processing finished: yes");
        assertThat(first).containsPattern("events published: +\\d+ \\(refused by the contract: 0\\)");
        assertThat(alerts(second)).as("a second replay of the same file").isEqualTo(alerts(first));

        Settings settings = Settings.resolve(null, Map.of(), Map.of("streams.clock", "event", "dyads", "CHN-RUS"));
        BacktestResult backtest = new Backtest(settings, Analysis.load(settings), Dyad.parse("CHN-RUS"))
                .run(List.of(EventInput.bundledRecord()), BacktestWindow.ALL, Backtest.Progress.NONE);
        List<String> fired = alerts(first).stream().filter(l -> l.startsWith("[FIRING]")).toList();
        assertThat(fired).as("the demo's alerts are the backtest's").hasSize(backtest.alerts().size());
        for (int i = 0; i < fired.size(); i++) {
            assertThat(fired.get(i)).endsWith(backtest.alerts().get(i).alert().summary())
                    .contains(backtest.alerts().get(i).alert().dyad());
        }
    }
}
