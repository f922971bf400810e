package io.dyadwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CatalogCommandTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void shouldShowTheWindowEventsCountedDispersionAndCalibrationOfADyad() {
        Run run = run("catalog", "show", "--dyad", "CHN-RUS");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Indicators Validator matrix: CHN-RUS")
                .contains("Baselines: derived from history/russia-china-2012-2025.jsonl over 2016-Q1..2021-Q4 (24 quarters)")
                .contains("Dispersion (negative-binomial size k per family")
                .contains("Calibration of CHN-RUS: at most 5% chance of any alert (signature alerts included) in 80"
                        + " status-quo quarters")
                .contains("with true rates drawn from the baselines' posterior")
                .contains("90% interval").contains("signature")
                .contains("family patrols").contains("generic war-support").contains("probability level");
    }

    @Test
    void shouldShowTheBaselinesOfTheNewRecordsOverTheirReferenceWindows() {
        for (String[] dyad : new String[][] {{"PRK-RUS", "russia-north-korea"}, {"IRN-RUS", "iran-russia"}}) {
            Run run = run("catalog", "show", "--dyad", dyad[0]);

            assertThat(run.exit()).isZero();
            assertThat(run.out()).contains("Baselines: derived from history/" + dyad[1] + "-2016-2025.jsonl over "
                    + "2016-Q1..2021-Q4 (24 quarters)").contains("Calibration of " + dyad[0]);
        }
    }

    @Test
    void shouldShowEveryWatchedDyadWithoutDyadAndMarkJudgementBaselines() {
        Run run = run("catalog", "show");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Indicators Validator matrix: CHN-RUS", "Indicators Validator matrix: IRN-RUS",
                "Indicators Validator matrix: CHN-IRN-RUS").contains("Baselines: analyst judgement");
    }

    @Test
    void shouldPrintTheOperatingCharacteristicWithProgress() {
        Run run = run("catalog", "calibrate", "--dyad", "PRK-RUS", "--false-alarm-runs", "200", "--delay-runs", "20");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("False alarms on 200 fresh status-quo histories of 80 quarters")
                .contains("with true rates drawn from the posterior")
                .contains("whole -> WEAKENING").contains("patrols -> STRENGTHENING").contains("war-support RISE")
                .contains("oracle").contains("Drift under the status quo").contains("Budget split");
        assertThat(run.err()).contains("PRK-RUS: calibrating").contains("delays after whole -> WEAKENING");
    }

    @Test
    void shouldRefuseAnotherSplitForTheStoredCalibration() {
        Run run = run("catalog", "calibrate", "--whole-shares", "1", "--write", "ignored.json");

        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("--whole-shares");
    }
}
