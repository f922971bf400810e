package io.dyadwatch.app.cli;

import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.app.wiring.TopicAdmin;
import io.dyadwatch.producer.EventPublisher;
import io.dyadwatch.producer.FileDeclaration;
import io.dyadwatch.producer.JsonLinesPublisher;
import io.dyadwatch.producer.PublishException;
import io.dyadwatch.producer.PublishReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
        header = "Check JSON-lines event files against the contract and publish the valid ones.",
        description = {"Check each line of JSON-lines event files against the event contract and publish the valid ones",
                "(idempotent producer, acks=all, keyed by dyad). Refused lines are reported with their line number and reason",
                "(a line that is not valid UTF-8 is refused as INVALID_UTF8, as the topology would dead-letter it).",
                "A file's first line may state its span and channel, {\"covers\":\"FROM..TO\",\"channel\":\"curated\"}:",
                "then its events cover those days (unless --covers says otherwise); a malformed span line is exit 2.",
                "Events that name no channel are 'curated'.",
                "Exit code 0 only if every line was published."})
public final class PublishCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SettingsOptions settings;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "JSON-lines files; '-' reads standard input.")
    List<String> files;

    @picocli.CommandLine.Option(names = "--covers", paramLabel = "FROM..TO", description = "The days these files cover, "
            + "both included (ISO dates, like 2024-07-01..2024-08-31): the time their collector watched, so that absence of "
            + "reports in it is evidence. Applies to the channel of each file's events and wins over a file's own span "
            + "line. Without it a file that starts with a span line {\"covers\":\"FROM..TO\"} declares that span; "
            + "one without declares nothing, and the monitor assumes the channel's coverage from first receipt.")
    String covers;

    @picocli.CommandLine.Option(names = "--quiet", description = "No progress line on the terminal.")
    boolean quiet;

    @Override
    public Integer call() throws IOException, PublishException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Settings resolved = settings.resolve(Map.of());
        io.dyadwatch.model.event.Coverage coverage;
        try {
            coverage = covers == null ? null : io.dyadwatch.model.event.Coverage.parse(covers);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--covers: " + e.getMessage());
        }
        checkReadable(files);
        checkSpanLines(files, coverage, resolved.common().contract());
        TopicAdmin.ensureTopics(resolved.common(), resolved.kafkaOverrides());
        long published = 0;
        long refused = 0;
        try (EventPublisher publisher = new EventPublisher(resolved.common().bootstrapServers(),
                resolved.common().topics().events(), resolved.common().dyads(), resolved.kafkaOverrides())) {
            JsonLinesPublisher lines = new JsonLinesPublisher(resolved.common().contract(), publisher, coverage);
            for (String file : files) {
                PublishReport report;
                long size = "-".equals(file) || !Files.isRegularFile(Path.of(file)) ? 0 : Files.size(Path.of(file));
                try (InputStream raw = open(file);
                        LineCountingInput in = new LineCountingInput(raw);
                        TerminalProgress progress = new TerminalProgress(err, "lines", size == 0 ? null
                                : () -> in.bytes() * 1000 / size, quiet)) {
                    in.onLines(progress::advance);
                    report = lines.publish(file, in);
                }
                report.refused().forEach(line -> err.println(JsonLinesPublisher.describe(line)));
                out.printf("%s: %d published, %d refused; %s%n", file, report.published(), report.refused().size(),
                        report.declared().describe());
                published += report.published();
                refused += report.refused().size();
            }
        }
        out.printf("total: %d published, %d refused%n", published, refused);
        return refused == 0 ? 0 : 1;
    }

    /** Counts the bytes and lines read through it, for the progress line. */
    private static final class LineCountingInput extends java.io.FilterInputStream {
        private long bytes;
        private java.util.function.LongConsumer lines = n -> { };

        LineCountingInput(InputStream in) {
            super(in);
        }

        void onLines(java.util.function.LongConsumer listener) {
            this.lines = listener;
        }

        long bytes() {
            return bytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bytes++;
                if (b == '\n') {
                    lines.accept(1);
                }
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                bytes += n;
                long newlines = 0;
                for (int i = offset; i < offset + n; i++) {
                    if (buffer[i] == '\n') {
                        newlines++;
                    }
                }
                if (newlines > 0) {
                    lines.accept(newlines);
                }
            }
            return n;
        }
    }

    /**
     * Every file exists, is a regular file and can be read, before anything is published or Kafka contacted: a
     * typo is exit 2 at once, not after some files went out.
     *
     * @throws IllegalArgumentException naming each file that cannot be read, and why
     */
    static void checkReadable(List<String> files) {
        List<String> problems = new java.util.ArrayList<>();
        for (String file : files) {
            if ("-".equals(file)) {
                continue;
            }
            Path path = Path.of(file);
            if (!Files.exists(path)) {
                problems.add("no such file: " + file);
            } else if (Files.isDirectory(path)) {
                problems.add(file + " is a directory, not a JSON-lines file");
            } else if (!Files.isReadable(path)) {
                problems.add("cannot read " + file + ": permission denied");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /**
     * Every file's span line, if it has one, is well formed, before Kafka is contacted: a malformed one is exit 2 with
     * its file and line, and nothing is published. Standard input is checked as it is read (also before it publishes).
     */
    private static void checkSpanLines(List<String> files, io.dyadwatch.model.event.Coverage explicit,
            io.dyadwatch.model.event.EventContract contract) throws IOException {
        for (String file : files) {
            if (!"-".equals(file)) {
                FileDeclaration.read(Path.of(file), explicit, contract);
            }
        }
    }

    /** The file's bytes, undecoded: the contract checks each line's UTF-8 as the topology does. */
    private static InputStream open(String file) throws IOException {
        if ("-".equals(file)) {
            return System.in;
        }
        try {
            return Files.newInputStream(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("no such file: " + file, e);
        }
    }
}
