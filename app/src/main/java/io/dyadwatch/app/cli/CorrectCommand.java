package io.dyadwatch.app.cli;

import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.app.wiring.TopicAdmin;
import io.dyadwatch.model.correction.Correction;
import io.dyadwatch.producer.PublishException;
import io.dyadwatch.producer.correction.CorrectionPublisher;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dyadwatch correct retract|regrade ID}: an analyst's correction of a published event. */
@Command(name = "correct", mixinStandardHelpOptions = true,
        description = {"Correct a published event: retract it, or change its report's grade. The correction is published",
                "to the corrections topic keyed like the event (its dyad); the topology restates what it changes."},
        subcommands = {CorrectCommand.Retract.class, CorrectCommand.Regrade.class})
public final class CorrectCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What both corrections share. */
    abstract static class CorrectionRun implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        SettingsOptions settings;

        @Parameters(index = "0", paramLabel = "ID", description = "The event's id, as published (like gdelt:1234).")
        String id;

        @Option(names = "--reason", required = true, paramLabel = "TEXT",
                description = "Why (shown with the restated assessment and any alert it resolves; at most 500 characters).")
        String reason;

        @Option(names = "--dyad", required = true, split = ",", paramLabel = "DYAD",
                description = "The dyad the event was published under (like CHN-RUS); several, comma-separated, for an"
                        + " event of several watched dyads.")
        List<String> dyads;

        abstract Correction correction(String dyad, Clock clock);

        @Override
        public Integer call() throws PublishException {
            Clock clock = Clock.systemUTC();
            List<Correction> corrections = new ArrayList<>();
            for (String dyad : dyads) {
                corrections.add(correction(dyad, clock)); // every bad argument refused before Kafka is contacted
            }
            Settings resolved = settings.resolve(Map.of());
            TopicAdmin.ensureTopics(resolved.common(), resolved.kafkaOverrides());
            PrintWriter out = spec.commandLine().getOut();
            try (CorrectionPublisher publisher = new CorrectionPublisher(resolved.common().bootstrapServers(),
                    resolved.common().topics().corrections(), resolved.kafkaOverrides())) {
                for (Correction correction : corrections) {
                    publisher.publish(correction, Duration.ofSeconds(30));
                    out.printf("%s %s under %s%s: published to %s%n", correction.action().name().toLowerCase(
                            java.util.Locale.ROOT), correction.eventId(), correction.dyad(),
                            correction.grade() == null ? "" : " (grade " + correction.grade() + ")",
                            resolved.common().topics().corrections().name());
                }
            }
            out.flush();
            return 0;
        }
    }

    /** Withdraws an event. */
    @Command(name = "retract", mixinStandardHelpOptions = true, description = "Retract an event: it counts for nothing.")
    static final class Retract extends CorrectionRun {
        @Override
        Correction correction(String dyad, Clock clock) {
            return Correction.retract(id, dyad, reason, clock.instant());
        }
    }

    /** Changes a report's grade. */
    @Command(name = "regrade", mixinStandardHelpOptions = true,
            description = "Change an event's report grade (Admiralty: reliability A-F, credibility 1-6).")
    static final class Regrade extends CorrectionRun {
        @Option(names = "--grade", required = true, paramLabel = "GRADE", description = "The new grade, like C3.")
        String grade;

        @Override
        Correction correction(String dyad, Clock clock) {
            return Correction.regrade(id, dyad, grade, reason, clock.instant());
        }
    }
}
