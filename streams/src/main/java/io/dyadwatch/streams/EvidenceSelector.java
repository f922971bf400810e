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

    /** The order of citation: behind a driving indicator first, then heavier, then newer, then by id. */
    private static final Comparator<Candidate> BEST_FIRST = Comparator
            .comparing((Candidate c) -> !c.drives())
            .thenComparing(Comparator.comparingDouble((Candidate c) -> c.ranked().weight()).reversed())
            .thenComparing(Comparator.comparingLong((Candidate c) -> c.ranked().occurredAtMs()).reversed())
            .thenComparing(c -> c.ranked().key().id());

    private record Candidate(PeriodTally.Ranked ranked, boolean drives) {
    }

    /** The cited events' keys, best first (a bounded selection: this runs once per report). */
    List<StateKey.OfEvent> select(List<PeriodTally> trailing, Set<String> driving) {
        Candidate[] best = new Candidate[size];
        int kept = 0;
        for (PeriodTally tally : trailing) {
            for (PeriodTally.Ranked r : tally.top()) {
                Candidate c = new Candidate(r, drives(r, driving));
                int at = kept;
                while (at > 0 && BEST_FIRST.compare(c, best[at - 1]) < 0) {
                    at--;
                }
                if (at >= size) {
                    continue;
                }
                if (kept < size) {
                    kept++;
                }
                System.arraycopy(best, at, best, at + 1, kept - 1 - at);
                best[at] = c;
            }
        }
        List<StateKey.OfEvent> keys = new ArrayList<>(kept);
        for (int i = 0; i < kept; i++) {
            keys.add(best[i].ranked().key());
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
