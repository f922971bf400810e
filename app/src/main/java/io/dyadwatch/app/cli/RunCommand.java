package io.dyadwatch.app.cli;

import io.dyadwatch.app.feed.FeedLoop;
import io.dyadwatch.app.wiring.Services.Part;
import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.producer.feed.GdeltMirror;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dyadwatch run}: topology, alert rules and HTTP API in one process. */
@Command(name = "run", mixinStandardHelpOptions = true,
        header = "Run the topology, the alert rules and sinks, and the HTTP API in one process.",
        description = {"Run the streams topology, the alert rules and the HTTP API (POST /v1/events, /metrics, /health)",
                "in one process against a Kafka cluster, printing alerts as they fire. Stops cleanly on SIGTERM/Ctrl-C."})
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SettingsOptions settings;

    @Mixin
    SinkOptions sinks;

    @Mixin
    HttpPortOption http;

    @Option(names = "--feed", paramLabel = "FEED", description = "Also run a feed in this process: gdelt (see 'feed gdelt --help'; its metrics on this /metrics).")
    String feedName;

    @Mixin
    GdeltFeedOptions feed;

    @Override
    public Integer call() throws InterruptedException {
        if (feedName != null && !feedName.equals("gdelt")) {
            throw new IllegalArgumentException("--feed: the only feed is gdelt, got '" + feedName + "'");
        }
        Settings resolved = settings.resolve(ServiceRunner.merge(sinks.flags(), http.flags()));
        PrintWriter out = spec.commandLine().getOut();
        return ServiceRunner.run("run", resolved, List.of(Part.STREAMS, Part.ALERTS, Part.INGESTION), true, out,
                spec.commandLine().getErr(), services -> feedName == null ? () -> { }
                        : FeedLoop.start(resolved, new GdeltMirror(feed.baseUrl, feed.timeout, Clock.systemUTC()),
                                feed.pollInterval, feed.firstSlot(), feed.mentionReports(), services.registry(),
                                Clock.systemUTC(), out,
                                slot -> { }));
    }
}
