package io.dyadwatch.app.cli;

import io.dyadwatch.app.wiring.Services.Part;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

    @Override
    public Integer call() throws InterruptedException {
        return ServiceRunner.run("run", settings.resolve(ServiceRunner.merge(sinks.flags(), http.flags())),
                List.of(Part.STREAMS, Part.ALERTS, Part.INGESTION), true,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
