package io.dyadwatch.app.cli;

import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.app.wiring.TopicAdmin;
import io.dyadwatch.producer.EventPublisher;
import io.dyadwatch.producer.JsonLinesPublisher;
import io.dyadwatch.producer.PublishException;
import io.dyadwatch.producer.PublishReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dyadwatch publish FILE...}: validate and publish JSON-lines event files. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Check each line of JSON-lines event files against the event contract and publish the valid ones",
                "(idempotent producer, acks=all, keyed by dyad). Refused lines are reported with their line number and reason.",
                "Exit code 0 only if every line was published."})
public final class PublishCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SettingsOptions settings;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "JSON-lines files; '-' reads standard input.")
    List<String> files;

    @Override
    public Integer call() throws IOException, PublishException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Settings resolved = settings.resolve(Map.of());
        TopicAdmin.ensureTopics(resolved.common(), resolved.kafkaOverrides());
        long published = 0;
        long refused = 0;
        try (EventPublisher publisher = new EventPublisher(resolved.common().bootstrapServers(),
                resolved.common().topics().events(), resolved.kafkaOverrides())) {
            JsonLinesPublisher lines = new JsonLinesPublisher(resolved.common().contract(), publisher);
            for (String file : files) {
                PublishReport report;
                try (BufferedReader reader = open(file)) {
                    report = lines.publish(file, reader);
                }
                report.refused().forEach(line -> err.println(JsonLinesPublisher.describe(line)));
                out.printf("%s: %d published, %d refused%n", file, report.published(), report.refused().size());
                published += report.published();
                refused += report.refused().size();
            }
        }
        out.printf("total: %d published, %d refused%n", published, refused);
        return refused == 0 ? 0 : 1;
    }

    private static BufferedReader open(String file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        if ("-".equals(file)) {
            return new BufferedReader(new InputStreamReader(System.in, decoder));
        }
        return new BufferedReader(new InputStreamReader(Files.newInputStream(Path.of(file)), decoder));
    }
}
