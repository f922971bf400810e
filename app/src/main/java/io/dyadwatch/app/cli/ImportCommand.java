package io.dyadwatch.app.cli;

import io.dyadwatch.app.wiring.Settings;
import io.dyadwatch.app.wiring.TopicAdmin;
import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.producer.CheckedEventSink;
import io.dyadwatch.producer.EventPublisher;
import io.dyadwatch.producer.PublishException;
import io.dyadwatch.producer.gdelt.GdeltImporter;
import io.dyadwatch.producer.importing.ImportReport;
import io.dyadwatch.producer.importing.PublishedHashes;
import io.dyadwatch.producer.importing.RevisionLedger;
import io.dyadwatch.producer.importing.TextImporter;
import io.dyadwatch.producer.sipri.SipriImporter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dyadwatch import gdelt|sipri FILE...}: open data to events. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import open data (GDELT event exports, the SIPRI trade register) as events for the watched dyads.",
        subcommands = {ImportCommand.Gdelt.class, ImportCommand.Sipri.class})
public final class ImportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What both importers share: files in, events published or written, a report out. */
    abstract static class ImportRun implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        SettingsOptions settings;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to import (plain or zipped).")
        List<Path> files;

        @Option(names = "--output", paramLabel = "FILE",
                description = "Write the events as JSON lines to FILE ('-' for standard output) instead of publishing them.")
        String output;

        @Option(names = "--quiet", description = "No progress line on the terminal.")
        boolean quiet;

        abstract TextImporter importer(Set<Dyad> watched);

        private static Consumer<Event> counted(Consumer<Event> sink, TerminalProgress progress) {
            return event -> {
                sink.accept(event);
                progress.step();
            };
        }

        @Override
        public Integer call() throws IOException, PublishException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Settings resolved = settings.resolve(Map.of());
            for (Path file : files) {
                if (!Files.isReadable(file)) {
                    throw new NoSuchFileException(file + " (not found or not readable)");
                }
            }
            TextImporter importer = importer(new LinkedHashSet<>(resolved.common().dyads()));
            List<ImportReport> reports = new ArrayList<>();
            CheckedEventSink sink;
            long delivered;
            RevisionLedger ledger = null;
            if (output != null) {
                PrintWriter lines = "-".equals(output) ? out : new PrintWriter(new OutputStreamWriter(
                        Files.newOutputStream(Path.of(output)), StandardCharsets.UTF_8));
                sink = CheckedEventSink.writing(resolved.common().contract(), lines);
                try (TerminalProgress progress = new TerminalProgress(err, "events", null, quiet || "-".equals(output))) {
                    for (Path file : files) {
                        reports.add(importer.importFile(file, counted(sink, progress)));
                    }
                }
                delivered = sink.finish();
                if (lines != out) {
                    lines.close();
                }
            } else {
                TopicAdmin.ensureTopics(resolved.common(), resolved.kafkaOverrides());
                ledger = new RevisionLedger(PublishedHashes.read(resolved.common().bootstrapServers(),
                        resolved.kafkaOverrides(), resolved.common().topics().eventHashes()));
                Map<String, String> toRecord = new LinkedHashMap<>();
                try (EventPublisher publisher = new EventPublisher(resolved.common().bootstrapServers(),
                        resolved.common().topics().events(), resolved.common().dyads(), resolved.kafkaOverrides())) {
                    CheckedEventSink checked = CheckedEventSink.publishing(resolved.common().contract(), publisher);
                    sink = checked;
                    RevisionLedger revisions = ledger;
                    Consumer<Event> revising = event -> {
                        RevisionLedger.Verdict verdict = revisions.classify(event);
                        if (verdict.status() != RevisionLedger.Status.UNCHANGED
                                && checked.accept(event, verdict.headers(event.id()))) {
                            toRecord.put(event.id(), verdict.hash());
                        }
                    };
                    try (TerminalProgress progress = new TerminalProgress(err, "events", null, quiet)) {
                        for (Path file : files) {
                            reports.add(importer.importFile(file, counted(revising, progress)));
                        }
                    }
                    delivered = sink.finish();
                }
                // only once every event is acknowledged: a hash recorded for an event the broker never took would
                // make the next import skip it as unchanged
                try (PublishedHashes hashes = PublishedHashes.writer(resolved.common().bootstrapServers(),
                        resolved.kafkaOverrides(), resolved.common().topics().eventHashes())) {
                    toRecord.forEach(hashes::record);
                    hashes.flush();
                }
            }
            PrintWriter report = "-".equals(output) ? err : out;
            reports.forEach(r -> report.print(r.render()));
            if (reports.size() > 1) {
                report.print(ImportReport.total(reports).render());
            }
            if (ledger != null) {
                report.print(ledger.summary());
            }
            sink.refused().forEach(line -> err.println("refused by the event contract: " + line));
            report.printf("%d events %s%n", delivered, output == null ? "published" : "written to " + output);
            report.flush();
            return sink.refused().isEmpty() ? 0 : 1;
        }
    }

    /** GDELT 1.0 and 2.0 event exports. */
    @Command(name = "gdelt", mixinStandardHelpOptions = true,
            description = {"Import GDELT event exports (2.0: 61 columns; 1.0: 58 or 57 columns; plain or zipped).",
                    "Keeps rows whose actors form a watched dyad and whose CAMEO code has a military meaning (docs/importers.md).",
                    "Event ids are gdelt:<GLOBALEVENTID>: re-importing a file adds nothing new."})
    static final class Gdelt extends ImportRun {
        @Override
        TextImporter importer(Set<Dyad> watched) {
            return new GdeltImporter(watched);
        }
    }

    /** The SIPRI arms-transfer register. */
    @Command(name = "sipri", mixinStandardHelpOptions = true,
            description = {"Import the SIPRI trade register CSV as ARMS_TRANSFER events between watched pairs,",
                    "one per delivery year, with stable ids: re-importing a file adds nothing new."})
    static final class Sipri extends ImportRun {
        @Override
        TextImporter importer(Set<Dyad> watched) {
            return new SipriImporter(watched);
        }
    }
}
