package io.dyadwatch.app.cli;

import io.dyadwatch.app.wiring.Services.Part;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dyadwatch streams}: the topology alone. */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = "Run only the streams topology (events to indicators and assessments), with /metrics and /health.")
public final class StreamsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SettingsOptions settings;

    @Mixin
    HttpPortOption http;

    @Override
    public Integer call() throws InterruptedException {
        return ServiceRunner.run("streams", settings.resolve(http.flags()),
                List.of(Part.STREAMS), false, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
