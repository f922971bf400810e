package io.dyadwatch.producer.gdelt;

import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.producer.importing.ImportReport;
import io.dyadwatch.producer.importing.TextImporter;
import io.dyadwatch.producer.importing.Line;
import io.dyadwatch.producer.importing.LineReader;
import io.dyadwatch.producer.importing.MalformedRowException;
import io.dyadwatch.producer.importing.TextInputs;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Imports GDELT event exports: 2.0 (61 columns) and 1.0 (58-column daily and 57-column historical rows, mixed
 * in one file), plain or zipped. Rows are streamed, never loaded whole.
 *
 * <p>A row is kept when its two actor countries (Actor1CountryCode, Actor2CountryCode) are the members of a
 * watched two-country dyad and its CAMEO event code maps to an event type under {@link CameoMapping}.
 * Groups of three or more countries never match a GDELT row, which has two actors. Every other row is
 * skipped and counted by reason; rows that cannot be read are reported with their line number.
 *
 * <p>Thread-safe: each call keeps its own state.
 */
public final class GdeltImporter extends TextImporter {

    /** The importer's name in reports. */
    public static final String NAME = "GDELT";
    /** Skip reason for rows whose actors are not a watched dyad (most rows). */
    public static final String NOT_WATCHED = "actors are not a watched dyad";

    private final Map<String, Dyad> watched = new HashMap<>();
    private final CameoMapping mapping;

    /** An importer for the watched dyads with the standard CAMEO mapping. */
    public GdeltImporter(Set<Dyad> watched) {
        this(watched, CameoMapping.standard());
    }

    /** An importer for the watched dyads with the given CAMEO mapping. */
    public GdeltImporter(Set<Dyad> watched, CameoMapping mapping) {
        super(NAME);
        Objects.requireNonNull(watched, "watched");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        watched.stream().filter(d -> d.members().size() == 2).forEach(d -> this.watched.put(d.key(), d));
    }

    /**
     * As {@link #importStream}, also handing {@code rowOfDyad} the watched dyad of every row whose two actor
     * countries form one, mapped to an event or not: the dyad's volume, the exposure of the channel's counts.
     */
    public ImportReport importStream(String location, InputStream in, Consumer<Event> sink, Consumer<Dyad> rowOfDyad)
            throws IOException {
        Objects.requireNonNull(rowOfDyad, "rowOfDyad");
        ImportReport.Builder report = new ImportReport.Builder(NAME, location);
        TextInputs.forEachText(location, in, (textName, text) -> read(textName, text, sink, report, rowOfDyad));
        return report.build();
    }

    @Override
    protected void importText(String location, InputStream in, Consumer<Event> sink, ImportReport.Builder report)
            throws IOException {
        read(location, in, sink, report, dyad -> { });
    }

    private void read(String location, InputStream in, Consumer<Event> sink, ImportReport.Builder report,
            Consumer<Dyad> rowOfDyad) throws IOException {
        LineReader lines = new LineReader(in);
        for (Line line = lines.next(); line != null; line = lines.next()) {
            if (!line.overlong() && line.text().isBlank()) {
                continue;
            }
            report.rowRead();
            if (line.overlong()) {
                report.malformed(location, line.number(),
                        "line longer than " + LineReader.MAX_LINE_BYTES + " bytes");
                continue;
            }
            GdeltRow row;
            try {
                row = GdeltRow.parse(line.text());
            } catch (MalformedRowException e) {
                report.malformed(location, line.number(), e.getMessage());
                continue;
            }
            importRow(row, sink, report, rowOfDyad);
        }
    }

    private void importRow(GdeltRow row, Consumer<Event> sink, ImportReport.Builder report, Consumer<Dyad> rowOfDyad) {
        Dyad dyad = watchedDyad(row.actor1().country(), row.actor2().country());
        if (dyad == null) {
            report.skipped(NOT_WATCHED);
            return;
        }
        rowOfDyad.accept(dyad);
        CameoMapping.Decision decision = mapping.classify(row);
        if (decision instanceof CameoMapping.Decision.Skipped skipped) {
            report.skipped(skipped.reason());
            return;
        }
        Event event = GdeltEvents.toEvent(row, ((CameoMapping.Decision.Mapped) decision).rule());
        sink.accept(event);
        report.kept(dyad, List.of(event.type()));
    }

    private Dyad watchedDyad(String a, String b) {
        if (a.isEmpty() || b.isEmpty() || a.equals(b)) {
            return null;
        }
        return watched.get(a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a);
    }
}
