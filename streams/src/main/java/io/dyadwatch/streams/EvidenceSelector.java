package io.dyadwatch.streams;

import io.dyadwatch.catalog.model.Assessment;
import io.dyadwatch.catalog.model.IndicatorContribution;
import io.dyadwatch.model.assessment.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which events an assessment cites: the heaviest events of the trailing horizon, those behind the indicators
 * that drive the leading scenario first, then heavier before lighter, then newer before older. Pure.
 */
final class EvidenceSelector {

    private final int size;

    /** @param size how many events to cite */
    EvidenceSelector(int size) {
        this.size = size;
    }

    /** The indicators that move {@code leading} away from the status quo in the horizon's assessment. */
    static Set<String> driving(Assessment horizon, Scenario leading) {
        Set<String> driving = new HashSet<>();
        for (IndicatorContribution c : horizon.drivers(leading, 3)) {
            if (c.llrVsStatusQuo().get(leading) > 0) {
                driving.add(c.indicatorId());
            }
        }
        return driving;
    }

    /** The cited events' keys, best first. */
    List<StateKey.OfEvent> select(List<PeriodTally> trailing, Set<String> driving) {
        List<PeriodTally.Ranked> candidates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PeriodTally tally : trailing) {
            for (PeriodTally.Ranked r : tally.top()) {
                if (seen.add(r.key().id())) {
                    candidates.add(r);
                }
            }
        }
        candidates.sort(Comparator
                .comparing((PeriodTally.Ranked r) -> r.indicators().stream().noneMatch(driving::contains))
                .thenComparing(Comparator.comparingDouble(PeriodTally.Ranked::weight).reversed())
                .thenComparing(Comparator.comparingLong(PeriodTally.Ranked::occurredAtMs).reversed())
                .thenComparing(r -> r.key().id()));
        List<StateKey.OfEvent> keys = new ArrayList<>(Math.min(size, candidates.size()));
        for (int i = 0; i < candidates.size() && keys.size() < size; i++) {
            keys.add(candidates.get(i).key());
        }
        return keys;
    }
}
