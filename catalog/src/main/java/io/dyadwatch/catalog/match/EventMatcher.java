package io.dyadwatch.catalog.match;

import io.dyadwatch.model.event.Event;
import io.dyadwatch.model.event.EventType;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which events count for one indicator: an event of one of {@code types} for which every {@code all} predicate holds,
 * at least one {@code any} predicate holds (when there are any), and no {@code none} predicate holds.
 *
 * @param types event types, not empty
 * @param all   predicates that must all hold
 * @param any   predicates of which one must hold (ignored when empty)
 * @param none  predicates none of which may hold
 */
public record EventMatcher(Set<EventType> types, List<AttributePredicate> all, List<AttributePredicate> any,
                           List<AttributePredicate> none) {

    public EventMatcher {
        Objects.requireNonNull(types, "types");
        if (types.isEmpty()) {
            throw new IllegalArgumentException("a matcher needs at least one event type");
        }
        types = java.util.Collections.unmodifiableSet(EnumSet.copyOf(types));
        all = List.copyOf(all);
        any = List.copyOf(any);
        none = List.copyOf(none);
    }

    /** True when the event counts for this matcher's indicator. */
    public boolean matches(Event event) {
        if (!types.contains(event.type())) {
            return false;
        }
        for (AttributePredicate p : all) {
            if (!p.test(event)) {
                return false;
            }
        }
        if (!any.isEmpty() && any.stream().noneMatch(p -> p.test(event))) {
            return false;
        }
        for (AttributePredicate p : none) {
            if (p.test(event)) {
                return false;
            }
        }
        return true;
    }
}
