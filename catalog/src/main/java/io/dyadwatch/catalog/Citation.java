package io.dyadwatch.catalog;

import java.util.Objects;

/**
 * Where in the seed analyses a scenario or indicator comes from.
 *
 * @param seed  seed file name, e.g. {@code 002_5e4206513a1261c3.txt}
 * @param quote a phrase copied verbatim from that file
 */
public record Citation(String seed, String quote) {

    public Citation {
        requireText(seed, "seed");
        requireText(quote, "quote");
    }

    static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
