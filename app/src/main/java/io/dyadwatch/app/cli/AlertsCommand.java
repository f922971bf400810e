package io.dyadwatch.app.cli;

import io.dyadwatch.app.wiring.Services.Part;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dyadwatch alerts}: the sink runner alone (alert delivery; the rules run in the topology). */
@Command(name = "alerts", mixinStandardHelpOptions = true, subcommands = AlertsTailCommand.class,
        description = "Run only the sink runner: read dyadwatch.alerts and deliver to Alertmanager and webhooks, printing alerts as they arrive, with /metrics and /health.")
public final class AlertsCommand implements Callable<Integer> {

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
        return ServiceRunner.run("alerts", settings.resolve(ServiceRunner.merge(sinks.flags(), http.flags())),
                List.of(Part.ALERTS), true, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
