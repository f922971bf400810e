package io.dyadwatch.catalog.baseline;

import io.dyadwatch.model.event.ContractResult;
import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventContract;
import io.dyadwatch.model.event.RecordSpan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a record of event JSON lines, checked against the event contract (a first line stating the record's span,
 * {@link RecordSpan}, is read as such and is not an event): a class-path resource
 * ({@code history/russia-china-2012-2025.jsonl}, what the jar carries), or a file ({@code file:records/mine.jsonl},
 * relative to the working directory) for a catalog of one's own.
 */
public final class RecordResource {

    private RecordResource() {
    }

    /**
     * The events of a class-path resource (a leading '/' is optional).
     *
     * @throws IllegalArgumentException when the resource is missing or a line breaks the contract (with its line number)
     */
    public static List<Event> read(String resource) {
        return parse(text(resource), resource);
    }

    /** The prefix of a record read from a file rather than the class path. */
    public static final String FILE_PREFIX = "file:";

    /**
     * The text of a class-path resource (a leading '/' is optional) or of a {@code file:} path.
     *
     * @throws IllegalArgumentException when the resource or file is missing
     */
    public static String text(String resource) {
        if (resource.startsWith(FILE_PREFIX)) {
            java.nio.file.Path file = java.nio.file.Path.of(resource.substring(FILE_PREFIX.length()));
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no file '" + file + "'");
            }
            try {
                return java.nio.file.Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        String path = resource.startsWith("/") ? resource : "/" + resource;
        try (InputStream in = RecordResource.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource '" + resource + "' on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * The span a record's first line states ({@link RecordSpan}), or empty when its first line is an event.
     *
     * @throws IllegalArgumentException when the first line is a malformed span line
     */
    public static Optional<RecordSpan> span(String text) {
        int end = text.indexOf('\n');
        return RecordSpan.parse(end < 0 ? text : text.substring(0, end));
    }

    static List<Event> parse(String text, String origin) {
        EventContract contract = EventContract.withDefaults();
        List<Event> events = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int first = 0;
        try {
            first = span(text).isPresent() ? 1 : 0;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + " line 1: " + e.getMessage(), e);
        }
        for (int n = first; n < lines.length; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            ContractResult result = contract.check(lines[n]);
            if (!(result instanceof ContractResult.Accepted accepted)) {
                throw new IllegalArgumentException(origin + " line " + (n + 1) + ": not a valid event: " + result);
            }
            events.add(accepted.event());
        }
        return List.copyOf(events);
    }
}
