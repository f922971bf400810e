package io.dyadwatch.streams;

import io.dyadwatch.model.assessment.Scenario;
import java.util.Map;
import java.util.Objects;

/**
 * Where a dyad's assessment stands: the first period with evidence, the current period, the revision, and
 * the change statistics last published (so clock ticks publish only real changes).
 *
 * @param first     the first period with an event
 * @param current   the current (open) period
 * @param revision  assessment revision
 * @param published change statistics in the last published assessment
 */
record DyadTimeline(String first, String current, long revision, Map<Scenario, Double> published) {

    DyadTimeline {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(current, "current");
        published = Map.copyOf(published == null ? Map.of() : published);
    }
}
