package io.dyadwatch.app.cli;

import io.dyadwatch.app.wiring.Services.Part;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code dyadwatch ingest}: HTTP ingestion alone ({@code POST /v1/events} and its producer, {@code /metrics},
 * {@code /health}, {@code /openapi.json}); it joins neither the streams nor the alerts application, so in compose
 * each service does one job.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Run only HTTP ingestion: POST /v1/events checks each event against the contract and publishes",
                "the valid ones; with /metrics, /health and /openapi.json. No topology, no alert rules (query routes",
                "answer 503 here)."})
public final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SettingsOptions settings;

    @Mixin
    HttpPortOption http;

    @Override
    public Integer call() throws InterruptedException {
        return ServiceRunner.run("ingest", settings.resolve(http.flags()), List.of(Part.INGESTION), false,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
