package io.dyadwatch.producer.importing;

import java.util.List;
import java.util.Objects;

/**
 * One record of a CSV file.
 *
 * @param line    1-based line number where the record starts
 * @param fields  the fields, unquoted; empty when the record could not be read
 * @param problem why the record could not be read, or null when it was read
 */
public record CsvRecord(long line, List<String> fields, String problem) {

    public CsvRecord {
        fields = List.copyOf(fields);
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more, got " + line);
        }
    }

    /** A record that could not be read. */
    static CsvRecord unreadable(long line, String problem) {
        return new CsvRecord(line, List.of(), Objects.requireNonNull(problem, "problem"));
    }

    /** True when the record was read. */
    public boolean readable() {
        return problem == null;
    }
}
