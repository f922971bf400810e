package io.dyadwatch.catalog;

import java.util.Objects;

/**
 * A signature indicator: one confirmed event of it changes the picture at once (lethal aid, a formal alliance, basing
 * rights, a combined patrol beyond Japan). Its status-quo rate is a judgement, not the window's Jeffreys floor: under
 * the status quo such an event does not happen, so what is left is the chance that a report of one is confirmed in
 * error (docs/catalog.md, "Signature events").
 *
 * @param statusQuoRate confirmed events per quarter under the status quo, by judgement (&gt; 0, below the floor a
 *                      reference window would give)
 * @param reason        why, in one sentence, with its seed reason
 */
public record SignatureJudgement(double statusQuoRate, String reason) {

    public SignatureJudgement {
        if (!(statusQuoRate > 0) || statusQuoRate > 1) {
            throw new IllegalArgumentException("a signature's status-quo rate must be in (0, 1] per quarter, got " + statusQuoRate);
        }
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a signature needs its reason");
        }
    }
}
