package io.dyadwatch.producer.importing;

import java.util.Objects;

/**
 * One physical line of an input file, without its line terminator.
 *
 * @param number   1-based line number
 * @param text     the decoded text; empty when the line was too long
 * @param overlong true when the line exceeded {@link LineReader#MAX_LINE_BYTES} and its text was discarded
 */
public record Line(long number, String text, boolean overlong) {

    public Line {
        Objects.requireNonNull(text, "text");
        if (number < 1) {
            throw new IllegalArgumentException("line number must be 1 or more, got " + number);
        }
    }
}
