package io.dyadwatch.producer;

import io.dyadwatch.model.event.Rejection;
import java.util.List;

/**
 * The outcome of publishing one input.
 *
 * @param input     the input's name
 * @param lines     lines read
 * @param published events acknowledged by the broker
 * @param refused   lines the contract refused, in order
 * @param declared  what the input declared for its events (coverage and channel)
 */
public record PublishReport(String input, long lines, long published, List<RefusedLine> refused,
        FileDeclaration declared) {

    public PublishReport {
        refused = List.copyOf(refused);
        java.util.Objects.requireNonNull(declared, "declared");
    }

    /** True when every non-blank line was published. */
    public boolean complete() {
        return refused.isEmpty();
    }

    /**
     * One refused line.
     *
     * @param input      the input's name
     * @param lineNumber 1-based
     * @param rejection  why
     */
    public record RefusedLine(String input, long lineNumber, Rejection rejection) {
    }
}
