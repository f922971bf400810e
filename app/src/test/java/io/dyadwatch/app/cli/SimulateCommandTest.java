package io.dyadwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulateCommandTest {

    private static List<String> lines(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(exit).as(err.toString()).isZero();
        return out.toString().lines().toList();
    }

    @Test
    void shouldDrawAFamilyShiftWithASourceMixShift() {
        List<String> events = lines("simulate", "--scenario", "STATUS_QUO", "--from", "2000-01-01", "--to", "2004-01-01",
                "--shift-at", "2002-01-01", "--shift-to", "STRENGTHENING", "--shift-family", "patrols",
                "--sources", "B2", "--sources-shift-at", "2001-01-01", "--sources-after", "C3+1", "--seed", "4");

        assertThat(events).isNotEmpty();
        assertThat(events).anyMatch(l -> l.contains("\"reliability\":\"B\",\"credibility\":2"));
        assertThat(events).anyMatch(l -> l.contains("DyadWatch simulator, second source"));
        assertThat(events).anyMatch(l -> l.contains("COMBINED_PATROL"));
    }

    @Test
    void shouldStateTheSimulatedSpanOnTheFirstLineUnlessUndeclared() {
        String[] args = {"simulate", "--scenario", "STATUS_QUO", "--from", "2016-01-01", "--to", "2018-01-01", "--seed", "3"};
        List<String> declared = lines(args);
        List<String> undeclared = lines(java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--undeclared")).toArray(String[]::new));

        assertThat(declared.get(0)).isEqualTo("{\"covers\":\"2016-01-01..2017-12-31\"}");
        assertThat(declared.subList(1, declared.size())).isEqualTo(undeclared).allMatch(l -> l.contains("\"id\""));
    }

    @Test
    void shouldGiveTheSameEventsForTheSameSeedWithPoissonCounts() {
        String[] args = {"simulate", "--scenario", "WEAKENING", "--from", "2000-01-01", "--to", "2001-01-01", "--poisson",
            "--seed", "9"};
        assertThat(lines(args)).isEqualTo(lines(args));
    }
}
