package io.dyadwatch.producer.importing;

import io.dyadwatch.model.event.Event;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * An importer of text files (plain or zipped) into events: reads each text, hands each event to a sink in file
 * order, and accounts for every row in an {@link ImportReport}. Subclasses parse one text.
 */
public abstract class TextImporter {

    private final String name;

    protected TextImporter(String name) {
        this.name = name;
    }

    /** Imports one file (plain or zip), handing each event to the sink in file order. */
    public ImportReport importFile(Path file, Consumer<Event> sink) throws IOException {
        ImportReport.Builder report = new ImportReport.Builder(name, String.valueOf(file.getFileName()));
        TextInputs.forEachText(file, (location, in) -> importText(location, in, sink, report));
        return report.build();
    }

    /** Imports one stream (plain or zip) named {@code location} in the report; does not close it. */
    public ImportReport importStream(String location, InputStream in, Consumer<Event> sink) throws IOException {
        ImportReport.Builder report = new ImportReport.Builder(name, location);
        TextInputs.forEachText(location, in, (textName, text) -> importText(textName, text, sink, report));
        return report.build();
    }

    /** Parses one text, counting every row in the report. */
    protected abstract void importText(String location, InputStream in, Consumer<Event> sink,
            ImportReport.Builder report) throws IOException;
}
