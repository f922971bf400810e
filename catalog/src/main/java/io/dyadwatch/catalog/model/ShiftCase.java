package io.dyadwatch.catalog.model;

import io.dyadwatch.model.assessment.Scenario;
import java.util.Objects;

/**
 * A change to detect: the whole catalog moving to a scenario's rates, one family alone (its indicators at the
 * scenario's rates, every other indicator at the status quo), or one family moving in a way no scenario names (every
 * kind of it x2 or x0.5: an out-of-scenario shift).
 *
 * @param family  the family that moves, or null for a whole-scenario shift
 * @param toward  the scenario whose rates the moving indicators take (not STATUS_QUO), or null for a generic move
 * @param move    the generic move of the family, or null for a scenario's rates
 */
public record ShiftCase(String family, Scenario toward, GenericMove move) {

    public ShiftCase {
        if ((toward == null) == (move == null)) {
            throw new IllegalArgumentException("a shift moves toward a scenario or by a generic move, not both or neither");
        }
        if (toward == Scenario.STATUS_QUO) {
            throw new IllegalArgumentException("a shift moves toward WEAKENING or STRENGTHENING");
        }
        if (move != null) {
            Objects.requireNonNull(family, "a generic move is of one family");
        }
    }

    /** A family (null: the whole catalog) moving to a scenario's rates. */
    public ShiftCase(String family, Scenario toward) {
        this(family, Objects.requireNonNull(toward, "toward"), null);
    }

    /** The whole catalog moves. */
    public static ShiftCase whole(Scenario toward) {
        return new ShiftCase(null, toward);
    }

    /** A family moves by a generic move, toward no scenario. */
    public static ShiftCase generic(String family, GenericMove move) {
        return new ShiftCase(family, null, Objects.requireNonNull(move, "move"));
    }

    /** True for a whole-scenario shift. */
    public boolean isWhole() {
        return family == null;
    }

    /** True for an out-of-scenario shift. */
    public boolean isGeneric() {
        return move != null;
    }

    /** {@code whole -> WEAKENING}, {@code patrols -> STRENGTHENING} or {@code war-support RISE}. */
    public String label() {
        if (move != null) {
            return family + " " + move;
        }
        return (family == null ? "whole" : family) + " -> " + toward;
    }
}
