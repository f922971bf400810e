package io.dyadwatch.model.assessment;

import java.util.Objects;

/**
 * Where a scenario, indicator or rule comes from: a seed analysis and the passage quoted from it.
 *
 * @param seed  seed file name
 * @param quote the phrase, verbatim
 */
public record Citation(String seed, String quote) {

    public Citation {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(quote, "quote");
    }
}
