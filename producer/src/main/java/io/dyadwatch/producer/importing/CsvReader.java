package io.dyadwatch.producer.importing;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Reads comma-separated records one at a time (RFC 4180): a field in double quotes may hold commas, line
 * breaks and doubled quotes ({@code ""}); a quote inside an unquoted field is kept as it is. Blank lines are
 * not records. A quoted field left open for more than {@link #MAX_RECORD_LINES} lines, or at the end of the
 * file, makes the record's first line unreadable; reading resumes at the line after it, so a stray quote
 * cannot swallow the rest of the file.
 *
 * <p>Not thread-safe.
 */
public final class CsvReader {

    /** Most physical lines one record may span. */
    public static final int MAX_RECORD_LINES = 20;

    private final LineReader lines;
    private final Deque<Line> pushedBack = new ArrayDeque<>();

    /** Reads records from the given lines. */
    public CsvReader(LineReader lines) {
        this.lines = Objects.requireNonNull(lines, "lines");
    }

    /** The next record, or null at the end of the input. */
    public CsvRecord next() throws IOException {
        Line first = read();
        while (first != null && !first.overlong() && first.text().isBlank()) {
            first = read();
        }
        if (first == null) {
            return null;
        }
        if (first.overlong()) {
            return CsvRecord.unreadable(first.number(), "line longer than " + LineReader.MAX_LINE_BYTES + " bytes");
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String text = first.text();
        List<Line> continuation = new ArrayList<>();
        int i = 0;
        boolean quoted = false;
        boolean atFieldStart = true;
        while (true) {
            if (i == text.length()) {
                if (!quoted) {
                    fields.add(field.toString());
                    return new CsvRecord(first.number(), fields, null);
                }
                Line more = read();
                if (more != null) {
                    continuation.add(more);
                }
                if (more == null || more.overlong() || continuation.size() >= MAX_RECORD_LINES) {
                    for (int k = continuation.size() - 1; k >= 0; k--) {
                        pushedBack.addFirst(continuation.get(k));
                    }
                    return CsvRecord.unreadable(first.number(), "a quoted field is not closed"
                            + (more == null ? " before the end of the file" : " within " + MAX_RECORD_LINES
                            + " lines"));
                }
                field.append('\n');
                text = more.text();
                i = 0;
                continue;
            }
            char c = text.charAt(i++);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i < text.length() && text.charAt(i) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                atFieldStart = true;
                continue;
            } else if (c == '"' && atFieldStart) {
                quoted = true;
            } else {
                field.append(c);
            }
            atFieldStart = false;
        }
    }

    private Line read() throws IOException {
        return pushedBack.isEmpty() ? lines.next() : pushedBack.pollFirst();
    }
}
