package io.dyadwatch.catalog.model;

import io.dyadwatch.model.assessment.Scenario;
import java.util.Objects;

/**
 * A change to detect: the whole catalog moving to a scenario's rates, or one family alone (its indicators at the
 * scenario's rates, every other indicator at the status quo).
 *
 * @param family  the family that moves, or null for a whole-scenario shift
 * @param toward  the scenario whose rates the moving indicators take (not STATUS_QUO)
 */
public record ShiftCase(String family, Scenario toward) {

    public ShiftCase {
        Objects.requireNonNull(toward, "toward");
        if (toward == Scenario.STATUS_QUO) {
            throw new IllegalArgumentException("a shift moves toward WEAKENING or STRENGTHENING");
        }
    }

    /** The whole catalog moves. */
    public static ShiftCase whole(Scenario toward) {
        return new ShiftCase(null, toward);
    }

    /** True for a whole-scenario shift. */
    public boolean isWhole() {
        return family == null;
    }

    /** {@code whole -> WEAKENING} or {@code patrols -> STRENGTHENING}. */
    public String label() {
        return (family == null ? "whole" : family) + " -> " + toward;
    }
}
