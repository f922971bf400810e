package io.dyadwatch.app.cli;

import io.dyadwatch.app.wiring.Catalogs;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.app.wiring.TopicAdmin;
import io.dyadwatch.catalog.model.ScenarioModel;
import io.dyadwatch.catalog.sim.SimulationRequest;
import io.dyadwatch.catalog.sim.Simulator;
import io.dyadwatch.catalog.sim.SourceMix;
import io.dyadwatch.model.assessment.Scenario;
import io.dyadwatch.model.event.Coverage;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.producer.CheckedEventSink;
import io.dyadwatch.producer.EventPublisher;
import io.dyadwatch.producer.PublishException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dyadwatch simulate}: events drawn from a scenario's expected rates. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        header = "Draw events from a scenario's expected rates.",
        description = {"Draw events from a scenario's expected rates (the catalog's Indicators Validator matrix) as JSON",
                "lines on standard output, or publish them with --publish. Events are of the kinds the reference",
                "record shows (a rich exercise is one event matching several indicators), drawn from the model the",
                "monitor assumes (docs/model.md section 3: a kind moves by the geometric mean of its indicators'",
                "rates), with overdispersed counts; a shift moves the whole catalog or one family (--shift-family);",
                "--sources and --sources-after change how",
                "events are reported with the activity held constant. The same seed gives the same events."})
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SettingsOptions settings;

    @Option(names = "--dyad", defaultValue = "CHN-RUS", description = "Dyad or group (default ${DEFAULT-VALUE}).")
    String dyad;

    @Option(names = "--scenario", required = true, description = "STATUS_QUO, WEAKENING or STRENGTHENING.")
    Scenario scenario;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day (YYYY-MM-DD).")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "Day after the last (YYYY-MM-DD).")
    LocalDate to;

    @Option(names = "--shift-at", paramLabel = "DATE", description = "Switch to --shift-to on this day.")
    LocalDate shiftAt;

    @Option(names = "--shift-to", paramLabel = "SCENARIO", description = "The scenario after --shift-at.")
    Scenario shiftTo;

    @Option(names = "--shift-family", paramLabel = "FAMILY",
            description = "Only this family's indicators move at --shift-at (default: the whole catalog).")
    String shiftFamily;

    @Option(names = "--sources", paramLabel = "MIX", defaultValue = "A1",
            description = {"How events are reported: a grade, optionally +P for a second independent source with",
                    "probability P, e.g. B2 or C3+0.5 (default ${DEFAULT-VALUE})."})
    String sources;

    @Option(names = "--sources-shift-at", paramLabel = "DATE",
            description = "Report with --sources-after from this day on (the activity unchanged).")
    LocalDate sourcesShiftAt;

    @Option(names = "--sources-after", paramLabel = "MIX", description = "The source mix after --sources-shift-at.")
    String sourcesAfter;

    @Option(names = "--poisson", description = "Poisson counts instead of the dyad's overdispersed (negative-binomial) counts.")
    boolean poisson;

    @Option(names = "--seed", required = true, description = "Random seed.")
    long seed;

    @Option(names = "--publish", description = "Publish to the events topic instead of printing.")
    boolean publish;

    @Option(names = "--undeclared", description = "Declare no coverage: no span line in the output (with --publish, "
            + "no dyadwatch-covers header), so the monitor assumes the channel's coverage from the first event. By default "
            + "the output starts with its simulated span, {\"covers\":\"FROM..TO\"} (--from to the day "
            + "before --to), and --publish declares it on every record.")
    boolean undeclared;

    @Override
    public Integer call() throws PublishException {
        if ((shiftAt == null) != (shiftTo == null)) {
            throw new IllegalArgumentException("--shift-at and --shift-to go together");
        }
        if (shiftFamily != null && shiftAt == null) {
            throw new IllegalArgumentException("--shift-family needs --shift-at and --shift-to");
        }
        if ((sourcesShiftAt == null) != (sourcesAfter == null)) {
            throw new IllegalArgumentException("--sources-shift-at and --sources-after go together");
        }
        Settings resolved = settings.resolve(Map.of());
        ScenarioModel model = new ScenarioModel(Catalogs.load(resolved.common()));
        List<Event> events = new Simulator(model).simulate(new SimulationRequest(Dyad.parse(dyad), scenario, from, to,
                shiftAt, shiftTo, shiftFamily, SourceMix.parse(sources), sourcesShiftAt,
                sourcesAfter == null ? null : SourceMix.parse(sourcesAfter), !poisson, seed));
        Coverage span = undeclared ? null : new Coverage(from, to.minusDays(1));
        if (!publish) {
            CheckedEventSink sink = CheckedEventSink.writing(resolved.common().contract(), spec.commandLine().getOut(),
                    span);
            events.forEach(sink);
            sink.finish();
            return sink.refused().isEmpty() ? 0 : 1;
        }
        TopicAdmin.ensureTopics(resolved.common(), resolved.kafkaOverrides());
        try (EventPublisher publisher = new EventPublisher(resolved.common().bootstrapServers(),
                resolved.common().topics().events(), resolved.common().dyads(), resolved.kafkaOverrides())) {
            CheckedEventSink sink = CheckedEventSink.publishing(resolved.common().contract(), publisher, span);
            events.forEach(sink);
            long published = sink.finish();
            spec.commandLine().getOut().printf("%d events published to %s; %s%n", published,
                    resolved.common().topics().events().name(),
                    span == null ? "no declared coverage (assumed from first receipt)" : "covers " + span);
            sink.refused().forEach(line -> spec.commandLine().getErr().println("refused: " + line));
            return sink.refused().isEmpty() ? 0 : 1;
        }
    }
}
