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
 *
 * @param name   how reports name it (a path, or "bundled record")
 * @param opener opens it for reading; the backtest closes what it opened
 */
public record EventInput(String name, Opener opener, Coverage coverage) {

    /** The record shipped in the jar, replayed when no file is given. */
    public static final String BUNDLED_RECORD = "/history/russia-china-2012-2025.jsonl";
    /** What the bundled record covers: 2012 through 2025 (docs/dataset.md), all kinds of events. */
    public static final Coverage BUNDLED_RECORD_COVERAGE = Coverage.parse("2012-01-01..2025-12-31");

    /** An input that declares no coverage: each of its events covers its own day. */
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
        return new EventInput(path.toString(), () -> {
            if (!Files.isRegularFile(path)) {
                throw new NoSuchFileException(path.toString(), null, "no such file");
            }
            return Files.newInputStream(path);
        });
    }

    /** The bundled Russia-China record (data/history in the source tree). */
    public static EventInput bundledRecord() {
        return new EventInput("bundled record " + BUNDLED_RECORD.substring(1), () -> {
            InputStream in = EventInput.class.getResourceAsStream(BUNDLED_RECORD);
            if (in == null) {
                throw new IOException("the bundled record " + BUNDLED_RECORD + " is missing from the jar");
            }
            return in;
        }, BUNDLED_RECORD_COVERAGE);
    }

    /** Lines given as text (tests, HTTP). */
    public static EventInput text(String name, String lines) {
        return new EventInput(name, () -> new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));
    }
}
