package io.dyadwatch.app.cli;

import io.dyadwatch.app.broker.EmbeddedBroker;
import io.dyadwatch.app.wiring.AlertConsole;
import io.dyadwatch.app.wiring.ProcessingProgress;
import io.dyadwatch.app.wiring.Services;
import io.dyadwatch.app.wiring.Services.Part;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.app.wiring.TopicAdmin;
import io.dyadwatch.producer.EventPublisher;
import io.dyadwatch.producer.JsonLinesPublisher;
import io.dyadwatch.producer.PublishException;
import io.dyadwatch.producer.PublishReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dyadwatch demo}: the whole pipeline on an embedded broker, fed with bundled real events. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        header = "Replay the bundled records through the whole pipeline on an embedded broker.",
        description = {"Start an embedded Kafka broker, create the topics, start the topology, the alert rules and the",
                "HTTP API, replay the bundled records of real events (Russia-China, Russia-North Korea, Iran-Russia)",
                "merged in event time, and print alerts as they fire and where every watched dyad stands at the end.",
                "Runs until Ctrl-C; --exit-when-done ends it after the replay with a summary."})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SinkOptions sinks;

    @Option(names = "--exit-when-done", description = "Exit with a summary once every event has been processed.")
    boolean exitWhenDone;

    @Option(names = "--events", paramLabel = "FILE", description = "Replay these JSON-lines files instead of the bundled events.")
    List<Path> events = List.of();

    @Option(names = "--dyads", paramLabel = "DYAD[,DYAD...]",
            description = "Dyads to watch (default: every dyad with a bundled record, CHN-RUS, IRN-RUS and PRK-RUS; "
                    + "other dyads would see only the records' multilateral events and read as silent).")
    String dyads;

    @Option(names = "--http-port", paramLabel = "N", defaultValue = "0",
            description = "HTTP port (default: a free port, printed at start).")
    int httpPort;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "With --exit-when-done, give up (exit 1) if processing has not finished after this long.")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.println("DyadWatch demo: starting an embedded Kafka broker...");
        out.flush();
        Path state = Files.createTempDirectory("dyadwatch-demo-state-");
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, null)) {
            Map<String, String> flags = new LinkedHashMap<>(sinks.flags());
            flags.put("streams.clock", "event");
            flags.put("dyads", dyads != null ? dyads : DemoRecords.watchedByDefault());
            flags.put("bootstrap.servers", broker.bootstrapServers());
            flags.put("http.port", String.valueOf(httpPort));
            flags.put("streams.state.dir", state.resolve("streams").toString());
            flags.put("alerts.state.dir", state.resolve("alerts").toString());
            Settings settings = Settings.resolve(null, Map.of(), flags);
            try (Services services = Services.start(settings, List.of(Part.STREAMS, Part.ALERTS, Part.INGESTION));
                    AlertConsole console = new AlertConsole(settings.common(), settings.kafkaOverrides(), out).start()) {
                out.println("  broker:  bootstrap.servers=" + broker.bootstrapServers());
                out.println("  watch floor: " + services.http().baseUrl() + "/");
                out.println("  api:     " + services.http().baseUrl() + "/openapi.json");
                out.println("  metrics: " + services.http().baseUrl() + "/metrics");
                out.println("  health:  " + services.http().baseUrl() + "/health");
                out.println("  ingest:  POST " + services.http().baseUrl() + "/v1/events");
                out.println("Replaying events; alerts appear below as they fire.");
                out.flush();
                PublishTotals totals = publish(settings);
                boolean done = awaitProcessed(settings, Duration.ofSeconds(timeoutSeconds));
                printSummary(out, totals, console, settings, done);
                printAssessments(out, services.localAssessments());
                if (exitWhenDone) {
                    return done && totals.refused == 0 ? 0 : 1;
                }
                out.println("Still running: post more events to the ingest URL; Ctrl-C to stop.");
                out.flush();
                CountDownLatch forever = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown));
                forever.await();
                return 0;
            }
        } finally {
            deleteQuietly(state);
        }
    }

    private record PublishTotals(long published, long refused) {
    }

    private PublishTotals publish(Settings settings) throws IOException, PublishException {
        long published = 0;
        long refused = 0;
        try (EventPublisher publisher = new EventPublisher(settings.common().bootstrapServers(),
                settings.common().topics().events(), settings.common().dyads(), settings.kafkaOverrides())) {
            JsonLinesPublisher lines = new JsonLinesPublisher(settings.common().contract(), publisher);
            if (events.isEmpty()) {
                PublishReport report = DemoRecords.publish(settings.common().contract(), publisher);
                published += report.published();
                refused += report.refused().size();
                report.refused().forEach(r -> spec.commandLine().getErr().println(JsonLinesPublisher.describe(r)));
            }
            for (Path file : events) {
                try (InputStream in = Files.newInputStream(file)) {
                    PublishReport report = lines.publish(file.toString(), in);
                    published += report.published();
                    refused += report.refused().size();
                    report.refused().forEach(r -> spec.commandLine().getErr().println(JsonLinesPublisher.describe(r)));
                }
            }
        }
        return new PublishTotals(published, refused);
    }

    private static boolean awaitProcessed(Settings settings, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        String topicPrefix = settings.common().topics().prefix();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (ProcessingProgress progress = new ProcessingProgress(
                TopicAdmin.adminProperties(settings.common(), settings.kafkaOverrides()))) {
            int quiet = 0;
            while (System.nanoTime() < deadline) {
                long lag = progress.lag(settings.streams().applicationId(), List.of(topicPrefix + "events"));
                quiet = lag == 0 ? quiet + 1 : 0;
                if (quiet >= 3) {
                    Thread.sleep(500); // let the console print what the last commit made visible
                    return true;
                }
                Thread.sleep(300);
            }
            return false;
        }
    }

    private static void printSummary(PrintWriter out, PublishTotals totals, AlertConsole console, Settings settings,
            boolean done) {
        out.println();
        out.println("Summary");
        out.printf("  events published:    %d (refused by the contract: %d)%n", totals.published, totals.refused);
        out.printf("  alerts fired:        %d, resolved: %d%n", console.firingCount(), console.resolvedCount());
        out.printf("  watched dyads:       %s%n", settings.common().dyads());
        out.printf("  processing finished: %s%n", done ? "yes" : "no (timed out)");
        out.flush();
    }

    private static void printAssessments(PrintWriter out, List<io.dyadwatch.model.assessment.Assessment> assessments) {
        out.println();
        out.println("Where each dyad stands (current period; trailing probabilities over the horizon)");
        out.printf("  %-12s %-8s %-30s %-30s %s%n", "dyad", "period", "P now  SQ / W / S", "P trailing  SQ / W / S",
                "change W / S (thresholds)");
        for (var a : assessments) {
            out.printf(java.util.Locale.ROOT, "  %-12s %-8s %-30s %-30s %.2f / %.2f (%.2f / %.2f)%n", a.dyad(), a.period(),
                    triple(a.probabilities()), triple(a.trailingProbabilities()),
                    a.changeStatistics().getOrDefault(io.dyadwatch.model.assessment.Scenario.WEAKENING, 0.0),
                    a.changeStatistics().getOrDefault(io.dyadwatch.model.assessment.Scenario.STRENGTHENING, 0.0),
                    a.thresholds().getOrDefault(io.dyadwatch.model.assessment.Scenario.WEAKENING, 0.0),
                    a.thresholds().getOrDefault(io.dyadwatch.model.assessment.Scenario.STRENGTHENING, 0.0));
            a.explanations().stream().limit(3).forEach(line -> out.println("      " + AlertConsole.printable(line)));
        }
        out.flush();
    }

    private static String triple(Map<io.dyadwatch.model.assessment.Scenario, Double> p) {
        return String.format(java.util.Locale.ROOT, "%.2f / %.2f / %.2f",
                p.getOrDefault(io.dyadwatch.model.assessment.Scenario.STATUS_QUO, 0.0),
                p.getOrDefault(io.dyadwatch.model.assessment.Scenario.WEAKENING, 0.0),
                p.getOrDefault(io.dyadwatch.model.assessment.Scenario.STRENGTHENING, 0.0));
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temporary state left behind is harmless
        }
    }
}
