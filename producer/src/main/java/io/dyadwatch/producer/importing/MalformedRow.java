package io.dyadwatch.producer.importing;

import java.util.Objects;

/**
 * A row an importer could not read.
 *
 * @param location the file (or {@code archive.zip!entry}) the row came from
 * @param line     1-based physical line number where the row starts
 * @param reason   why it was refused, readable by a person
 */
public record MalformedRow(String location, long line, String reason) {

    public MalformedRow {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reason, "reason");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more, got " + line);
        }
    }

    @Override
    public String toString() {
        return location + ":" + line + ": " + reason;
    }
}
