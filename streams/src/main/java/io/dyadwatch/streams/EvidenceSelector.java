package io.dyadwatch.streams;

import io.dyadwatch.catalog.model.ScenarioModel.Evaluation;
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

    /**
     * The indicators that move {@code leading} away from the status quo in the horizon's evaluation: of the three
     * largest terms (by size), those in its favour.
     */
    static Set<String> driving(Evaluation horizon, Scenario leading, List<String> indicatorIds) {
        int[] best = {-1, -1, -1};
        double[] size = {0, 0, 0};
        for (int i = 0; i < indicatorIds.size(); i++) {
            double magnitude = Math.abs(horizon.term(i, leading));
            if (magnitude <= 1e-9) {
                continue;
            }
            for (int r = 0; r < 3; r++) {
                if (magnitude > size[r]) {
                    for (int q = 2; q > r; q--) {
                        size[q] = size[q - 1];
                        best[q] = best[q - 1];
                    }
                    size[r] = magnitude;
                    best[r] = i;
                    break;
                }
            }
        }
        Set<String> driving = new HashSet<>(4);
        for (int i : best) {
            if (i >= 0 && horizon.term(i, leading) > 0) {
                driving.add(indicatorIds.get(i));
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
                .comparing((PeriodTally.Ranked r) -> !drives(r, driving))
                .thenComparing(Comparator.comparingDouble(PeriodTally.Ranked::weight).reversed())
                .thenComparing(Comparator.comparingLong(PeriodTally.Ranked::occurredAtMs).reversed())
                .thenComparing(r -> r.key().id()));
        List<StateKey.OfEvent> keys = new ArrayList<>(Math.min(size, candidates.size()));
        for (int i = 0; i < candidates.size() && keys.size() < size; i++) {
            keys.add(candidates.get(i).key());
        }
        return keys;
    }

    private static boolean drives(PeriodTally.Ranked r, Set<String> driving) {
        if (driving.isEmpty()) {
            return false;
        }
        for (String indicator : r.indicators()) {
            if (driving.contains(indicator)) {
                return true;
            }
        }
        return false;
    }
}
