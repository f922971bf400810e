package io.dyadwatch.model.correction;

import io.dyadwatch.model.event.Dyad;
import io.dyadwatch.model.event.Grade;
import java.time.Instant;
import java.util.Objects;

/**
 * An analyst's correction of a published event, on {@code dyadwatch.corrections}, keyed like the event (by the
 * watched dyad it was published under), so the topology sees it on the event's partition after the event. Contract:
 * {@code model/src/main/resources/schema/correction-v1.schema.json}.
 *
 * <ul>
 * <li>{@link Action#RETRACT}: the event did not happen, or the report is withdrawn; it counts for nothing.</li>
 * <li>{@link Action#REGRADE}: the report's Admiralty grade becomes {@code grade} (it may fall below the confirmation
 * rule and stop counting).</li>
 * </ul>
 *
 * @param eventId     the corrected event's id
 * @param dyad        the dyad key the event was published under (the record key)
 * @param action      what is corrected
 * @param grade       the new grade for {@link Action#REGRADE} ({@code C3}); null for {@link Action#RETRACT}
 * @param reason      why, shown with the restated assessment and any alert it resolves; 1-500 characters
 * @param correctedAt when the analyst made it
 */
public record Correction(String eventId, String dyad, Action action, String grade, String reason,
        Instant correctedAt) {

    /** Longest reason accepted. */
    public static final int MAX_REASON = 500;
    /** Longest event id accepted, as the event contract's. */
    public static final int MAX_ID = 8192;

    /** What a correction does. */
    public enum Action {
        /** Withdraw the event. */
        RETRACT,
        /** Change the report's grade. */
        REGRADE
    }

    public Correction {
        Objects.requireNonNull(eventId, "eventId");
        if (eventId.isBlank() || eventId.length() > MAX_ID) {
            throw new IllegalArgumentException("the event id must be 1-" + MAX_ID + " characters, got '"
                    + (eventId.length() > 40 ? eventId.substring(0, 40) + "..." : eventId) + "'");
        }
        dyad = Dyad.parse(Objects.requireNonNull(dyad, "dyad")).key();
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(correctedAt, "correctedAt");
        if (action == Action.REGRADE) {
            grade = Grade.parse(Objects.requireNonNull(grade, "a regrade needs the new grade")).toString();
        } else if (grade != null) {
            throw new IllegalArgumentException("a retraction carries no grade");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a correction needs a reason");
        }
        reason = reason.strip();
        if (reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("the reason is longer than " + MAX_REASON + " characters");
        }
    }

    /** A retraction. */
    public static Correction retract(String eventId, String dyad, String reason, Instant at) {
        return new Correction(eventId, dyad, Action.RETRACT, null, reason, at);
    }

    /** A re-grade to {@code grade} (like {@code C3}). */
    public static Correction regrade(String eventId, String dyad, String grade, String reason, Instant at) {
        return new Correction(eventId, dyad, Action.REGRADE, grade, reason, at);
    }
}
