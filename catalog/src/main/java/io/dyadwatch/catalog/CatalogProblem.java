package io.dyadwatch.catalog;

import java.util.Objects;

/**
 * One thing wrong with a catalog file, precise enough to fix it without reading code.
 *
 * @param line    1-based line in the YAML file where the problem is (0 when the file could not be read at all)
 * @param field   path of the offending field, like {@code indicators[combined-naval-patrol].rates.WEAKENING}
 * @param message what is wrong and what is allowed
 */
public record CatalogProblem(int line, String field, String message) {

    public CatalogProblem {
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, got " + line);
        }
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** {@code line 12: indicators[x].rates.WEAKENING: rate must be > 0, got -1}. */
    @Override
    public String toString() {
        return "line " + line + ": " + (field.isEmpty() ? "(document)" : field) + ": " + message;
    }
}
