package io.dyadwatch.catalog.model;

import java.util.List;

/**
 * A generic move of one whole family against the status quo alone, named by no scenario: every kind of the family
 * more frequent, or less. Its CUSUM per family is the out-of-scenario check (docs/model.md, "No scenario fits"). The
 * factor of a family's move is the first of {@link #candidates()} whose status-quo drift stays downward under what the
 * reference window allows ({@link KindLikelihood#genericFactor}): x2 where the window knows the family's rate well,
 * more where it knows it less; a family where none holds is not checked.
 */
public enum GenericMove {
    /** Every kind of the family x2 (else x3, x4, x6, x8). */
    RISE(List.of(2.0, 3.0, 4.0, 6.0, 8.0)),
    /** Every kind of the family x0.5 (else x1/3, x0.25). */
    FALL(List.of(0.5, 1.0 / 3, 0.25));

    private final List<Double> candidates;

    GenericMove(List<Double> candidates) {
        this.candidates = candidates;
    }

    /** The factors tried, mildest first. */
    public List<Double> candidates() {
        return candidates;
    }
}
