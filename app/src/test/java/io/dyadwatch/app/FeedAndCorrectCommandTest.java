package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyadwatch.app.CommandLineTest.Run;
import org.junit.jupiter.api.Test;

/** Bad arguments to {@code feed gdelt} and {@code correct} are refused in one line, exit 2, before Kafka is asked. */
class FeedAndCorrectCommandTest {

    static Run run(String... args) {
        return CommandLineTest.run(args);
    }

    // port 1: nothing listens, so reaching Kafka would fail differently (exit 3)
    static final String NO_KAFKA = "127.0.0.1:1";

    @Test
    void shouldRefuseARegradeToAGradeThatIsNoGrade() {
        Run run = run("correct", "regrade", "gdelt:1", "--grade", "G9", "--reason", "x", "--dyad", "CHN-RUS",
                "--bootstrap-servers", NO_KAFKA);

        assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err()).contains("dyadwatch regrade: reliability must be one of A-F, got 'G'")
                .doesNotContain("\tat ");
    }

    @Test
    void shouldRefuseACorrectionWithoutAReasonOrADyad() {
        Run noReason = run("correct", "retract", "gdelt:1", "--dyad", "CHN-RUS", "--bootstrap-servers", NO_KAFKA);
        Run badDyad = run("correct", "retract", "gdelt:1", "--dyad", "CHN", "--reason", "hoax", "--bootstrap-servers",
                NO_KAFKA);

        assertThat(noReason.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(noReason.err()).contains("Missing required option: '--reason=TEXT'");
        assertThat(badDyad.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(badDyad.err()).contains("a dyad needs two or more distinct countries");
    }

    @Test
    void shouldRefuseABackfillWithoutItsStartOrRunningBackwards() {
        Run noFrom = run("feed", "gdelt", "--to", "2025-06-01", "--bootstrap-servers", NO_KAFKA);
        Run backwards = run("feed", "gdelt", "--from", "2025-06-02", "--to", "2025-06-01", "--bootstrap-servers", NO_KAFKA);
        Run outputLive = run("feed", "gdelt", "--output", "x.jsonl", "--bootstrap-servers", NO_KAFKA);
        Run badInterval = run("feed", "gdelt", "--poll-interval", "soon", "--bootstrap-servers", NO_KAFKA);

        assertThat(noFrom.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(noFrom.err()).contains("a backfill needs --from as well as --to");
        assertThat(backwards.err()).contains("--to 2025-06-01 is before --from 2025-06-02");
        assertThat(outputLive.err()).contains("--output writes a backfill: give --from and --to");
        assertThat(badInterval.exit()).isEqualTo(Main.EXIT_USAGE);
        Run otherFeed = run("run", "--feed", "icews", "--bootstrap-servers", NO_KAFKA);
        assertThat(otherFeed.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(otherFeed.err()).contains("--feed: the only feed is gdelt, got 'icews'");
        assertThat(badInterval.err()).contains("a duration is like 15m, 90s, 1h or PT15M; got 'soon'");
    }
}
