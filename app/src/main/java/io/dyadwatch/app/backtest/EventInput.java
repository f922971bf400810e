package io.dyadwatch.app.backtest;

import io.dyadwatch.model.event.Coverage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One JSON-lines input of a backtest: a name for reports and a way to open it. Lines are read as bytes and
 * each goes to the event contract as it is, so a line that is not UTF-8 is refused as INVALID_UTF8 on its line.
 * What the input covers is what its first line states ({@link io.dyadwatch.producer.FileDeclaration}), unless it
 * is given a coverage here ({@code backtest --covers}), which wins.
 *
 * @param name     how reports name it (a path, or "bundled record")
 * @param opener   opens it for reading; the backtest closes what it opened
 * @param coverage the days declared for it on the command line, winning over its span line; or null
 */
public record EventInput(String name, Opener opener, Coverage coverage) {

    /** The record shipped in the jar, replayed when no file is given; it states its span on its first line. */
    public static final String BUNDLED_RECORD = "/history/russia-china-2012-2025.jsonl";

    /** An input with only what its own span line declares. */
    public EventInput(String name, Opener opener) {
        this(name, opener, null);
    }

    public EventInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opener, "opener");
    }

    /** Opens an input. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** A JSON-lines file. */
    public static EventInput file(Path path) {
        return file(path, null);
    }

    /** A JSON-lines file declared to cover these days (null: what its span line states). */
    public static EventInput file(Path path, Coverage covers) {
        return new EventInput(path.toString(), () -> {
            if (!Files.isRegularFile(path)) {
                throw new NoSuchFileException(path.toString(), null, "no such file");
            }
            return Files.newInputStream(path);
        }, covers);
    }

    /** The bundled Russia-China record (data/history in the source tree). */
    public static EventInput bundledRecord() {
        return bundledRecord(null);
    }

    /** The bundled record declared to cover these days (null: what its span line states). */
    public static EventInput bundledRecord(Coverage covers) {
        return new EventInput("bundled record " + BUNDLED_RECORD.substring(1), () -> {
            InputStream in = EventInput.class.getResourceAsStream(BUNDLED_RECORD);
            if (in == null) {
                throw new IOException("the bundled record " + BUNDLED_RECORD + " is missing from the jar");
            }
            return in;
        }, covers);
    }

    /** Lines given as text (tests, HTTP). */
    public static EventInput text(String name, String lines) {
        return new EventInput(name, () -> new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));
    }
}
