package io.dyadwatch.app.cli;

import io.dyadwatch.app.feed.FeedLoop;
import io.dyadwatch.app.http.HttpApi;
import io.dyadwatch.app.wiring.MeterRegistries;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.app.wiring.TopicAdmin;
import io.dyadwatch.model.event.Channels;
import io.dyadwatch.model.event.Coverage;
import io.dyadwatch.producer.feed.BackfillSummary;
import io.dyadwatch.producer.feed.GdeltFeed;
import io.dyadwatch.producer.feed.GdeltMirror;
import io.dyadwatch.producer.feed.RecordFileSlotOutput;
import io.dyadwatch.producer.feed.RetryPolicy;
import io.dyadwatch.producer.feed.Slot;
import io.dyadwatch.producer.feed.SlotFailure;
import io.dyadwatch.producer.feed.TransactionalSlotOutput;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dyadwatch feed gdelt}: open data that flows in by itself. */
@Command(name = "feed", mixinStandardHelpOptions = true,
        description = "Long-running producers of open data: the GDELT 2.0 15-minute feed.",
        subcommands = {FeedCommand.Gdelt.class})
public final class FeedCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The GDELT 2.0 feed: live, or a backfill with {@code --to}. */
    @Command(name = "gdelt", mixinStandardHelpOptions = true,
            description = {"Follow GDELT 2.0: every 15-minute export is checked (size, MD5), mapped like 'import gdelt' and",
                    "published with each watched dyad's volume, in one Kafka transaction with the feed's checkpoint,",
                    "so a restart resumes at the next slot. A slot missing, corrupt, failing its checksum or short is",
                    "a gap: logged, counted, published on the gaps topic and retried; it never stops the feed.",
                    "With --from and --to: a backfill from masterfilelist.txt, then a summary (docs/importers.md)."})
    static final class Gdelt implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        SettingsOptions settings;

        @Mixin
        GdeltFeedOptions feed;

        @Mixin
        HttpPortOption http;

        @Option(names = "--to", paramLabel = "DATE", description = "Last day of a backfill (UTC, inclusive); needs --from.")
        LocalDate to;

        @Option(names = "--output", paramLabel = "FILE", description = "Write the backfill as the channel's reference "
                + "record (events as JSON lines after a span line; FILE.volume.jsonl and FILE.gaps.jsonl beside it) "
                + "instead of publishing it.")
        Path output;

        @Option(names = "--attempts", paramLabel = "N", defaultValue = "4",
                description = "Backfill: tries per slot for a passing failure (429/503, timeout, unreachable), waiting 5 s, 10 s, 20 s ... and at least the server's Retry-After (default ${DEFAULT-VALUE}).")
        int attempts;

        @Option(names = "--quiet", description = "No progress line on the terminal.")
        boolean quiet;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (to == null) {
                if (output != null) {
                    throw new IllegalArgumentException("--output writes a backfill: give --from and --to");
                }
                return live(out);
            }
            if (feed.from == null) {
                throw new IllegalArgumentException("a backfill needs --from as well as --to");
            }
            if (to.isBefore(feed.from)) {
                throw new IllegalArgumentException("--to " + to + " is before --from " + feed.from);
            }
            if (attempts < 1 || attempts > 20) {
                throw new IllegalArgumentException("--attempts must be 1-20, got " + attempts);
            }
            return backfill(out);
        }

        private int live(PrintWriter out) throws IOException, InterruptedException {
            Settings resolved = settings.resolve(http.flags());
            TopicAdmin.ensureTopics(resolved.common(), resolved.kafkaOverrides());
            Clock clock = Clock.systemUTC();
            PrometheusMeterRegistry registry = MeterRegistries.prometheus();
            try (HttpApi api = new HttpApi(resolved.app().httpHost(), resolved.app().httpPort(), registry,
                    () -> new HttpApi.HealthReport(true, java.util.List.of()))) {
                FeedLoop loop = FeedLoop.start(resolved, new GdeltMirror(feed.baseUrl, feed.timeout, clock),
                        feed.pollInterval, feed.firstSlot(), feed.mentionReports(), registry, clock, out, slot -> { });
                Thread hook = new Thread(loop::close, "dyadwatch-feed-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                out.println("dyadwatch feed gdelt running against " + resolved.common().bootstrapServers());
                out.println("  mirror:  " + feed.baseUrl + " (every " + feed.pollInterval.toSeconds() + " s)");
                out.println("  metrics: " + api.baseUrl() + "/metrics");
                out.flush();
                try {
                    loop.failure().get();
                    return 0;
                } catch (ExecutionException e) {
                    spec.commandLine().getErr().println("dyadwatch feed gdelt: stopped: " + e.getCause().getMessage());
                    return 1;
                }
            }
        }

        private int backfill(PrintWriter out) throws IOException, InterruptedException, SlotFailure {
            Settings resolved = settings.resolve(Map.of());
            Clock clock = Clock.systemUTC();
            Slot first = feed.firstSlot();
            Slot last = new Slot(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minus(Slot.LENGTH));
            long total = Duration.between(first.start(), last.end()).dividedBy(Slot.LENGTH);
            GdeltMirror mirror = new GdeltMirror(feed.baseUrl, feed.timeout, clock);
            PrometheusMeterRegistry registry = MeterRegistries.prometheus();
            BackfillSummary summary;
            long[] done = new long[1];
            try (TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr(), "slots",
                    () -> done[0] * 1000 / total, quiet)) {
                if (output != null) {
                    try (RecordFileSlotOutput file = new RecordFileSlotOutput(output, new Coverage(feed.from, to))) {
                        summary = run(resolved, mirror, file, registry, clock, first, last, done, progress);
                    }
                } else {
                    TopicAdmin.ensureTopics(resolved.common(), resolved.kafkaOverrides());
                    try (TransactionalSlotOutput kafka = new TransactionalSlotOutput(resolved.common().bootstrapServers(),
                            resolved.kafkaOverrides(), resolved.common().topics(), resolved.common().dyads(),
                            Channels.GDELT, FeedLoop.transactionalId(resolved) + "-backfill", slot -> { })) {
                        summary = run(resolved, mirror, kafka, registry, clock, first, last, done, progress);
                    }
                }
            }
            out.print(summary.render());
            out.println(output == null ? "published to " + resolved.common().topics().events().name()
                    + " (volume: " + resolved.common().topics().coverage().name() + ", gaps: "
                    + resolved.common().topics().coverageGaps().name() + ")"
                    : "written to " + output + " (volume: " + RecordFileSlotOutput.sibling(output, ".volume.jsonl")
                    + ", gaps: " + RecordFileSlotOutput.sibling(output, ".gaps.jsonl") + ")");
            out.flush();
            return 0;
        }

        private BackfillSummary run(Settings resolved, GdeltMirror mirror, io.dyadwatch.producer.feed.SlotOutput sink,
                PrometheusMeterRegistry registry, Clock clock, Slot first, Slot last, long[] done,
                TerminalProgress progress) throws IOException, InterruptedException, SlotFailure {
            GdeltFeed gdelt = new GdeltFeed(mirror, new LinkedHashSet<>(resolved.common().dyads()), sink, registry, clock,
                    RetryPolicy.BACKFILL);
            if (feed.mentions) {
                gdelt.withMentions(feed.mentionReports());
            }
            return gdelt.backfill(first, last, attempts, duration -> Thread.sleep(duration.toMillis()), n -> {
                done[0] = n;
                progress.step();
            });
        }
    }
}
